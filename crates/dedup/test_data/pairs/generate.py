#!/usr/bin/env python3
"""Builds the labelled pair set from the hand-written articles in source/.

source/*.txt hold blocks that start with a line `=== <id> | <meta>`: a base
article `bNN` (meta: the dateline city) or a distinct-but-similar article
`bNNd` (meta: rewrite, template or followup) written by hand for base bNN.
Each block is a headline, a blank line and paragraphs separated by blank
lines.

For each base the script derives six near-duplicates by the mechanical edits
that wire copy goes through (new headline, byline and dateline, trimmed or
reordered paragraphs, a reworded sentence, a correction or credit line, a
cut to the first three or four paragraphs), with
a generator seeded by the base's number, so the output is the same on every
run. Pairs:

  duplicate: base and each of its six variants
  distinct:  the hand-written article and the base, and the hand-written
             article and five of the variants

Bases with an odd number are the dev half, even ones the test half.

Run from this directory: `python3 generate.py`; it rewrites articles/ and
pairs.tsv.
"""

import glob
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))

NAMES = ["Amina Yusuf", "Tomasz Wrona", "Priya Raman", "Daniel Okafor", "Lucia Ferreira",
         "Kenji Mori", "Sara Haddad", "Omar Faruk", "Ines Delgado", "Mark Holloway",
         "Elena Petrova", "Kwame Mensah", "Hyun-woo Park", "Fatima Zahra", "John Carver"]
AGENCIES = ["Wire", "World Desk", "Global News Service", "NewsLine", "Press Union"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
CORRECTIONS = [
    "Correction: An earlier version of this article misspelled the name of a spokesman.",
    "This story has been corrected to show that the figures were given by officials, not by witnesses.",
    "Correction: A previous version of this story gave the wrong day of the week.",
    "Editor's note: This article was updated to add comment from the government.",
]
# Word substitutions for a reworded sentence.
SYNONYMS = [
    (r"\bsaid\b", "stated"), (r"\bkilled\b", "left dead"), (r"\babout\b", "roughly"),
    (r"\bmore than\b", "over"), (r"\bpeople\b", "persons"), (r"\bon Monday\b", "early on Monday"),
    (r"\bat least\b", "no fewer than"), (r"\bseveral\b", "a number of"), (r"\bbegan\b", "started"),
    (r"\bcountry\b", "nation"), (r"\bhours\b", "hours in total"), (r"\bgovernment\b", "authorities"),
    (r"\bmany\b", "numerous"), (r"\bwould\b", "will"), (r"\bafter\b", "following"),
]


def parse():
    blocks = {}
    for path in sorted(glob.glob(os.path.join(HERE, "source", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        for chunk in re.split(r"^=== ", text, flags=re.M)[1:]:
            head, _, body = chunk.partition("\n")
            ident, meta = [s.strip() for s in head.split("|")]
            paras = [p.strip() for p in body.strip().split("\n\n") if p.strip()]
            blocks[ident] = {"meta": meta, "headline": paras[0], "paras": paras[1:]}
    return blocks


def render(headline, paras, extra_top=(), extra_bottom=()):
    return "\n\n".join([headline, *extra_top, *paras, *extra_bottom]) + "\n"


def sentences(p):
    return re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", p)


def new_headline(rng, art):
    lead = sentences(art["paras"][0])[0]
    words = re.sub(r"[,.;]", "", lead).split()
    n = rng.randint(7, 11)
    choice = rng.random()
    if choice < 0.4:
        return "UPDATE 1-" + art["headline"]
    if choice < 0.7:
        return " ".join(words[:n]).rstrip(",") + ""
    return art["headline"].upper()


def dateline(rng, city):
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    return f"{city}, {month} {day} ({rng.choice(AGENCIES)}) - "


def reword(rng, paras):
    """Rewords one sentence of a paragraph other than the lead."""
    paras = list(paras)
    i = rng.randrange(1, len(paras))
    sents = sentences(paras[i])
    j = rng.randrange(len(sents))
    s = sents[j]
    subs = [(pat, rep) for pat, rep in SYNONYMS if re.search(pat, s)]
    rng.shuffle(subs)
    if subs:
        for pat, rep in subs[:2]:
            s = re.sub(pat, rep, s, count=1)
    elif "," in s:
        s = s[: s.rfind(",")] + "."
    else:
        s = "Officials added that " + s[0].lower() + s[1:]
    sents[j] = s
    paras[i] = " ".join(sents)
    return paras


def trim(rng, paras, n):
    paras = list(paras)
    for _ in range(n):
        if rng.random() < 0.6:
            paras.pop()
        else:
            paras.pop(rng.randrange(1, len(paras)))
    return paras


def reorder(rng, paras):
    paras = list(paras)
    if rng.random() < 0.5:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    else:
        p = paras.pop(rng.randrange(1, len(paras)))
        paras.insert(rng.randrange(1, len(paras) + 1), p)
    return paras


def variants(rng, art):
    city = art["meta"]
    credit = f"(Reporting by {rng.choice(NAMES)}; Editing by {rng.choice(NAMES)})"
    out = []

    # 1. New headline, byline and dateline, credit line.
    paras = list(art["paras"])
    paras[0] = dateline(rng, city) + paras[0]
    out.append(("headline+byline+credit",
                render(new_headline(rng, art), paras, [f"By {rng.choice(NAMES)}"], [credit])))

    # 2. One or two paragraphs trimmed, new headline.
    n = rng.choice([1, 2])
    out.append((f"headline+trim{n}", render(new_headline(rng, art), trim(rng, art["paras"], n))))

    # 3. Paragraphs reordered, one sentence reworded.
    out.append(("reorder+reword", render(art["headline"], reword(rng, reorder(rng, art["paras"])))))

    # 4. Byline, a reworded sentence and an appended correction.
    paras = reword(rng, art["paras"])
    out.append(("byline+reword+correction",
                render(art["headline"], paras, [f"By {rng.choice(NAMES)}"], [rng.choice(CORRECTIONS)])))

    # 5. Everything at once: headline, dateline, trim, reorder, two rewordings.
    paras = trim(rng, art["paras"], rng.choice([1, 2]))
    paras = reword(rng, reword(rng, reorder(rng, paras)))
    paras[0] = dateline(rng, city) + paras[0]
    out.append(("headline+dateline+trim+reorder+reword2",
                render(new_headline(rng, art), paras, [], [credit])))

    # 6. Cut to a brief: the lead paragraphs only, under a new headline.
    n = rng.choice([3, 4])
    out.append((f"headline+lead{n}", render(new_headline(rng, art), art["paras"][:n])))
    return out


def main():
    blocks = parse()
    art_dir = os.path.join(HERE, "articles")
    os.makedirs(art_dir, exist_ok=True)
    for old in glob.glob(os.path.join(art_dir, "*.txt")):
        os.remove(old)

    def write(name, text):
        with open(os.path.join(art_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)

    rows = []
    bases = sorted(k for k in blocks if re.fullmatch(r"b\d+", k))
    for base in bases:
        num = int(base[1:])
        split = "dev" if num % 2 else "test"
        rng = random.Random(num)
        art = blocks[base]
        write(base, render(art["headline"], art["paras"]))
        names = []
        for k, (kind, text) in enumerate(variants(rng, art), start=1):
            name = f"{base}v{k}"
            write(name, text)
            names.append(name)
            rows.append((base, name, "duplicate", split, kind))
        d = blocks[base + "d"]
        write(base + "d", render(d["headline"], d["paras"]))
        rows.append((base, base + "d", "distinct", split, d["meta"]))
        for name in rng.sample(names, 5):
            rows.append((name, base + "d", "distinct", split, d["meta"] + "/variant"))

    with open(os.path.join(HERE, "pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("a\tb\tlabel\tsplit\tkind\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
