#!/usr/bin/env bash
# Benchmarks apivet against the type-checking floor and gosec on a module.
#
#   scripts/bench.sh [-r ROUNDS] [-n] DIR [PATTERN...]
#
#   DIR       a Go module (or workspace) to analyse; "std" analyses the
#             standard library from $(go env GOROOT)/src with pattern std
#   PATTERN   package patterns (default ./...)
#   -r N      rounds (default 5); tools alternate within each round
#   -n        skip gosec (it takes minutes and ~2.5 GB to install)
#
# Measures wall time, CPU time (user+sys) and peak RSS with /usr/bin/time of:
#   floor      a no-op go/analysis pass (internal/bench/noop, same x/tools)
#   apivet     apivet standalone
#   vet        go vet -vettool=apivet (a per-round flag defeats go's vet cache)
#   gosec      gosec v2.30.0
# and prints medians and the ratios apivet/floor and apivet/gosec. The build
# cache is warm: every tool runs once before the measured rounds.
set -euo pipefail
rounds=5
gosec=1
while getopts "r:n" o; do
  case $o in
    r) rounds=$OPTARG ;;
    n) gosec=0 ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,20p' "$0"; exit 2; }
target=$1; shift
patterns=("$@")
if [ "$target" = std ]; then
  target=$(go env GOROOT)/src
  [ ${#patterns[@]} -gt 0 ] || patterns=(std)
fi
[ ${#patterns[@]} -gt 0 ] || patterns=(./...)
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)"; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/apivet" ./cmd/apivet && go build -o "$work/noop" ./internal/bench/noop)
tools=(floor apivet vet)
if [ $gosec = 1 ]; then
  if ! command -v gosec >/dev/null || ! go version -m "$(command -v gosec)" | grep -q "securego/gosec/v2.*v2.30.0"; then
    echo "installing gosec v2.30.0 into $work/bin ..."
    GOBIN="$work/bin" go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
    export PATH="$work/bin:$PATH"
  fi
  tools+=(gosec)
fi

run() { # tool round
  case $1 in
    floor)  "$work/noop" -test=false "${patterns[@]}" ;;
    apivet) "$work/apivet" -no-config -format json "${patterns[@]}" ;;
    vet)    go vet -vettool="$work/apivet" -apivetdirectives.exclude="bench-round-$2" "${patterns[@]}" ;;
    gosec)  gosec -quiet -fmt json -no-fail "${patterns[@]}" ;;
  esac
}

cd "$target"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(go version); $(date -u +%F)"
echo "target:  $target ${patterns[*]}"
for t in "${tools[@]}"; do run "$t" warm >/dev/null 2>&1 || true; done
for r in $(seq 1 "$rounds"); do
  for t in "${tools[@]}"; do
    /usr/bin/time -f "$t %e %U %S %M" -o "$work/time.$t.$r" bash -c "$(declare -f run); work=$work; patterns=(${patterns[*]@Q}); run $t $r" >/dev/null 2>&1 || true
    cat "$work/time.$t.$r" | tail -1 >> "$work/all"
  done
done
python3 - "$work/all" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) != 5: continue
    t, wall, usr, sys_, rss = p[0], float(p[1]), float(p[2]), float(p[3]), int(p[4])
    rows.setdefault(t, []).append((wall, usr + sys_, rss / 1024))
med = {t: tuple(st.median(x[i] for x in v) for i in range(3)) for t, v in rows.items()}
print(f"{'tool':8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}   (median of {len(next(iter(rows.values())))} rounds)")
for t in ("floor", "apivet", "vet", "gosec"):
    if t in med:
        w, c, m = med[t]
        print(f"{t:8} {w:8.2f} {c:8.2f} {m:8.0f}")
if "floor" in med and "apivet" in med:
    f, a = med["floor"], med["apivet"]
    print(f"apivet/floor: wall {a[0]/f[0]:.2f}x, cpu {a[1]/f[1]:.2f}x, memory {a[2]/f[2]:.2f}x")
if "gosec" in med and "apivet" in med:
    g, a = med["gosec"], med["apivet"]
    print(f"apivet/gosec: wall {a[0]/g[0]:.2f}x, cpu {a[1]/g[1]:.2f}x, memory {a[2]/g[2]:.2f}x")
PY
