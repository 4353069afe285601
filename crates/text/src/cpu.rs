//! The CPU time of the calling thread, for benchmarks and tools that report
//! throughput per CPU-second: on a shared machine, wall-clock time counts
//! the time other processes held the core.

use std::time::Duration;

/// This thread's time on a CPU so far, from the POSIX thread CPU clock
/// (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, nanosecond resolution; unlike
/// `/proc/thread-self/schedstat` it does not read zero on kernels built
/// without schedstats). `None` where the platform has no such clock.
pub fn thread_cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the call only writes it.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }
    #[cfg(not(unix))]
    {
        None
    }
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
