//! Work done on every core at once: what reading a long journal and writing its minutes need.

/// `f` of each job, in the jobs' order, each job in a thread of its own. A job whose thread
/// could not be started (or stopped before its result) is done again here.
pub fn map<T: Sync, R: Send>(jobs: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let f = &f;
    std::thread::scope(|scope| {
        let running: Vec<_> = jobs
            .iter()
            .map(|job| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || f(job))
                    .ok()
            })
            .collect();
        running
            .into_iter()
            .zip(jobs)
            .map(|(thread, job)| thread.and_then(|t| t.join().ok()).unwrap_or_else(|| f(job)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_the_jobs_order() {
        let jobs: Vec<u64> = (1..=9).collect();
        assert_eq!(
            super::map(&jobs, |n| n * n),
            [1, 4, 9, 16, 25, 36, 49, 64, 81]
        );
        assert_eq!(super::map(&[] as &[u64], |n| *n), Vec::<u64>::new());
    }
}
