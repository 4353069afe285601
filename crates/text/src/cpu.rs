//! The CPU time of the calling thread, for benchmarks and tools that report
//! throughput per CPU-second: on a shared machine, wall-clock time counts
//! the time other processes held the core.

use std::time::Duration;

/// This thread's time on a CPU so far, from `/proc/thread-self/schedstat`
/// (Linux; nanoseconds). `None` where the kernel does not report it.
pub fn thread_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_time_grows_with_work() {
        let Some(start) = super::thread_cpu_time() else {
            return; // not Linux: nothing to measure
        };
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = x.wrapping_mul(31).wrapping_add(i);
        }
        std::hint::black_box(x);
        assert!(super::thread_cpu_time().unwrap() > start);
    }
}
