#!/usr/bin/env bash
# Create .venv-baselines/ with the word-segmentation baselines used by
# scripts/eval-wordseg.py (--system underthesea / pyvi).  Pinned versions
# (checked with `pip index versions` on this machine):
#   underthesea 9.5.0 (Apache-2.0), pyvi 0.1.1 (MIT)
# Usage: scripts/setup-wordseg-baselines.sh   (from the repo root)
# Then:  .venv-baselines/bin/python scripts/eval-wordseg.py --system underthesea --system pyvi
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-baselines
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "underthesea==9.5.0" "pyvi==0.1.1"
"$VENV/bin/python" -c "import underthesea, pyvi; print('ok underthesea', underthesea.__version__)"
