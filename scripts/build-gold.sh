#!/usr/bin/env bash
# Builds the gold files from the per-document specs with ../shared/tools/gold/resolve.py:
#   corpora/gold/seed.jsonl  (inline text: the seed press release lives in corpora/seed/)
#   corpora/gold/dev.jsonl, corpora/gold/test.jsonl  (stand-off: id + sha256, text stays in ../shared/data)
# then validates them with scripts/validate-gold.py. Specs name their archive with an "archive" key.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/tools/gold" ] || { echo "build-gold: $shared/tools/gold not found" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/gold/resolve.py" corpora/seed corpora/gold/specs/seed corpora/gold/seed.jsonl
for split in dev test; do
  : > "$tmp/$split.jsonl"
  for archive in baomoi-news/baomoi-police-gov.jsonl.gz dantri-unc/dantri-unc.jsonl.gz; do
    mkdir -p "$tmp/$split-${archive%%/*}"
    for spec in corpora/gold/specs/$split/*.json; do
      if python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get('archive')==sys.argv[2] else 1)" "$spec" "$archive"; then
        cp "$spec" "$tmp/$split-${archive%%/*}/"
      fi
    done
    if ls "$tmp/$split-${archive%%/*}"/*.json >/dev/null 2>&1; then
      python3 "$shared/tools/gold/resolve.py" --docs "$shared/data/$archive" "$tmp/$split-${archive%%/*}" "$tmp/part.jsonl" --standoff
      cat "$tmp/part.jsonl" >> "$tmp/$split.jsonl"
    fi
  done
  # Stable order: by id.
  python3 -c "import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; rows.sort(key=lambda r: r['id']); open(sys.argv[2],'w').write(''.join(json.dumps(r, ensure_ascii=False)+'\n' for r in rows))" "$tmp/$split.jsonl" "corpora/gold/$split.jsonl"
done
python3 scripts/validate-gold.py corpora/gold/seed.jsonl corpora/gold/dev.jsonl corpora/gold/test.jsonl \
  --text-from "$shared/data/baomoi-news/baomoi-police-gov.jsonl.gz" "$shared/data/dantri-unc/dantri-unc.jsonl.gz"
wc -l corpora/gold/*.jsonl
