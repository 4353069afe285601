//! No panic on arbitrary input, and every range on a char boundary.

use chrono::NaiveDate;
use dossier_time::TimeTagger;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", days in 0i64..80_000) {
        let dct = NaiveDate::from_ymd_opt(1900, 1, 1).and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
        let (times, _) = TimeTagger::default().annotate(&text, dct);
        for t in times {
            prop_assert!(text.is_char_boundary(t.range.start() as usize));
            prop_assert!(text.is_char_boundary(t.range.end() as usize));
        }
    }

    #[test]
    fn date_like_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("Feb."), Just("30"), Just("31st"), Just("2099"), Just("9999"), Just("0"),
            Just("last"), Just("next"), Just("Monday"), Just("ago"), Just("the"), Just("-"),
            Just("/"), Just("p.m."), Just("12:60"), Just("century"), Just("1990s"), Just("'"),
            Just("years"), Just("later"), Just("early"), Just("of"), Just("4294967295"), Just(","),
            Just("a"), Just("quarter"), Just("first"), Just("half"), Just("every"), Just("\u{2013}"),
        ], 0..12),
        max in prop_oneof![Just(true), Just(false)])
    {
        let text = parts.join(if max { " " } else { "" });
        let dct = if max { NaiveDate::from_ymd_opt(262_000, 12, 31) } else { NaiveDate::from_ymd_opt(-262_000, 1, 1) };
        let _ = TimeTagger::default().annotate(&text, dct);
        let _ = TimeTagger::default().annotate(&text, None);
    }
}
