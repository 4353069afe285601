//! Hostile and unusual input (issue 26): each case builds its input in a
//! temporary directory, runs the real `dossier extract`, and must end within
//! a time bound, with the bad input handled or skipped under a message that
//! names it, and the rest of the batch written.
//!
//! The bounds are generous (debug builds on a shared machine); what they
//! catch is a hang, a quadratic blow-up or a crash, which miss them by far.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::dossier;

/// A good article that sits beside each hostile input in its batch.
const GOOD: &str =
    " date 2024-03-05 Gunmen attacked a police checkpoint in Bannu on Monday, officials said.";

/// Runs `cmd` and kills it when it takes longer than `limit`, which fails the
/// test. Standard output and error are drained while it runs. Returns the
/// output, and the child's peak resident memory in MiB as last seen in
/// /proc (0 where /proc is absent).
fn run_bounded(mut cmd: Command, limit: Duration) -> (Output, u64) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        out.read_to_end(&mut v).ok();
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        err.read_to_end(&mut v).ok();
        v
    });
    let start = Instant::now();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_mib = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak_mib = peak_mib.max(kb / 1024);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("dossier ran longer than {limit:?}: {cmd:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    };
    (output, peak_mib)
}

fn extract(args: &[&str], limit_secs: u64) -> Output {
    let mut cmd = dossier();
    cmd.args(["extract", "--quiet", "-f", "jsonl"]).args(args);
    run_bounded(cmd, Duration::from_secs(limit_secs)).0
}

fn docs(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON Lines"))
        .collect()
}

fn ids(o: &Output) -> Vec<String> {
    docs(o)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

fn err_text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn write_good(dir: &Path) -> std::path::PathBuf {
    let good = dir.join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    good
}

#[test]
fn deeply_nested_html_is_read_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    // About 40,000 levels of unclosed inline tags (225 KB), the page that
    // overflowed the recursive block walk.
    let page = format!(
        "<html><body><p>Rebels shelled the town of Idlib on Friday, residents said.</p>{}deep</body></html>",
        "<b><span>".repeat(20_000)
    );
    std::fs::write(dir.path().join("deep.html"), page).unwrap();
    let good = write_good(dir.path());
    let o = extract(&[path_str(dir.path()), path_str(&good)], 120);
    assert_eq!(ids(&o), ["deep", "good", "good~2"], "{}", err_text(&o));
    assert!(
        err_text(&o).contains("deep.html: the page nests elements"),
        "{}",
        err_text(&o)
    );
}

#[test]
fn deeply_nested_html_inside_a_feed_item_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let item_html = format!(
        "<p>Troops withdrew from the border post on Tuesday, officials said.</p>{}",
        "<b><span>".repeat(20_000)
    );
    let escaped = item_html.replace('<', "&lt;").replace('>', "&gt;");
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>{escaped}</description></item></channel></rss>"
    );
    std::fs::write(dir.path().join("deep.rss"), feed).unwrap();
    let o = extract(&[path_str(dir.path())], 120);
    assert_eq!(ids(&o), ["deep#1"], "{}", err_text(&o));
}

#[test]
fn a_million_nested_divs_take_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body>{}<p>Rebels shelled the town of Idlib on Friday, residents said.</p></body></html>",
        "<div>".repeat(1_000_000)
    );
    std::fs::write(dir.path().join("divs.html"), page).unwrap();
    let o = extract(&[path_str(&dir.path().join("divs.html"))], 120);
    assert!(o.status.success(), "{}", err_text(&o));
    assert_eq!(ids(&o), ["divs"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_good(&corpus);
    std::os::unix::fs::symlink(".", corpus.join("again")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("and-again")).unwrap();
    let o = extract(&[path_str(&corpus)], 60);
    assert_eq!(ids(&o), ["good"], "{}", err_text(&o));
    assert!(
        err_text(&o).contains("the link leads back to"),
        "{}",
        err_text(&o)
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifo_inside_a_directory_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    mkfifo(&dir.path().join("stuck.txt"));
    std::fs::write(dir.path().join("zz-last.txt"), GOOD).unwrap();
    let o = extract(&[path_str(dir.path())], 60);
    assert_eq!(ids(&o), ["good", "zz-last"], "{}", err_text(&o));
    assert!(
        err_text(&o).contains("stuck.txt: a FIFO, not a regular file"),
        "{}",
        err_text(&o)
    );
    assert_eq!(o.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn fifo_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    // `dossier extract <(cat good.txt)`: the shell names a pipe.
    let mut cmd = Command::new("bash");
    cmd.arg("-c").arg(format!(
        "exec \"$0\" extract --quiet -f jsonl <(cat '{}')",
        good.display()
    ));
    cmd.arg0_dossier();
    let (o, _) = run_bounded(cmd, Duration::from_secs(60));
    assert!(o.status.success(), "{}", err_text(&o));
    assert_eq!(docs(&o)[0]["date"], "2024-03-05");
}

trait Arg0 {
    fn arg0_dossier(&mut self) -> &mut Self;
}

impl Arg0 for Command {
    /// Passes the dossier binary as `$0` of a `bash -c` script.
    fn arg0_dossier(&mut self) -> &mut Self {
        self.arg(env!("CARGO_BIN_EXE_dossier"))
    }
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_read_only_up_to_the_file_limit() {
    let o = extract(&["--max-file-bytes", "1000000", "/dev/zero"], 60);
    assert_eq!(o.status.code(), Some(1));
    let e = err_text(&o);
    assert!(
        e.contains("/dev/zero: the file is over the limit of 1000000 bytes"),
        "{e}"
    );
    assert!(e.contains("--max-file-bytes"), "{e}");
}

#[test]
fn one_sentence_without_punctuation_is_cut_for_parsing() {
    // 20,000 words and no full stop. Parsing was quadratic in the sentence
    // length (100,000 words took 35 s in a release build).
    let text: String = (0..20_000)
        .map(|i| ["troops", "moved", "near", "the", "border", "post"][i % 6])
        .collect::<Vec<_>>()
        .join(" ");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run-on.txt");
    std::fs::write(&path, text).unwrap();
    let o = extract(&[path_str(&path)], 120);
    assert!(o.status.success(), "{}", err_text(&o));
    let doc = &docs(&o)[0];
    let n = doc["sentences"].as_array().unwrap().len();
    assert!(n >= 80, "{n} sentences");
    assert!(
        err_text(&o).contains("were cut into pieces"),
        "{}",
        err_text(&o)
    );
}

#[test]
fn a_megabyte_article_stays_within_memory() {
    // About 1 MB of ordinary sentences: peak memory must stay near linear in
    // the article (the 5 MB case is measured by bench/hostile_growth.sh).
    let sentence = "Gunmen attacked a police checkpoint in Bannu on Monday, killing two officers, the district police chief said. ";
    let text = sentence.repeat(1_000_000 / sentence.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, text).unwrap();
    let mut cmd = dossier();
    cmd.args([
        "extract",
        "--quiet",
        "-f",
        "jsonl",
        "-j",
        "1",
        "--date",
        "2024-03-05",
    ])
    .arg(&path);
    let (o, peak_mib) = run_bounded(cmd, Duration::from_secs(300));
    assert!(o.status.success(), "{}", err_text(&o));
    assert!(
        peak_mib <= 400,
        "peak RSS {peak_mib} MiB for a 1 MB article"
    );
}

#[test]
fn truncated_feed_keeps_its_complete_items() {
    let dir = tempfile::tempdir().unwrap();
    let mut feed =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
    for i in 0..50 {
        feed.push_str(&format!(
            "<item><title>Story {i}</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Troops withdrew from border post {i} on Tuesday, officials said.</description></item>"
        ));
    }
    feed.push_str("<item><title>Cut</title><description>Troops with");
    std::fs::write(dir.path().join("cut.rss"), feed).unwrap();
    let o = extract(&[path_str(dir.path())], 120);
    assert_eq!(docs(&o).len(), 50, "{}", err_text(&o));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err_text(&o).contains("the feed is cut off after item 50"),
        "{}",
        err_text(&o)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_subdirectory_skips_only_itself() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    // A link to nowhere cannot be walked whoever runs the test.
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("broken")).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("inside.txt"), GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anyway = std::fs::read_dir(&locked).is_ok();
    std::fs::write(dir.path().join("zz-last.txt"), GOOD).unwrap();
    let o = extract(&[path_str(dir.path())], 60);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = err_text(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("broken: cannot read it"), "{e}");
    if root_reads_anyway {
        assert_eq!(ids(&o), ["good", "inside", "zz-last"], "{e}");
    } else {
        assert_eq!(ids(&o), ["good", "zz-last"], "{e}");
        assert!(e.contains("locked: cannot read it"), "{e}");
    }
}

#[cfg(unix)]
#[test]
fn closed_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(format!(
            "exec \"$0\" extract --quiet '{}' >&-",
            good.display()
        ))
        .arg0_dossier();
    let (o, _) = run_bounded(cmd, Duration::from_secs(60));
    assert_eq!(o.status.code(), Some(2), "{}", err_text(&o));
    assert!(
        err_text(&o).contains("standard output is closed"),
        "{}",
        err_text(&o)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn full_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let mut cmd = dossier();
    cmd.args(["extract", "--quiet"]).arg(&good);
    cmd.stdout(std::fs::File::create("/dev/full").unwrap());
    cmd.stderr(Stdio::piped());
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", err_text(&o));
    assert!(
        err_text(&o).contains("cannot write the output"),
        "{}",
        err_text(&o)
    );
}

#[test]
fn thread_count_is_bounded_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let o = extract(&["-j", "20000", path_str(&good)], 30);
    assert_eq!(o.status.code(), Some(2));
    assert!(err_text(&o).contains("give 1 to 1024"), "{}", err_text(&o));
}

#[test]
fn size_messages_name_the_flag_and_the_real_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(400)).unwrap();
    let o = extract(&["--max-bytes", "1000", path_str(&big)], 30);
    let e = err_text(&o);
    assert!(
        e.contains("the article is 2000 bytes, over the limit of 1000 bytes")
            && e.contains("--max-bytes"),
        "{e}"
    );
    assert!(!e.contains("max_bytes"), "{e}");
}

#[test]
fn gzip_bomb_names_the_decompression_limit() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.html");
    // 4 MB of zeros compress to about 4 KB.
    let status = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "head -c 4000000 /dev/zero | gzip > '{}'",
            bomb.display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    let o = extract(&["--max-file-bytes", "1000000", path_str(&bomb)], 30);
    let e = err_text(&o);
    assert!(
        e.contains("the decompressed file is over the limit of 1000000 bytes")
            && e.contains("--max-file-bytes"),
        "{e}"
    );
}

/// A TIMEX3 calendar value: no sign, a year of at most four digits.
fn is_timex3(v: &str) -> bool {
    !v.starts_with('-') && v.bytes().take_while(u8::is_ascii_digit).count() <= 4
}

#[test]
fn dates_at_the_ends_of_the_calendar_warn_and_give_valid_timex() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.jsonl");
    let text = "Talks resumed last week and will end next year, a day after the vote on Monday.";
    let lines: Vec<String> = ["9999-12-31", "0000-01-01"]
        .iter()
        .map(|d| serde_json::json!({"id": d, "date": d, "text": text}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let o = extract(&[path_str(&path)], 60);
    assert!(o.status.success(), "{}", err_text(&o));
    assert_eq!(docs(&o).len(), 2);
    for doc in docs(&o) {
        for t in doc["times"].as_array().unwrap() {
            if let Some(v) = t["value"].as_str() {
                assert!(is_timex3(v), "{v} is not a TIMEX3 value");
            }
        }
    }
    assert_eq!(
        err_text(&o)
            .matches("is outside the years 1800-2200")
            .count(),
        2,
        "{}",
        err_text(&o)
    );
}

#[test]
fn upper_case_wire_copy_gets_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wire.txt");
    std::fs::write(
        &path,
        "SAN SALVADOR, 3 JAN 90 -- GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED AN ARMY POST IN THE NORTH OF THE COUNTRY YESTERDAY, MILITARY SOURCES REPORTED.",
    )
    .unwrap();
    let o = extract(&[path_str(&path)], 60);
    assert!(o.status.success(), "{}", err_text(&o));
    assert!(
        err_text(&o).contains("of the letters are upper case"),
        "{}",
        err_text(&o)
    );
}

#[test]
fn endless_json_line_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("endless.jsonl");
    let mut content = format!("{{\"id\": \"ok\", \"text\": {:?}}}\n", GOOD.trim());
    content.push_str(&"x".repeat(3_000_000));
    std::fs::write(&path, content).unwrap();
    let o = extract(
        &[
            "--max-bytes",
            "100000",
            "--max-file-bytes",
            "1000000",
            path_str(&path),
        ],
        60,
    );
    assert_eq!(ids(&o), ["ok"], "{}", err_text(&o));
    assert!(
        err_text(&o).contains("endless.jsonl: the line is over the limit of 1000000 bytes"),
        "{}",
        err_text(&o)
    );
}
