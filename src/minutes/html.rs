//! minutes.html: the [`layout`](super::layout) as one self-contained web page: inline CSS that
//! prints well on A4, no scripts, nothing fetched. maud escapes every text, so a decision typed
//! as `<script>` shows as text.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::json::MinutesDoc;
use super::layout::{Block, Layout, Table, TableKind, layout};

const STYLE: &str = "\
body{font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;font-size:11pt;line-height:1.4;\
color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6em;margin:0 0 .2em}\
h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #999;break-after:avoid;\
page-break-after:avoid}\
h3{font-size:1em;margin:1em 0 .3em;break-after:avoid;page-break-after:avoid}\
p{margin:.3em 0}\
.date{color:#444;margin:0 0 1em}\
.notice{border-left:3px solid #999;padding-left:.6em;color:#444}\
.aside{font-style:italic;color:#444}\
.outcome{font-style:italic}\
table{border-collapse:collapse;width:100%;margin:.4em 0;break-inside:auto}\
th,td{border:1px solid #bbb;padding:.2em .4em;text-align:left;vertical-align:top}\
th{background:#eee}\
table.facts th{width:9em}\
table.signatures td{height:2.2em}\
tr{break-inside:avoid;page-break-inside:avoid}\
@page{size:A4;margin:2cm}\
@media print{body{margin:0;max-width:none;padding:0}}";

/// The whole minutes.html.
pub fn render(doc: &MinutesDoc) -> String {
    page(&layout(doc)).into_string()
}

fn page(l: &Layout) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(l.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (l.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (l.title) }
                @if !l.date.is_empty() {
                    p.date { (l.date) }
                }
                @for b in &l.blocks {
                    (block(b))
                }
            }
        }
    }
}

fn block(b: &Block) -> Markup {
    html! {
        @match b {
            Block::Facts(rows) => {
                table.facts {
                    @for (label, value) in rows {
                        tr { th scope="row" { (label) } td { (value) } }
                    }
                }
            }
            Block::Notice(s) => p.notice { (s) },
            Block::Heading { text, item } => {
                @match item {
                    Some(i) => h2 id={ "item-" (i + 1) } { (text) },
                    None => h2 { (text) },
                }
            }
            Block::Label(s) => h3 { (s) },
            Block::Para(s) => p { (s) },
            Block::Aside(s) => p.aside { (s) },
            Block::Field(label, value) => p { strong { (label) ":" } " " (value) },
            Block::Bullets(lines) => ul { @for l in lines { li { (l) } } },
            Block::Clauses(clauses) => {
                @let numbered = clauses.iter().any(|c| c.number.is_some());
                @let items = html! {
                    @for c in clauses {
                        li {
                            (c.text)
                            @if let Some(o) = c.outcome { " — " span.outcome { (o) } }
                        }
                    }
                };
                @if numbered { ol { (items) } } @else { ul { (items) } }
            }
            Block::Table(t) => (table(t)),
        }
    }
}

fn table(t: &Table) -> Markup {
    let class = match t.kind {
        TableKind::Actions => "actions",
        TableKind::Votes => "votes",
        TableKind::Signatures => "signatures",
    };
    html! {
        table class=(class) {
            thead { tr { @for h in &t.head { th scope="col" { (h) } } } }
            tbody {
                @for row in &t.rows {
                    tr { @for c in row { td { (c) } } }
                }
            }
        }
    }
}
