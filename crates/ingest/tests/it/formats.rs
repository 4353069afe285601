//! Each input format, from inline fixtures.

use chrono::NaiveDate;
use dossier_ingest::{Format, IngestConfig};
use expect_test::expect;

use crate::{check, check_with};

#[test]
fn seed_prefix_is_stripped_and_dates_the_article() {
    check(
        "quetta.txt",
        " date 2024-05-02 Gunmen attacked a police checkpoint near Quetta.\n",
        expect![[r#"
            quetta | 2024-05-02 | - | Gunmen attacked a police checkpoint near Quetta.
        "#]],
    );
}

#[test]
fn seed_prefix_may_end_with_a_line_break() {
    check(
        "note",
        "\n\ndate 2021-08-15\nThe Taliban entered Kabul on Sunday.",
        expect![[r#"
            note | 2021-08-15 | - | The Taliban entered Kabul on Sunday.
        "#]],
    );
}

#[test]
fn impossible_seed_date_keeps_the_article_without_a_date() {
    check(
        "relief.txt",
        " date 2023-02-30 Donors pledged new funds for flood relief.",
        expect![[r#"
            relief | - | - | Donors pledged new funds for flood relief.
              Warning: relief.txt:1: field `date`: `2023-02-30` is not a valid date (no such day exists); the article is kept without a date, fix the prefix or give one with --date
              Info: relief.txt: no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
}

#[test]
fn plain_text_has_no_date_unless_given() {
    check(
        "briefing.txt",
        "Ministers met in Tashkent.\n",
        expect![[r#"
            briefing | - | - | Ministers met in Tashkent.
              Info: briefing.txt: no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
    let cfg = IngestConfig {
        date: NaiveDate::from_ymd_opt(2024, 1, 9),
        ..IngestConfig::default()
    };
    check_with(
        "briefing.txt",
        "Ministers met in Tashkent.\n",
        &cfg,
        expect![[r#"
            briefing | 2024-01-09 | - | Ministers met in Tashkent.
        "#]],
    );
}

#[test]
fn given_date_overrides_the_articles_own_and_says_so() {
    let cfg = IngestConfig {
        date: NaiveDate::from_ymd_opt(2024, 1, 9),
        ..IngestConfig::default()
    };
    check_with(
        "a.txt",
        " date 2024-01-08 Ministers met in Tashkent.",
        &cfg,
        expect![[r#"
            a | 2024-01-09 | - | Ministers met in Tashkent.
              Info: a.txt: the article says 2024-01-08 but the given date 2024-01-09 is used; drop --date to keep the article's own
        "#]],
    );
}

#[test]
fn forced_text_format_keeps_the_prefix() {
    let cfg = IngestConfig {
        format: Some(Format::Text),
        ..IngestConfig::default()
    };
    check_with(
        "a.txt",
        " date 2024-01-08 Ministers met.",
        &cfg,
        expect![[r#"
            a | - | - | date 2024-01-08 Ministers met.
              Info: a.txt: no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
}

#[test]
fn jsonl_fields_and_ids() {
    check(
        "wire.jsonl",
        concat!(
            r#"{"id": "w1", "date": "2024-03-05", "title": "Talks resume", "url": "https://example.org/1", "source": "Wire", "language": "en", "text": "Negotiators met in Doha."}"#,
            "\n",
            r#"{"date": "2024-03-06T23:15:00-05:00", "text": "Dock workers returned to work."}"#,
            "\n",
            r#"{"id": 7, "date": "20240307", "text": "Counting began on Sunday."}"#,
        ),
        expect![[r#"
            w1 | 2024-03-05 | Talks resume | Negotiators met in Doha.
              url: https://example.org/1
              source: Wire
              language: en
            wire#2 | 2024-03-06 | - | Dock workers returned to work.
            7 | 2024-03-07 | - | Counting began on Sunday.
        "#]],
    );
}

#[test]
fn jsonl_bad_lines_are_skipped_with_their_line_numbers() {
    check(
        "wire.ndjson",
        concat!(
            "{\"text\": \"First.\"}\n",
            "\n",
            "not json\n",
            "{\"id\": \"x\"}\n",
            "{\"text\": \"  \"}\n",
            "[1, 2]\n",
            "{\"text\": \"Last.\", \"date\": \"2023-02-30\"}\n",
        ),
        expect![[r#"
            wire#1 | - | - | First.
              Info: wire.ndjson:1: no publication date; relative times cannot be anchored, give one with --date
            error: wire.ndjson:3: not valid JSON (expected ident at line 1 column 2); each line must be one JSON object
            error: wire.ndjson:4: no `text` field; each line needs the article text in `text`
            error: wire.ndjson:5: field `text` is empty; give the article text
            error: wire.ndjson:6: not a JSON object; each line must be one object with a `text` field
            wire#7 | - | - | Last.
              Warning: wire.ndjson:7: field `date`: `2023-02-30` is not a valid date (no such day exists); the article is kept without a date, fix the field or give one with --date
              Info: wire.ndjson:7: no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
}

#[test]
fn content_decides_the_format_when_the_name_does_not() {
    check(
        "-",
        "{\"id\": \"s1\", \"date\": \"2024-02-01\", \"text\": \"From a pipe.\"}\n",
        expect![[r#"
            s1 | 2024-02-01 | - | From a pipe.
        "#]],
    );
    check(
        "-",
        " date 2024-02-01 From a pipe.",
        expect![[r#"
            stdin | 2024-02-01 | - | From a pipe.
        "#]],
    );
    check(
        "page",
        "<!doctype html><html><head><meta name=\"date\" content=\"2024-02-01\"></head><body><p>Protesters gathered outside parliament in Tbilisi on Thursday night.</p></body></html>",
        expect![[r#"
            page | 2024-02-01 | - | Protesters gathered outside parliament in Tbilisi on Thursda…
        "#]],
    );
    check(
        "feed.xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>One</title><description>Ships were turned back at the strait.</description></item></channel></rss>",
        expect![[r#"
            feed#1 | - | One | Ships were turned back at the strait.
              source: T
              Info: feed.xml (item 1): no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
}

#[test]
fn sniffing() {
    let cases = [
        ("  {\"text\": \"x\"}", Format::Jsonl),
        ("<rss version=\"2.0\">", Format::Feed),
        (
            "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            Format::Feed,
        ),
        (
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            Format::Html,
        ),
        ("\u{feff}<!DOCTYPE html>", Format::Html),
        ("<p>A fragment</p>", Format::Html),
        ("Date 2024-01-01 Text", Format::Seed),
        ("dated 2024-01-01 text", Format::Text),
        ("date: 2024-01-01", Format::Text),
    ];
    for (input, want) in cases {
        assert_eq!(Format::sniff(input), want, "{input:?}");
    }
}

#[test]
fn feed_item_with_a_bad_pub_date_warns_and_a_lenient_one_is_read() {
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>A</title><pubDate>sometime soon</pubDate><description>Troops withdrew from the border post on Tuesday.</description></item>
<item><title>B</title><pubDate>November 19, 2019, 07:47 PM EST</pubDate><description>Rebels shelled the town on Friday.</description></item>
</channel></rss>"#;
    let items = dossier_ingest::ingest_str("wire.rss", feed, &IngestConfig::default());
    let docs: Vec<_> = items.iter().map(|d| d.as_ref().unwrap()).collect();
    assert_eq!(docs[0].meta.date, None);
    assert!(docs[0].diagnostics.iter().any(|d| d
        .message
        .contains("<pubDate> `sometime soon` is not a valid date")));
    assert_eq!(docs[1].meta.date.unwrap().to_string(), "2019-11-19");
}

#[test]
fn truncated_feed_keeps_its_complete_items() {
    let feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Desk</title>\
<entry><title>A</title><updated>2024-03-05T10:00:00Z</updated><content>Troops withdrew from the border post.</content></entry>\
<entry><title>B</title><updated>2024-03-05T11:00:00Z</updated><content>Rebels shel";
    let items = dossier_ingest::ingest_str("desk.atom", feed, &IngestConfig::default());
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].as_ref().unwrap().text(),
        "Troops withdrew from the border post."
    );
    let err = items[1].as_ref().unwrap_err().to_string();
    assert!(err.contains("the feed is cut off after item 1"), "{err}");
}
