#!/usr/bin/env bash
# Scores apivet and gosec v2.30.0 on the labeled corpus (testdata/mod/corpus):
# TP, FP, FN, precision and recall per family, gosec's rule IDs mapped onto
# apivet's families (internal/corpus.GosecFamily).
#
#   scripts/score.sh [-v]      -v lists every false positive and negative
#
# apivet alone, without gosec: go run ./internal/corpus/score [-v]
# Installing gosec takes minutes and about 2.5 GB; it is not part of CI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if command -v gosec >/dev/null && go version -m "$(command -v gosec)" | grep -q "securego/gosec/v2.*v2.30.0"; then
  gosec=gosec
else
  echo "installing gosec v2.30.0 ..." >&2
  GOBIN="$work/bin" go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
  gosec="$work/bin/gosec"
fi
(cd "$repo/testdata/mod" && go mod download && "$gosec" -quiet -fmt json -no-fail -out "$work/gosec.json" ./corpus/... ) || true
cd "$repo"
go run ./internal/corpus/score -gosec "$work/gosec.json" "$@"
