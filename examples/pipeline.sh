#!/usr/bin/env bash
# A shell pipeline over JSON lines: clean, deduplicate across documents with a persistent index,
# set bad lines aside, and look at what was removed.
#
#     bash examples/pipeline.sh
#
# Uses the `textclean` command; set TEXTCLEAN to run another one, e.g.
# TEXTCLEAN="python -m textclean" bash examples/pipeline.sh
set -euo pipefail

textclean=${TEXTCLEAN:-textclean}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Three scraped articles and one broken line. Fields other than "body" pass through untouched.
cat > "$work/crawl.jsonl" <<'JSONL'
{"url": "https://a.example/1", "site": "a.example", "body": "Ferry fares rise 5% from April, the operator said on Tuesday, blaming fuel costs.\n\nCommuter groups said the rise was the third in two years.\n\nFerry fares rise 5% from April, the operator said on Tuesday, blaming fuel costs.", "lang": "en"}
{"url": "https://b.example/7", "site": "b.example", "body": "Islanders react.\n\nFerry fares rise 5% from April, the operator said on Tuesday, blaming fuel costs.", "lang": "en"}
{"url": "https://b.example/8", "site": "b.example", "body": "Council approves the new harbour car park after a two-hour debate on Thursday night.\n\nAdvertisement", "lang": "en"}
{"url": "https://b.example/9", "body": 
JSONL

# Deduplicate across the three articles (and across runs: the index is a file), keep going past
# the broken line, and say what was removed.
$textclean dedupe --jsonl --field body --id-field url --source-field site \
    --index "$work/index.db" --report --on-error skip --rejects "$work/rejects.jsonl" \
    "$work/crawl.jsonl" > "$work/deduped.jsonl"

echo "--- deduplicated bodies"
python3 - "$work/deduped.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    removed = [(d["kind"], d["doc_id"] or "same document") for d in record["textclean"]["duplicates"]]
    print(record["url"], repr(record["body"]), "removed:", removed)
PY

echo "--- rejected lines (unchanged)"
cat "$work/rejects.jsonl"

# Running again over the same file: the ids are the same, so each document replaces its earlier
# copy in the index instead of matching it, and the output is the same as the first time.
$textclean dedupe --jsonl --field body --id-field url --index "$work/index.db" --quiet \
    --on-error skip --rejects "$work/rejects.jsonl" "$work/crawl.jsonl" | wc -l
