#!/usr/bin/env bash
# Lists the functions longer than MAX_FN lines (default 150) and the source
# files longer than MAX_FILE lines before their tests (default 1200) under
# crates/*/src, longest first.
#
#   scripts/long_fns.sh [MAX_FN] [MAX_FILE]
#
# A function's length runs from its `fn` line to its closing brace. Braces
# are counted outside comments, strings, raw strings and char literals; a
# file's tests start at its first `#[cfg(test)]` at column 0.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "${1:-150}" "${2:-1200}" <<'PY'
import glob, re, sys

max_fn, max_file = int(sys.argv[1]), int(sys.argv[2])
fn_re = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:(?:const|async|unsafe|extern\s+\"[^\"]*\")\s+)*fn\s+(\w+)")


def code_only(text):
    """The text with comments, strings and char literals blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif m := re.match(r'b?r(#*)"', text[i:i + 300]) if c in "br" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) else None:
            end = '"' + m.group(1)
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'" and (m := re.match(r"'(\\.[^']*|[^\\'])'", text[i:i + 12])):
            out.append(" " * m.end())
            i += m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


fns, files = [], []
for path in sorted(glob.glob("crates/*/src/**/*.rs", recursive=True)):
    text = open(path, encoding="utf-8").read()
    lines = code_only(text).split("\n")
    test_at = next((k for k, l in enumerate(text.split("\n")) if l.startswith("#[cfg(test)]")), len(lines))
    if test_at > max_file:
        files.append((test_at, path))
    for k, line in enumerate(lines):
        m = fn_re.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for e in range(k, len(lines)):
            for ch in lines[e]:
                if ch == "{":
                    depth, opened = depth + 1, True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened and depth == 0:
                    break
            else:
                if opened and depth == 0:
                    break
                continue
            break
        else:
            continue
        if opened and e - k + 1 > max_fn:
            fns.append((e - k + 1, f"{path}:{k + 1}", m.group(1)))

for length, where, name in sorted(fns, reverse=True):
    print(f"fn   {length:5}  {where}  {name}")
for length, path in sorted(files, reverse=True):
    print(f"file {length:5}  {path}  (before tests)")
PY
