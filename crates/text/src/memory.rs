//! Memory held by data embedded in the binary, and by the allocator.
//!
//! The models and gazetteer tables are compiled into the binary
//! (`include_bytes!`) and parsed once at start-up into their own tables;
//! after that their bytes are never read again. The kernel keeps the pages it
//! read them from resident, and they count in the process's RSS: about 65 MB,
//! a fifth of a running pipeline. [`release_embedded`] gives them back.

/// Tells the kernel that the pages holding `bytes` (embedded, read-only data)
/// are not needed now, so that they leave the process's resident set. Only
/// whole pages inside `bytes` are released, never a neighbour's. Reading
/// `bytes` again later is still correct: the pages of a read-only file
/// mapping are read back from the binary on the next access. A no-op where
/// the platform has no `madvise`.
pub fn release_embedded(bytes: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf only reads a constant of the system.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let Ok(page) = usize::try_from(page) else {
            return;
        };
        if page == 0 {
            return;
        }
        let start = bytes.as_ptr() as usize;
        let first = start.div_ceil(page) * page;
        let last = (start + bytes.len()) / page * page;
        if last <= first {
            return;
        }
        // SAFETY: [first, last) lies inside `bytes`, a 'static read-only
        // slice of the binary's own mapping, which is never written: for
        // such a private file mapping MADV_DONTNEED only drops the resident
        // copies, and a later read faults the same bytes back in from the
        // file. No Rust reference observes a change. A failure (EINVAL on
        // an unusual mapping) leaves the pages resident, which is harmless.
        unsafe {
            libc::madvise(
                first as *mut libc::c_void,
                last - first,
                libc::MADV_DONTNEED,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = bytes;
    }
}

/// Bounds the C allocator's arenas to `n` (glibc's `M_ARENA_MAX`; a no-op
/// elsewhere). glibc gives each thread that meets contention an arena of its
/// own, up to eight per core, and memory freed in one is not reused by
/// another: a server whose requests move between worker and blocking
/// threads then grows for a long while before it levels off (issue 22's
/// load test on a store of 100k articles, RSS from the 1,000th to the
/// 10,000th request: +26.5% with glibc's default, +8.0% to +11.7% with two
/// arenas, +4.7% with one, which also held the least). Call it at start,
/// before threads exist.
/// `MALLOC_ARENA_MAX` in the environment, glibc's own setting, wins.
pub fn bound_malloc_arenas(n: u16) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets a tunable of glibc's allocator; arenas
        // made before the call stay valid.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, libc::c_int::from(n.max(1)));
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let _ = n;
    }
}

#[cfg(test)]
mod tests {
    static DATA: [u8; 64 * 1024] = {
        let mut a = [0u8; 64 * 1024];
        let mut i = 0;
        while i < a.len() {
            a[i] = (i % 251) as u8;
            i += 1;
        }
        a
    };

    #[test]
    fn released_bytes_read_back_the_same() {
        let before: u64 = DATA.iter().map(|&b| b as u64).sum();
        super::release_embedded(&DATA);
        let after: u64 = std::hint::black_box(&DATA).iter().map(|&b| b as u64).sum();
        assert_eq!(before, after);
        assert!(DATA.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
    }

    #[test]
    fn a_slice_smaller_than_a_page_is_left_alone() {
        static SMALL: [u8; 10] = [7; 10];
        super::release_embedded(&SMALL);
        assert_eq!(SMALL, [7; 10]);
    }
}
