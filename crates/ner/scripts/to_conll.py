#!/usr/bin/env python3
"""Converts extra NER corpora to CoNLL-2003 columns (word, then an IOB2 tag
with CoNLL's PER/ORG/LOC/MISC types), for `dossier train ner --extra FILE`.

    to_conll.py gmb  ../shared/data/gmb_ner_dataset/ner_dataset.csv OUT
    to_conll.py wnut ../shared/data/wnut17/wnut17train.conll OUT

Type mapping. GMB: per->PER, org->ORG, geo->LOC, gpe->MISC when the word
reads as an adjective or demonym (-an, -ese, -ish, -i, -ch; CoNLL tags
"British" MISC) else LOC, eve/art->MISC, tim/nat->O. WNUT-17: person->PER,
location->LOC, corporation/group->ORG, creative-work/product->MISC.
Neither corpus has article boundaries in these files, so GMB sentences are
grouped 20 to a document in file order and every WNUT tweet is one document.
The outputs are derived data: write them outside the repository.
"""
import csv
import sys

GMB = {"per": "PER", "org": "ORG", "geo": "LOC", "eve": "MISC", "art": "MISC"}
WNUT = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
        "creative-work": "MISC", "product": "MISC"}
ADJ = ("an", "ese", "ish", "i", "ch")
# A document line: the reader (dossier_ner::conll::is_doc_line) knows one by
# the "-X-" placeholder in its second column, as in CoNLL-2003.
DOC_LINE = "DOC -X- O\n\n"


def gmb_type(kind, word):
    if kind == "gpe":
        return "MISC" if word.lower().endswith(ADJ) else "LOC"
    return GMB.get(kind)


def write_sentence(out, words, tags):
    for w, t in zip(words, tags):
        out.write(f"{w} {t}\n")
    out.write("\n")


def gmb(src, out):
    sents, words, kinds = [], [], []
    with open(src, encoding="latin-1") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if len(row) < 4:
                continue
            if row[0].startswith("Sentence:") and words:
                sents.append((words, kinds))
                words, kinds = [], []
            words.append(row[1])
            kinds.append(row[3])
    if words:
        sents.append((words, kinds))
    for i, (words, raw) in enumerate(sents):
        if i % 20 == 0:
            out.write(DOC_LINE)
        tags, prev = [], None
        for w, t in zip(words, raw):
            ty = None if t == "O" else gmb_type(t[2:], w)
            if ty is None:
                tags.append("O")
                prev = None
            else:
                # Keep B-/I- as GMB wrote them, with the mapped type; a type
                # change inside a name starts a new one.
                part = "I" if t.startswith("I-") and prev == ty else "B"
                tags.append(f"{part}-{ty}")
                prev = ty
        write_sentence(out, words, tags)


def wnut(src, out):
    words, tags = [], []
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    out.write(DOC_LINE)
                    write_sentence(out, words, tags)
                words, tags = [], []
                continue
            w, t = line.split("\t")[0], line.split("\t")[-1]
            ty = None if t == "O" else WNUT.get(t[2:])
            words.append(w)
            tags.append("O" if ty is None else f"{t[0]}-{ty}")
    if words:
        out.write(DOC_LINE)
        write_sentence(out, words, tags)


if __name__ == "__main__":
    kind, src, dst = sys.argv[1:4]
    with open(dst, "w", encoding="utf-8") as out:
        {"gmb": gmb, "wnut": wnut}[kind](src, out)
