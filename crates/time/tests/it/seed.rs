//! The seed article of the project, read only when it is present, and a
//! hermetic article of our own with the same kinds of dates.

use expect_test::expect;

use crate::check;

#[test]
fn seed_article_dates_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed.txt"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("seed article not found at {path}; skipping");
        return;
    };
    let raw = raw.trim_start();
    let rest = raw.strip_prefix("date").unwrap_or(raw).trim_start();
    let (date, text) = rest.split_at(10.min(rest.len()));
    let dct = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let (times, _) = dossier_time::TimeTagger::default().annotate(text, dct);
    let values: Vec<&str> = times.iter().filter_map(|t| t.value.as_deref()).collect();
    assert!(values.contains(&"2014"), "{values:?}");
    assert!(values.contains(&"2015-01"), "{values:?}");
}

#[test]
fn own_article_with_year_and_month_dates() {
    check(
        "The militia was set up in 2014 by defectors from three factions. Its leaders \
         declared a new province in January 2015, and the group has since claimed \
         dozens of attacks.",
        "2023-02-18",
        expect![[r#"
            '2014' DATE 2014
            'January 2015' DATE 2015-01
        "#]],
    );
}
