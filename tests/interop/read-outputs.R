#!/usr/bin/env Rscript
# Reads obs code's outputs as an R user would, with no type fix-ups: base R's
# read.csv (no colClasses) for the CSVs, jsonlite's stream_in for the JSON lines.
# Stops with a message (exit 1) on the first figure that does not hold.
#
#   Rscript tests/interop/read-outputs.R FIGURES.csv TOTALS.csv PASSAGES.jsonl PASSAGES.csv [MORE.jsonl ...]
#
# FIGURES.csv   obs code --format csv               (data rows only)
# TOTALS.csv    obs code --format csv --totals      (data rows, then the (all) rows)
# PASSAGES.jsonl obs code --passages                (one JSON object per passage)
# PASSAGES.csv  obs code --passages --format csv    (one row per passage, a column of hits per theme)
# MORE.jsonl    further --passages outputs whose hit offsets are checked too
#
# The group fields are the columns before `theme`; `year` must be one of them.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) {
  stop("usage: Rscript read-outputs.R FIGURES.csv TOTALS.csv PASSAGES.jsonl PASSAGES.csv [MORE.jsonl ...]", call. = FALSE)
}
suppressPackageStartupMessages(library(jsonlite))

check <- function(ok, ...) if (!isTRUE(ok)) stop(paste0(...), call. = FALSE)
# encoding = "UTF-8" only marks the strings as UTF-8 (obs writes UTF-8); no column type is given.
read_obs_csv <- function(path) read.csv(path, encoding = "UTF-8", check.names = FALSE)

FIGURES <- c("theme", "documents", "passages", "passages_total", "share", "hits", "words", "per_1k_words")
COUNTS <- c("passages", "passages_total", "hits", "words")  # add up over groups, whatever --by is

# --- figures CSV: data rows only --------------------------------------------
figures <- read_obs_csv(args[1])
check("theme" %in% names(figures), args[1], ": no theme column")
by <- names(figures)[seq_len(match("theme", names(figures)) - 1)]
check(identical(names(figures), c(by, FIGURES)), args[1], ": columns are ", paste(names(figures), collapse = ","))
check("year" %in% by, args[1], ": no year column")
check(is.numeric(figures$year), args[1], ": year is read as ", class(figures$year),
      ", not numeric (values: ", paste(head(unique(figures$year), 5), collapse = ", "), ")")
for (f in FIGURES[-1]) check(is.numeric(figures[[f]]), args[1], ": ", f, " is read as ", class(figures[[f]]))
for (g in by) check(!any(figures[[g]] %in% "(all)"), args[1], ": a totals row among the data rows")
themes <- unique(figures$theme)

# --- totals CSV: the (all) rows hold the sums of the data rows --------------
totals <- read_obs_csv(args[2])
check(identical(names(totals), names(figures)), args[2], ": columns differ from ", args[1])
all_rows <- totals[Reduce(`&`, lapply(by, function(g) totals[[g]] %in% "(all)")), ]
check(identical(all_rows$theme, themes), args[2], ": (all) rows are for ", paste(all_rows$theme, collapse = ","),
      ", not the themes ", paste(themes, collapse = ","))
check(nrow(totals) == nrow(figures) + length(themes), args[2], ": ", nrow(totals), " rows, not ",
      nrow(figures), " data rows and ", length(themes), " totals rows")
for (f in COUNTS) check(is.numeric(all_rows[[f]]), args[2], ": ", f, " is read as ", class(all_rows[[f]]))
total <- function(t, f) all_rows[[f]][all_rows$theme == t]
for (t in themes) for (f in COUNTS) {
  s <- sum(figures[[f]][figures$theme == t])
  check(s == total(t, f), "theme ", t, ": ", f, " sum to ", s, " over the data rows of ", args[1],
        " but the (all) row of ", args[2], " says ", total(t, f))
}

# --- passages CSV: a row per passage, a column of hits per theme ------------
pcsv <- read_obs_csv(args[4])
for (f in c(by, themes)) check(f %in% names(pcsv), args[4], ": no column ", f)
for (f in c("line", "words", "year", themes)) {
  check(is.numeric(pcsv[[f]]), args[4], ": ", f, " is read as ", class(pcsv[[f]]))
}
check(nrow(pcsv) == total(themes[1], "passages_total"), args[4], ": ", nrow(pcsv),
      " passages, but passages_total of the (all) rows is ", total(themes[1], "passages_total"))
for (t in themes) {
  coded <- pcsv[[t]] > 0
  check(sum(coded) == total(t, "passages"), "theme ", t, ": ", sum(coded), " rows of ", args[4],
        " have hits > 0, but its (all) passages is ", total(t, "passages"))
  check(sum(pcsv[[t]]) == total(t, "hits"), "theme ", t, ": ", sum(pcsv[[t]]), " hits in ", args[4],
        ", but its (all) hits is ", total(t, "hits"))
  docs <- length(unique(pcsv$file[coded]))
  check(docs == total(t, "documents"), "theme ", t, ": ", docs, " files in ", args[4],
        " have a coded passage, but its (all) documents is ", total(t, "documents"))
}

# --- passages JSON lines -----------------------------------------------------
read_jsonl <- function(path) stream_in(file(path, encoding = "UTF-8"), verbose = FALSE)
check_offsets <- function(lines, path) {
  n <- 0
  for (i in seq_len(nrow(lines))) {
    h <- lines$hits[[i]]
    if (length(h) == 0 || NROW(h) == 0) next
    check(is.numeric(h$start) && is.numeric(h$end), path, ": hit offsets are not numeric")
    got <- substring(lines$text[i], h$start + 1, h$end)
    bad <- which(got != h$text)
    check(length(bad) == 0, path, ": passage ", lines$id[i], ": hit '", h$text[bad[1]], "' at ", h$start[bad[1]],
          "..", h$end[bad[1]], " but substr(text, start + 1, end) is '", got[bad[1]], "'")
    n <- n + nrow(h)
  }
  n
}

jl <- read_jsonl(args[3])
check(nrow(jl) == nrow(pcsv), args[3], ": ", nrow(jl), " lines, but ", args[4], " has ", nrow(pcsv), " rows")
check(identical(jl$id, pcsv$id), args[3], ": ids differ from ", args[4], "'s")
check(is.numeric(jl$line) && is.numeric(jl$words), args[3], ": line or words not numeric")
check(is.numeric(jl$meta$year), args[3], ": meta.year is read as ", class(jl$meta$year), ", not numeric")
check(isTRUE(all.equal(jl$meta$year, pcsv$year)), args[3], ": meta.year differs from ", args[4], "'s year")
for (t in themes) {
  h <- if (t %in% names(jl$themes)) jl$themes[[t]] else rep(NA_real_, nrow(jl))
  coded <- !is.na(h) & h > 0
  check(sum(coded) == total(t, "passages"), "theme ", t, ": ", sum(coded), " lines of ", args[3],
        " are coded with it, but its (all) passages is ", total(t, "passages"))
  check(sum(h, na.rm = TRUE) == total(t, "hits"), "theme ", t, ": ", sum(h, na.rm = TRUE), " hits in ", args[3],
        ", but its (all) hits is ", total(t, "hits"))
}
hits <- check_offsets(jl, args[3])
more <- 0
for (path in args[-(1:4)]) more <- more + check_offsets(read_jsonl(path), path)

cat(sprintf("R %s, jsonlite %s: ok\n", getRversion(), packageVersion("jsonlite")))
cat(sprintf("  figures: %d data rows (%s themes by %s), year numeric (%s)\n", nrow(figures), length(themes),
            paste(by, collapse = ","), paste(range(figures$year), collapse = "-")))
cat(sprintf("  totals: %s over the groups equal the (all) rows for all %d themes\n",
            paste(COUNTS, collapse = ", "), length(themes)))
cat(sprintf("  passages: %d CSV rows and JSON lines; coded rows per theme equal the (all) passages\n", nrow(pcsv)))
cat(sprintf("  offsets: %d hits equal substr(text, start + 1, end)%s\n", hits,
            if (length(args) > 4) sprintf(", and %d more in %d further file(s)", more, length(args) - 4) else ""))
