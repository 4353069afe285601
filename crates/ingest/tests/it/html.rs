//! Main-text extraction and page metadata, on small pages.

use dossier_ingest::html::{extract_article, fragment_text, main_text};
use expect_test::{expect, Expect};

/// Renders what a page yields: metadata lines, then the text.
fn check_page(page: &str, expect: Expect) {
    let a = extract_article(page);
    let mut out = String::new();
    for (key, value) in [
        ("title", a.title.clone()),
        ("date", a.date.map(|d| d.to_string())),
        ("url", a.url.clone()),
        ("site", a.site_name.clone()),
        ("language", a.language.clone()),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    for (from, text) in &a.bad_dates {
        out.push_str(&format!("bad date: {from}: {text}\n"));
    }
    out.push_str("---\n");
    out.push_str(&a.text);
    out.push('\n');
    expect.assert_eq(&out);
}

const PARA1: &str = "Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.";
const PARA2: &str = "The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn navigation_comments_and_footer_are_left_out() {
    let body = format!(
        r#"<nav><a href="/">Home</a><a href="/news">News</a></nav>
        <div class="content"><p>{PARA1}</p><p>{PARA2}</p></div>
        <div id="comments"><p>First comment, it is a long one with many words, and commas, to look like prose.</p></div>
        <footer><p>Copyright, all rights reserved, terms and conditions apply to every page.</p></footer>"#
    );
    check_page(
        &page("", &body),
        expect![[r#"
            ---
            Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

            The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.
        "#]],
    );
}

#[test]
fn link_lists_inside_the_article_are_cleaned_out() {
    let body = format!(
        r#"<article><p>{PARA1}</p>
        <ul><li><a href="/1">Earlier: the first hours after the quake</a></li><li><a href="/2">Maps of the damaged provinces</a></li><li><a href="/3">How to donate</a></li></ul>
        <p>{PARA2}</p></article>"#
    );
    check_page(
        &page("", &body),
        expect![[r#"
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

        The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.
    "#]],
    );
}

#[test]
fn hidden_elements_scripts_and_share_bars_are_left_out() {
    let body = format!(
        r#"<div class="story"><div class="social-share"><a href="x">Share</a><a href="y">Tweet</a></div>
        <p>{PARA1}</p><p style="display: none">Hidden text that a reader never sees on the page at all.</p>
        <script>var x = "script text, with commas, that is not prose";</script><p>{PARA2}</p></div>"#
    );
    check_page(
        &page("", &body),
        expect![[r#"
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

        The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.
    "#]],
    );
}

#[test]
fn line_breaks_separate_paragraphs() {
    let body = format!(r#"<div id="main">{PARA1}<br><br>{PARA2}</div>"#);
    check_page(
        &page("", &body),
        expect![[r#"
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

        The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.
    "#]],
    );
}

#[test]
fn meta_tags_give_title_date_url_and_site() {
    let head = r#"<title>Quake survivors found | Example</title>
        <meta property="og:title" content="Two more survivors found in Antakya">
        <meta name="DC.date.issued" content="2023-02-10">
        <meta property="og:site_name" content="Example Daily">
        <link rel="canonical" href="https://daily.example.com/quake">"#;
    check_page(
        &page(head, &format!("<p>{PARA1}</p>")),
        expect![[r#"
        title: Two more survivors found in Antakya
        date: 2023-02-10
        url: https://daily.example.com/quake
        site: Example Daily
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.
    "#]],
    );
}

#[test]
fn json_ld_gives_headline_and_date_in_a_graph() {
    let head = r#"<title>Site title</title><script type="application/ld+json">
        {"@graph": [{"@type": "WebSite", "name": "Example"},
                    {"@type": "NewsArticle", "headline": "Survivors found", "datePublished": "2023-02-10T06:30:00+03:00"}]}
        </script>"#;
    check_page(
        &page(head, &format!("<p>{PARA1}</p>")),
        expect![[r#"
        title: Survivors found
        date: 2023-02-10
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.
    "#]],
    );
}

#[test]
fn bad_dates_are_reported_and_the_next_source_is_tried() {
    let head = r#"<meta property="article:published_time" content="2023-02-31T10:00:00Z">
        <meta name="pubdate" content="yesterday">"#;
    let body =
        format!(r#"<p>Posted <time datetime="2023-02-11">Saturday</time></p><p>{PARA1}</p>"#);
    check_page(
        &page(head, &body),
        expect![[r#"
            date: 2023-02-11
            ---
            Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.
        "#]],
    );
    let only_bad = r#"<meta name="date" content="2023-13-01">"#;
    check_page(
        &page(only_bad, &format!("<p>{PARA1}</p>")),
        expect![[r#"
        bad date: meta date: 2023-13-01
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.
    "#]],
    );
}

#[test]
fn fragments_keep_all_their_text() {
    assert_eq!(
        fragment_text("<p>One, <b>bold</b>&nbsp;word.</p><ul><li>Two</li><li><a href=\"#\">Three</a></li></ul><script>x()</script>"),
        "One, bold word.\n\nTwo\n\nThree"
    );
}

#[test]
fn a_page_without_prose_yields_what_text_it_has() {
    assert_eq!(
        main_text(&page("", "<div><span>Only a caption</span></div>")),
        "Only a caption"
    );
    assert_eq!(main_text(&page("", "")), "");
}

#[test]
fn article_chunks_split_by_ads_are_joined() {
    let chunk = |p: &str| {
        format!(
            r#"<div class="row"><div class="story-body">{p}</div><div class="rail">Ad</div></div>"#
        )
    };
    let body = format!(
        r#"<main><div class="chunks">{}<div class="mid-ad">Sponsored</div>{}</div></main>"#,
        chunk(&format!("<p>{PARA1}</p><p>{PARA2}</p>")),
        chunk("<p>Engineers from three countries joined the search, working through the night with thermal cameras, dogs and cranes.</p>")
    );
    check_page(
        &page("", &body),
        expect![[r#"
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

        The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.

        Engineers from three countries joined the search, working through the night with thermal cameras, dogs and cranes.
    "#]],
    );
}

#[test]
fn furniture_lines_and_short_edge_lines_are_dropped() {
    let body = format!(
        r#"<div class="post"><p>Home / World / Europe</p><p>By Staff Reporter</p><p>{PARA1}</p><p>Advertisement</p>
        <h3>Rescue work goes on</h3><p>{PARA2}</p><p>Tags:</p><p>quake turkey</p></div>"#
    );
    check_page(
        &page("", &body),
        expect![[r#"
        ---
        Rescue teams in Antakya pulled two more survivors from the rubble on Friday, five days after the earthquake, officials said.

        Rescue work goes on

        The disaster agency said more than forty thousand buildings had collapsed or been badly damaged across ten provinces, and that aid was reaching most towns.
    "#]],
    );
}

/// The date a page yields, for the page-date patterns of issue 26.
fn date_of(head: &str, body: &str) -> Option<String> {
    extract_article(&page(head, body))
        .date
        .map(|d| d.to_string())
}

fn article_body() -> String {
    format!("<article><p>{PARA1}</p><p>{PARA2}</p></article>")
}

#[test]
fn article_published_meta_with_a_multi_valued_itemprop_gives_the_date() {
    let head = r#"<meta data-rh="true" property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">"#;
    assert_eq!(
        date_of(head, &article_body()).as_deref(),
        Some("2019-11-19")
    );
    // The itemprop word alone, with an unknown property name.
    let head =
        r#"<meta property="x:when" itemprop="dateCreated datePublished" content="2019-11-18">"#;
    assert_eq!(
        date_of(head, &article_body()).as_deref(),
        Some("2019-11-18")
    );
}

#[test]
fn json_ld_with_a_trailing_comma_or_a_raw_line_break_gives_the_date() {
    let head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Two\nlines\", \"datePublished\": \"2019-11-20 12:32:13+08:00\",}</script>";
    assert_eq!(
        date_of(head, &article_body()).as_deref(),
        Some("2019-11-20")
    );
}

#[test]
fn dates_followed_or_preceded_by_a_time_and_zone_are_read() {
    for (content, want) in [
        ("November 19, 2019, 07:47 PM EST", "2019-11-19"),
        ("01:38:07 PM IST Nov 20, 2019", "2019-11-20"),
        ("November 20, 2019 12:32", "2019-11-20"),
    ] {
        let head = format!(r#"<meta property="article:published_time" content="{content}">"#);
        assert_eq!(
            date_of(&head, &article_body()).as_deref(),
            Some(want),
            "{content}"
        );
    }
}

#[test]
fn date_only_in_the_visible_dateline_is_found() {
    let body = format!(
        r#"<h1>Seeking a bigger role</h1><h3 class="byline">by Jeff Foust<br><span>Monday, November 18, 2019</span></h3>
        <figure><figcaption>The rocket on Aug. 31, 2019.</figcaption></figure>{}"#,
        article_body()
    );
    assert_eq!(date_of("", &body).as_deref(), Some("2019-11-18"));
    // An update note is not the publication date.
    let body = format!(
        "<div>Posted: Fri 6:45 PM, Feb 16, 2018</div><div>Updated: Sat 8:31 PM, Feb 17, 2018</div>{}",
        article_body()
    );
    assert_eq!(date_of("", &body).as_deref(), Some("2018-02-16"));
}

#[test]
fn placeholder_dates_are_passed_over() {
    let head = r#"<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script><meta name="sn-post-date" content="2019/11/19">"#;
    assert_eq!(
        date_of(head, &article_body()).as_deref(),
        Some("2019-11-19")
    );
}

#[test]
fn deep_nesting_is_flattened_with_a_note() {
    let body = format!("{}{}", "<div>".repeat(5_000), article_body());
    let a = extract_article(&page("", &body));
    // The divs and the article inside them.
    assert_eq!(a.deep_nesting, Some(5_001));
    assert!(a.text.starts_with("Rescue teams"), "{}", a.text);
}
