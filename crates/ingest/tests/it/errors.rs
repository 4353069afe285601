//! Bad input: each is reported with its file (and line), skipped, and the
//! batch goes on in input order.

use std::path::{Path, PathBuf};

use dossier_ingest::{ingest_bytes, ingest_paths, IngestConfig, IngestError};
use expect_test::{expect, Expect};

use crate::{check_with, render};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Renders a batch over paths, with the scratch dir's path replaced by `$DIR`.
fn check_paths(dir: &Path, paths: &[PathBuf], cfg: &IngestConfig, expect: Expect) {
    let items: Vec<_> = ingest_paths(paths, cfg).collect();
    let out = render(&items, 60).replace(&dir.display().to_string(), "$DIR");
    expect.assert_eq(&out);
}

#[test]
fn a_batch_reports_each_bad_file_and_goes_on() {
    let dir = scratch("batch");
    std::fs::write(
        dir.join("a.txt"),
        " date 2024-04-01 Police cleared the square.",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.txt"), "  \n\n").unwrap();
    std::fs::write(
        dir.join("image.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 owners in Tunis went on strike.".as_slice(),
    )
    .unwrap();
    std::fs::write(dir.join("z.txt"), "Rains returned to the Sahel.").unwrap();
    let paths = [
        dir.join("missing.txt"),
        dir.join("a.txt"),
        dir.join("empty.txt"),
        dir.join("blank.txt"),
        dir.join("image.txt"),
        dir.join("latin1.txt"),
        dir.join("z.txt"),
    ];
    check_paths(
        &dir,
        &paths,
        &IngestConfig::default(),
        expect![[r#"
            error: $DIR/missing.txt: no such file or directory; check the path
            a | 2024-04-01 | - | Police cleared the square.
            error: $DIR/empty.txt: the file is empty; give a file with article text
            error: $DIR/blank.txt: the file is empty; give a file with article text
            error: $DIR/image.txt: this looks like a binary file, not text; give text, JSON Lines, HTML or an RSS/Atom feed
            latin1 | - | - | Caf� owners in Tunis went on strike.
              Warning: $DIR/latin1.txt: 1 invalid UTF-8 sequence(s) were replaced with U+FFFD; re-save the file as UTF-8
              Info: $DIR/latin1.txt: no publication date; relative times cannot be anchored, give one with --date
            z | - | - | Rains returned to the Sahel.
              Info: $DIR/z.txt: no publication date; relative times cannot be anchored, give one with --date
        "#]],
    );
}

#[test]
fn directories_are_read_recursively_in_sorted_order() {
    let dir = scratch("tree");
    std::fs::create_dir_all(dir.join("b/inner")).unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::write(dir.join("b/inner/2.txt"), "Second, nested.").unwrap();
    std::fs::write(
        dir.join("b/1.jsonl"),
        "{\"text\": \"First, from JSON Lines.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a.html"),
        "<p>A page about a vote in the assembly.</p>",
    )
    .unwrap();
    std::fs::write(dir.join("c.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Not read.").unwrap();
    check_paths(
        &dir,
        &[dir.clone(), dir.join("empty")],
        &IngestConfig {
            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
            ..IngestConfig::default()
        },
        expect![[r#"
            a | 2024-01-01 | - | A page about a vote in the assembly.
            1#1 | 2024-01-01 | - | First, from JSON Lines.
            2 | 2024-01-01 | - | Second, nested.
            error: $DIR/empty: the directory holds no article files (.txt, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml); check the path
        "#]],
    );
}

#[test]
fn size_limits_name_the_file_and_line() {
    let cfg = IngestConfig {
        max_bytes: 40,
        ..IngestConfig::default()
    };
    check_with(
        "long.txt",
        "This article is longer than forty bytes, which is the limit here.",
        &cfg,
        expect![[r#"
            error: long.txt: the article is 65 bytes, over the limit of 40 bytes; split it, or raise the limit with --max-bytes
        "#]],
    );
    check_with(
        "lines.jsonl",
        "{\"text\": \"Short.\"}\n{\"text\": \"This line is longer than forty bytes in all.\"}\n",
        &cfg,
        expect![[r#"
            lines#1 | - | - | Short.
              Info: lines.jsonl:1: no publication date; relative times cannot be anchored, give one with --date
            error: lines.jsonl:2: the article is 56 bytes, over the limit of 40 bytes; split it, or raise the limit with --max-bytes
        "#]],
    );
    let dir = scratch("limit");
    std::fs::write(
        dir.join("big.jsonl"),
        "{\"text\": \"Short.\"}\n{\"text\": \"This line is longer than forty bytes in all.\"}\n",
    )
    .unwrap();
    check_paths(
        &dir,
        &[dir.join("big.jsonl")],
        &cfg,
        expect![[r#"
            big#1 | - | - | Short.
              Info: $DIR/big.jsonl:1: no publication date; relative times cannot be anchored, give one with --date
            error: $DIR/big.jsonl:2: the article is 56 bytes, over the limit of 40 bytes; split it, or raise the limit with --max-bytes
        "#]],
    );
}

#[test]
fn invalid_utf8_in_a_jsonl_line_is_a_diagnostic_on_that_article() {
    let items = ingest_bytes(
        "w.jsonl",
        b"{\"text\": \"ok\"}\n{\"text\": \"bad \xff byte\"}\n",
        &IngestConfig::default(),
    );
    expect![[r#"
        w#1 | - | - | ok
          Info: w.jsonl:1: no publication date; relative times cannot be anchored, give one with --date
        w#2 | - | - | bad � byte
          Warning: w.jsonl:2: 1 invalid UTF-8 sequence(s) were replaced with U+FFFD; re-save the file as UTF-8
          Info: w.jsonl:2: no publication date; relative times cannot be anchored, give one with --date
    "#]].assert_eq(&render(&items, 60));
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Talks in Baku.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let items = ingest_bytes("u.txt", &bytes, &IngestConfig::default());
    assert_eq!(
        items[0].as_ref().map(|d| d.text()).ok(),
        Some("Talks in Baku.")
    );
}

#[test]
fn gzip_is_recognised_by_its_magic() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b" date 2024-02-02 Compressed text.").unwrap();
    let items = ingest_bytes("a.txt.gz", &gz.finish().unwrap(), &IngestConfig::default());
    let doc = items[0].as_ref().expect("a document");
    assert_eq!(
        (doc.meta.id.as_str(), doc.text()),
        ("a", "Compressed text.")
    );
}

#[test]
fn pages_and_feeds_without_text_are_errors() {
    expect![[r#"
        error: shell.html: no article text found; check that the input holds an article
    "#]]
    .assert_eq(&render(
        &ingest_bytes(
            "shell.html",
            b"<html><body><script>app()</script></body></html>",
            &IngestConfig::default(),
        ),
        60,
    ));
    expect![[r#"
        error: broken.rss: cannot parse the feed: unable to parse feed: no root element; check that it is RSS or Atom XML
    "#]].assert_eq(&render(&ingest_bytes("broken.rss", b"<rss><channel><item>", &IngestConfig::default()), 60));
}

#[test]
fn every_error_names_its_input() {
    let items = ingest_bytes("named.jsonl", b"nope\n", &IngestConfig::default());
    let Err(e) = &items[0] else {
        panic!("expected an error")
    };
    assert_eq!(e.source_path().to_string(), "named.jsonl");
    assert!(matches!(e, IngestError::JsonLine { line: 1, .. }));
    let msg = e.to_string();
    assert!(!msg.ends_with('.'), "{msg}");
}

#[test]
fn repeated_ids_are_made_unique_in_input_order() {
    let dir = scratch("ids");
    std::fs::create_dir_all(dir.join("jan")).unwrap();
    std::fs::create_dir_all(dir.join("feb")).unwrap();
    std::fs::write(
        dir.join("jan/report.txt"),
        " date 2024-01-31 January report.",
    )
    .unwrap();
    std::fs::write(
        dir.join("feb/report.txt"),
        " date 2024-02-29 February report.",
    )
    .unwrap();
    std::fs::write(
        dir.join("wire.jsonl"),
        "{\"id\": \"report\", \"date\": \"2024-03-01\", \"text\": \"Third.\"}\n{\"id\": \"w\", \"date\": \"2024-03-02\", \"text\": \"Fourth.\"}\n{\"id\": \"w\", \"date\": \"2024-03-03\", \"text\": \"Fifth.\"}\n",
    )
    .unwrap();
    check_paths(
        &dir,
        std::slice::from_ref(&dir),
        &IngestConfig::default(),
        expect![[r#"
        report | 2024-02-29 | - | February report.
        report~2 | 2024-01-31 | - | January report.
          Warning: id `report` is taken by an earlier article, so this one is `report~2`; give the articles unique ids or file names
        report~3 | 2024-03-01 | - | Third.
          Warning: id `report` is taken by an earlier article, so this one is `report~3`; give the articles unique ids or file names
        w | 2024-03-02 | - | Fourth.
        w~2 | 2024-03-03 | - | Fifth.
          Warning: id `w` is taken by an earlier article, so this one is `w~2`; give the articles unique ids or file names
    "#]],
    );
}

#[test]
fn legacy_charsets_are_honoured_for_pages_and_feeds() {
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 owners in Tunis went on strike on Monday over new taxes.</p></body></html>";
    let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Gr\xe8ve</title><description>Caf\xe9 owners went on strike.</description><pubDate>Mon, 08 Apr 2024 09:30:00 +0000</pubDate></item></channel></rss>";
    let mut items = ingest_bytes("cafe.html", page, &IngestConfig::default());
    items.extend(ingest_bytes("cafe.rss", feed, &IngestConfig::default()));
    expect![[r#"
        cafe | - | - | Café owners in Tunis went on strike on Monday over new taxes…
          Info: cafe.html: the page is not UTF-8; it was decoded as windows-1252, the charset it declares
          Info: cafe.html: no publication date; relative times cannot be anchored, give one with --date
        cafe#1 | 2024-04-08 | Grève | Café owners went on strike.
          source: T
    "#]].assert_eq(&render(&items, 60));
}
