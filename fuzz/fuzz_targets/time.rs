//! The time normaliser with an arbitrary anchor date (any day chrono can
//! represent) and arbitrary text: no panic, and every value a TIMEX3 value
//! (no sign, a year of at most four digits).
#![no_main]

use chrono::NaiveDate;
use dossier_time::TimeTagger;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 5 {
        return;
    }
    let days = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    // Half the inputs anchor in the centuries news is written in, so the
    // rules are exercised with plausible anchors too.
    let days = if data[4] & 1 == 0 {
        730_000 + days.rem_euclid(80_000)
    } else {
        days
    };
    let dct = NaiveDate::from_num_days_from_ce_opt(days);
    let text = String::from_utf8_lossy(&data[5..]);
    let (times, _) = TimeTagger::default().annotate(&text, dct);
    for t in times {
        if let Some(v) = t.value {
            assert!(
                !v.starts_with('-') && v.bytes().take_while(u8::is_ascii_digit).count() <= 4,
                "{v}"
            );
        }
    }
});
