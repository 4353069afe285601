//! Every example in the `--help` texts runs: a user who copies one gets a
//! working command, not a missing file.

use std::path::Path;
use std::process::Command;

use crate::{dossier, repo_root};

/// The subcommands a help text lists under "Commands:".
fn subcommands(help: &str) -> Vec<String> {
    help.split("Commands:")
        .nth(1)
        .map(|rest| {
            rest.lines()
                .skip(1)
                .take_while(|l| l.starts_with("  "))
                .filter_map(|l| l.split_whitespace().next())
                .filter(|c| *c != "help")
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The example command lines of a help text: the lines under "Examples:"
/// that start with `dossier` or a pipe into it, without the explanations
/// some of them carry after a run of spaces.
fn examples(help: &str) -> Vec<String> {
    help.split("Examples:")
        .nth(1)
        .map(|rest| {
            rest.lines()
                .take_while(|l| l.starts_with("  ") || l.is_empty())
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .map(|l| l.split("   ").next().unwrap_or(l).trim().to_string())
                .filter(|l| !l.contains("COMMAND"))
                .collect()
        })
        .unwrap_or_default()
}

fn help(args: &[&str]) -> String {
    let out = dossier()
        .args(args)
        .arg("--help")
        .output()
        .expect("help runs");
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, to.join(p.file_name().expect("name"))).expect("copy");
    }
}

#[test]
fn every_help_example_runs() {
    let dir = tempfile::tempdir().expect("dir");
    copy_dir(&repo_root().join("examples"), &dir.path().join("examples"));
    let bin = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // Training and building the KB read ../shared/data and take minutes;
    // their examples are in the README's training section instead.
    let skip = ["train", "build-kb"];
    let mut lines = examples(&help(&[]));
    let mut queue: Vec<Vec<String>> = subcommands(&help(&[]))
        .into_iter()
        .filter(|c| !skip.contains(&c.as_str()))
        .map(|c| vec![c])
        .collect();
    let mut seen = 0;
    while let Some(cmd) = queue.first().cloned() {
        queue.remove(0);
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let text = help(&args);
        lines.extend(examples(&text));
        for sub in subcommands(&text) {
            let mut c = cmd.clone();
            c.push(sub);
            queue.push(c);
        }
        seen += 1;
    }
    assert!(seen >= 5, "only {seen} commands found");
    assert!(
        lines.len() >= 10,
        "only {} examples found: {lines:?}",
        lines.len()
    );
    let mut served = 0;
    for line in &lines {
        if line.contains("dossier serve") {
            serve_example(line, dir.path(), &path);
            served += 1;
            continue;
        }
        let out = Command::new("sh")
            .arg("-c")
            .arg(line)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("DOSSIER_DB")
            .output()
            .expect("sh runs");
        assert!(
            out.status.success(),
            "the help example `{line}` failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(served > 0, "the serve examples were found");
}

/// `dossier serve` runs until it is stopped: its example runs on a free
/// port (`--addr 127.0.0.1:0` overrides the example's own) until it says
/// it is serving, and is then killed with its shell.
fn serve_example(line: &str, dir: &Path, path: &str) {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("{line} --addr 127.0.0.1:0"))
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("DOSSIER_DB")
        .stderr(std::process::Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("sh runs");
    let stderr = child.stderr.take().expect("stderr");
    let mut said = String::new();
    for l in BufReader::new(stderr).lines() {
        let l = l.unwrap_or_default();
        said.push_str(&l);
        said.push('\n');
        if l.contains("serving") {
            break;
        }
    }
    let _ = Command::new("kill")
        .arg("--")
        .arg(format!("-{}", child.id()))
        .status();
    let _ = child.wait();
    assert!(
        said.contains("dossier: serving"),
        "the help example `{line}` did not start serving:\n{said}"
    );
}
