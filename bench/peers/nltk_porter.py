"""The script a researcher writes today with NLTK: respondent turns, words and two-word phrases
stemmed with NLTK's Porter stemmer (the original algorithm), matched against the dictionary,
counted by area and year. Curly apostrophes are made straight and a possessive 's dropped first,
as a careful researcher does, so that "council’s" counts as "council" (obs's rule too).

    python3 nltk_porter.py CORPUS_DIR RULES_CSV OUT_CSV
"""
import csv
import os
import re
import sys
from collections import defaultdict

from nltk.stem.porter import PorterStemmer
from nltk.tokenize import RegexpTokenizer

corpus_dir, rules_csv, out_csv = sys.argv[1:4]
stemmer = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)
tokenizer = RegexpTokenizer(r"[a-z]+")
label = re.compile(r"^([A-Za-z][A-Za-z ]*):\s(.*)$")
possessive = re.compile(r"(\w)'s\b")

words, pairs = defaultdict(list), defaultdict(list)
with open(rules_csv, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        stems = " ".join(stemmer.stem(w) for w in row["rule"].split())
        (words if " " not in row["rule"] else pairs)[stems].append(row["theme"])

passages = defaultdict(lambda: defaultdict(int))
hits = defaultdict(lambda: defaultdict(int))
for root, _, names in os.walk(corpus_dir):
    for name in sorted(names):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        fences = [i for i, line in enumerate(lines) if line == "---"]
        meta = dict(line.split(": ", 1) for line in lines[fences[0] + 1 : fences[1]])
        group = (meta["area"], meta["year"])
        for line in lines[fences[1] + 1 :]:
            m = label.match(line)
            if not m or m.group(1) == "Interviewer":
                continue
            passages[group]["total"] += 1
            text = possessive.sub(r"\1", m.group(2).lower().replace("\u2018", "'").replace("\u2019", "'"))
            stems = [stemmer.stem(t) for t in tokenizer.tokenize(text)]
            found = defaultdict(int)
            for s in stems:
                for theme in words.get(s, ()):
                    found[theme] += 1
            for a, b in zip(stems, stems[1:]):
                for theme in pairs.get(a + " " + b, ()):
                    found[theme] += 1
            for theme, n in found.items():
                passages[group][theme] += 1
                hits[group][theme] += n

with open(out_csv, "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["area", "year", "theme", "passages", "hits", "passages_total"])
    for group in sorted(hits):
        for theme in sorted(hits[group]):
            out.writerow([*group, theme, passages[group][theme], hits[group][theme], passages[group]["total"]])
