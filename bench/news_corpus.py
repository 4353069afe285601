#!/usr/bin/env python3
"""Writes a JSON Lines corpus of at least N words from the articles the
project wrote itself (examples/, the golden-test articles and the extraction
dev set, with their annotation markup removed), repeated as needed. Each line
is one dated document, the input `dossier extract` reads and the text the
spaCy comparison parses.

    bench/news_corpus.py N_WORDS > corpus.jsonl
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MARKUP = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
DATE = re.compile(r"^\s*date:? (\d{4}-\d{2}-\d{2})\s*\n?")


def articles():
    patterns = [
        "examples/*.txt",
        "crates/text/test_data/segment/*.txt",
        "crates/resolve/test_data/articles/*.txt",
        "crates/extract/test_data/devset/*.txt",
        "crates/extract/test_data/devset/heldout/*.txt",
    ]
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            text = open(path, encoding="utf-8").read()
            date = "2024-01-15"
            m = DATE.match(text)
            if m:
                date, text = m.group(1), text[m.end():]
            text = MARKUP.sub(r"\1", text).strip()
            if text:
                yield os.path.basename(path), date, text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    want = int(sys.argv[1])
    base = list(articles())
    if not base:
        sys.exit("news_corpus.py: no articles found under " + ROOT)
    words = 0
    n = 0
    while words < want:
        name, date, text = base[n % len(base)]
        print(json.dumps({"id": f"{n}-{name}", "date": date, "text": text}))
        words += len(text.split())
        n += 1
    print(f"news_corpus.py: {n} documents, {words} words", file=sys.stderr)


if __name__ == "__main__":
    main()
