# The script a researcher writes today with tidytext: one row per respondent turn, words and
# two-word phrases stemmed with SnowballC's Porter stemmer, joined with the dictionary, counted
# by area and year. Curly apostrophes are made straight and a possessive 's dropped first, as a
# careful researcher does, so that "council’s" counts as "council" (obs's rule too).
#   Rscript tidytext.R CORPUS_DIR RULES_CSV OUT_CSV
suppressPackageStartupMessages({
  library(dplyr)
  library(tidytext)
  library(SnowballC)
})

args <- commandArgs(trailingOnly = TRUE)
corpus_dir <- args[1]
rules <- read.csv(args[2], stringsAsFactors = FALSE)
out_csv <- args[3]

read_transcript <- function(path) {
  lines <- readLines(path, encoding = "UTF-8", warn = FALSE)
  fences <- which(lines == "---")
  meta <- lines[(fences[1] + 1):(fences[2] - 1)]
  value <- function(key) sub(paste0("^", key, ":\\s*"), "", meta[startsWith(meta, paste0(key, ":"))])
  body <- lines[(fences[2] + 1):length(lines)]
  turns <- regmatches(body, regexec("^([A-Za-z][A-Za-z ]*):\\s(.*)$", body))
  turns <- turns[lengths(turns) == 3]
  speaker <- vapply(turns, `[`, "", 2)
  text <- vapply(turns, `[`, "", 3)
  keep <- speaker != "Interviewer"
  text <- gsub("[\u2018\u2019]", "'", text[keep])
  text <- gsub("(\\w)'[sS]\\b", "\\1", text, perl = TRUE)
  data.frame(doc = path, area = value("area"), year = value("year"), text = text, stringsAsFactors = FALSE)
}

files <- list.files(corpus_dir, pattern = "\\.txt$", recursive = TRUE, full.names = TRUE)
passages <- bind_rows(lapply(files, read_transcript)) %>% mutate(pid = row_number())

rules <- rules %>% mutate(n = lengths(strsplit(rule, " ")))
stem_rule <- function(rule) vapply(strsplit(rule, " "), function(w) paste(wordStem(w, language = "porter"), collapse = " "), "")
words <- rules %>% filter(n == 1) %>% mutate(stem = stem_rule(rule))
pairs <- rules %>% filter(n == 2) %>% mutate(stem = stem_rule(rule))

unigrams <- passages %>%
  select(pid, text) %>%
  unnest_tokens(word, text) %>%
  mutate(stem = wordStem(word, language = "porter")) %>%
  inner_join(words, by = "stem", relationship = "many-to-many") %>%
  count(pid, theme, name = "hits")

bigrams <- passages %>%
  select(pid, text) %>%
  unnest_tokens(bigram, text, token = "ngrams", n = 2) %>%
  filter(!is.na(bigram)) %>%
  mutate(stem = stem_rule(bigram)) %>%
  inner_join(pairs, by = "stem", relationship = "many-to-many") %>%
  count(pid, theme, name = "hits")

hits <- bind_rows(unigrams, bigrams) %>%
  group_by(pid, theme) %>%
  summarise(hits = sum(hits), .groups = "drop") %>%
  inner_join(passages %>% select(pid, area, year), by = "pid")

totals <- passages %>% count(area, year, name = "passages_total")
result <- hits %>%
  group_by(area, year, theme) %>%
  summarise(passages = n(), hits = sum(hits), .groups = "drop") %>%
  inner_join(totals, by = c("area", "year")) %>%
  arrange(area, year, theme)

write.csv(result, out_csv, row.names = FALSE)
