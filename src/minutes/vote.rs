//! A vote in the minutes' words: what was voted on and the result in standard wording.

use crate::i18n::{Key, Lang};

/// The counts of one vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
}

impl Tally {
    /// Nobody against and nobody abstaining.
    pub fn unanimous(self) -> bool {
        self.against == 0 && self.abstain == 0 && self.votes_for > 0
    }

    /// A simple majority of the votes cast carries the proposal.
    pub fn carried(self) -> bool {
        self.votes_for > self.against
    }

    /// "Forslaget blev vedtaget med 5 stemmer for og 2 imod." (and who abstained).
    pub fn result(self, lang: Lang) -> String {
        let key = if self.unanimous() {
            Key::VoteCarriedUnanimously
        } else if self.carried() {
            Key::VoteCarried
        } else {
            Key::VoteNotCarried
        };
        let mut s = key
            .get(lang)
            .replace("{for}", &self.votes_for.to_string())
            .replace("{against}", &self.against.to_string());
        if self.abstain > 0 {
            s.push_str(
                &Key::VoteAbstainedCount
                    .get(lang)
                    .replace("{n}", &self.abstain.to_string()),
            );
        }
        s.push('.');
        s
    }
}

/// What the vote was on: "indstillingens punkt 2", "indstillingen", "forslaget".
pub fn subject(clause: Option<usize>, has_recommendation: bool, lang: Lang) -> String {
    match clause {
        Some(k) => Key::VoteOnClause
            .get(lang)
            .replace("{n}", &(k + 1).to_string()),
        None if has_recommendation => Key::VoteOnRecommendation.get(lang).to_string(),
        None => Key::VoteOnProposal.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(votes_for: u32, against: u32, abstain: u32) -> Tally {
        Tally {
            votes_for,
            against,
            abstain,
        }
    }

    #[test]
    fn results_in_standard_wording() {
        assert_eq!(
            t(5, 2, 0).result(Lang::Da),
            "Forslaget blev vedtaget med 5 stemmer for og 2 imod."
        );
        assert_eq!(
            t(5, 2, 1).result(Lang::Nb),
            "Forslaget ble vedtatt med 5 stemmer for og 2 mot; 1 avsto."
        );
        assert_eq!(
            t(2, 4, 0).result(Lang::En),
            "The proposal was not carried: 2 votes for and 4 against."
        );
        assert_eq!(
            t(3, 0, 0).result(Lang::Da),
            "Forslaget blev vedtaget enstemmigt."
        );
        assert_eq!(
            t(3, 3, 0).result(Lang::Da),
            "Forslaget blev ikke vedtaget: 3 stemmer for og 3 imod."
        );
    }

    #[test]
    fn subjects() {
        assert_eq!(subject(Some(1), true, Lang::Da), "indstillingens punkt 2");
        assert_eq!(subject(None, true, Lang::Nb), "innstillingen");
        assert_eq!(subject(None, false, Lang::En), "the proposal");
    }
}
