#!/usr/bin/env python3
"""Reads obs code's outputs as a pandas user would, with no type fix-ups:
pandas.read_csv and pandas.read_json(lines=True) without dtype arguments, then
the JSON lines again with the standard library's json for the hit offsets.
Exits 1 with a message on the first figure that does not hold.

    python3 tests/interop/read_outputs.py FIGURES.csv TOTALS.csv PASSAGES.jsonl PASSAGES.csv [MORE.jsonl ...]

FIGURES.csv    obs code --format csv               (data rows only)
TOTALS.csv     obs code --format csv --totals      (data rows, then the (all) rows)
PASSAGES.jsonl obs code --passages                 (one JSON object per passage)
PASSAGES.csv   obs code --passages --format csv    (one row per passage, a column of hits per theme)
MORE.jsonl     further --passages outputs whose hit offsets are checked too

The group fields are the columns before `theme`; `year` must be one of them.
"""
import json
import sys

import pandas as pd
from pandas.api.types import is_numeric_dtype

FIGURES = ["theme", "documents", "passages", "passages_total", "share", "hits", "words", "per_1k_words"]
COUNTS = ["passages", "passages_total", "hits", "words"]  # add up over groups, whatever --by is


class Failed(Exception):
    pass


def check(ok, *message):
    if not ok:
        raise Failed("".join(str(m) for m in message))


def numeric(frame, column, path):
    check(is_numeric_dtype(frame[column]), path, ": ", column, " is read as ", frame[column].dtype,
          ", not numeric (values: ", ", ".join(map(str, frame[column].unique()[:5])), ")")


def stdlib_offsets(path):
    """Plain json: text[start:end] is each hit's text (offsets count code points)."""
    n = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            passage = json.loads(line)
            year = passage["meta"].get("year")
            check(year is None or (isinstance(year, (int, float)) and not isinstance(year, bool)),
                  path, ":", number, ": meta.year is ", repr(year), ", not a number")
            for hit in passage["hits"]:
                got = passage["text"][hit["start"]:hit["end"]]
                check(got == hit["text"], path, ":", number, ": hit ", repr(hit["text"]), " at ", hit["start"], "..",
                      hit["end"], " but text[start:end] is ", repr(got))
                n += 1
    return n


def main(argv):
    if len(argv) < 4:
        raise Failed("usage: read_outputs.py FIGURES.csv TOTALS.csv PASSAGES.jsonl PASSAGES.csv [MORE.jsonl ...]")
    fig_path, tot_path, jsonl_path, pcsv_path = argv[:4]

    # --- figures CSV: data rows only ----------------------------------------
    figures = pd.read_csv(fig_path)
    columns = list(figures.columns)
    check("theme" in columns, fig_path, ": no theme column")
    by = columns[:columns.index("theme")]
    check(columns == by + FIGURES, fig_path, ": columns are ", ",".join(columns))
    check("year" in by, fig_path, ": no year column")
    numeric(figures, "year", fig_path)
    for f in FIGURES[1:]:
        numeric(figures, f, fig_path)
    for g in by:
        check(not (figures[g] == "(all)").any(), fig_path, ": a totals row among the data rows")
    themes = list(dict.fromkeys(figures["theme"]))

    # --- totals CSV: the (all) rows hold the sums of the data rows ------------
    totals = pd.read_csv(tot_path)
    check(list(totals.columns) == columns, tot_path, ": columns differ from ", fig_path)
    is_all = pd.Series(True, index=totals.index)
    for g in by:
        is_all &= totals[g] == "(all)"
    all_rows = totals[is_all].set_index("theme")
    check(list(all_rows.index) == themes, tot_path, ": (all) rows are for ", ",".join(all_rows.index))
    check(len(totals) == len(figures) + len(themes), tot_path, ": ", len(totals), " rows, not ", len(figures),
          " data rows and ", len(themes), " totals rows")
    for f in COUNTS:
        numeric(totals, f, tot_path)
    sums = figures.groupby("theme", sort=False)[COUNTS].sum()
    for t in themes:
        for f in COUNTS:
            check(sums.at[t, f] == all_rows.at[t, f], "theme ", t, ": ", f, " sum to ", sums.at[t, f],
                  " over the data rows of ", fig_path, " but the (all) row of ", tot_path, " says ", all_rows.at[t, f])

    # --- passages CSV: a row per passage, a column of hits per theme ----------
    pcsv = pd.read_csv(pcsv_path)
    for f in by + themes:
        check(f in pcsv.columns, pcsv_path, ": no column ", f)
    for f in ["line", "words", "year"] + themes:
        numeric(pcsv, f, pcsv_path)
    passages_total = all_rows.at[themes[0], "passages_total"]
    check(len(pcsv) == passages_total, pcsv_path, ": ", len(pcsv), " passages, but passages_total of the (all) rows is ",
          passages_total)
    for t in themes:
        coded = pcsv[t] > 0
        check(coded.sum() == all_rows.at[t, "passages"], "theme ", t, ": ", coded.sum(), " rows of ", pcsv_path,
              " have hits > 0, but its (all) passages is ", all_rows.at[t, "passages"])
        check(pcsv[t].sum() == all_rows.at[t, "hits"], "theme ", t, ": ", pcsv[t].sum(), " hits in ", pcsv_path,
              ", but its (all) hits is ", all_rows.at[t, "hits"])
        docs = pcsv.loc[coded, "file"].nunique()
        check(docs == all_rows.at[t, "documents"], "theme ", t, ": ", docs, " files in ", pcsv_path,
              " have a coded passage, but its (all) documents is ", all_rows.at[t, "documents"])

    # --- passages JSON lines ---------------------------------------------------
    lines = pd.read_json(jsonl_path, lines=True)
    check(len(lines) == len(pcsv), jsonl_path, ": ", len(lines), " lines, but ", pcsv_path, " has ", len(pcsv), " rows")
    check(list(lines["id"]) == list(pcsv["id"]), jsonl_path, ": ids differ from ", pcsv_path, "'s")
    numeric(lines, "line", jsonl_path)
    numeric(lines, "words", jsonl_path)
    meta = pd.json_normalize(lines["meta"].tolist())
    numeric(meta, "year", jsonl_path + " meta")
    check((meta["year"].values == pcsv["year"].values).all(), jsonl_path, ": meta.year differs from ", pcsv_path, "'s year")
    coded_with = pd.DataFrame(lines["themes"].tolist(), index=lines.index)
    for t in themes:
        h = coded_with[t] if t in coded_with.columns else pd.Series(0, index=lines.index)
        check((h > 0).sum() == all_rows.at[t, "passages"], "theme ", t, ": ", (h > 0).sum(), " lines of ", jsonl_path,
              " are coded with it, but its (all) passages is ", all_rows.at[t, "passages"])
        check(h.sum() == all_rows.at[t, "hits"], "theme ", t, ": ", h.sum(), " hits in ", jsonl_path,
              ", but its (all) hits is ", all_rows.at[t, "hits"])
    hits = 0
    for passage_id, text, passage_hits in zip(lines["id"], lines["text"], lines["hits"]):
        for hit in passage_hits:
            got = text[hit["start"]:hit["end"]]
            check(got == hit["text"], jsonl_path, ": passage ", passage_id, ": hit ", repr(hit["text"]), " at ",
                  hit["start"], "..", hit["end"], " but text[start:end] is ", repr(got))
            hits += 1

    plain = stdlib_offsets(jsonl_path)
    check(plain == hits, jsonl_path, ": ", plain, " hits read with json, ", hits, " with pandas")
    more = [stdlib_offsets(path) for path in argv[4:]]

    print("Python %s, pandas %s: ok" % (sys.version.split()[0], pd.__version__))
    print("  figures: %d data rows (%d themes by %s), year %s (%d-%d)"
          % (len(figures), len(themes), ",".join(by), figures["year"].dtype, figures["year"].min(), figures["year"].max()))
    print("  totals: %s over the groups equal the (all) rows for all %d themes" % (", ".join(COUNTS), len(themes)))
    print("  passages: %d CSV rows and JSON lines; coded rows per theme equal the (all) passages" % len(pcsv))
    print("  offsets: %d hits equal text[start:end] (pandas and json)%s"
          % (hits, ", and %d more in %d further file(s)" % (sum(more), len(more)) if more else ""))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Failed as failure:
        print("read_outputs.py: " + str(failure), file=sys.stderr)
        sys.exit(1)
