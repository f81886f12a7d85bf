#!/usr/bin/env bash
# The real 2017/18 outcomes file, ours against DuckDB, for docs/performance.md (a manual command; CI does not run it).
# Usage: tests/CrimeOutcomes.ImportComparison/run-real.sh [pairs]   (default 9)
# Needs: /usr/bin/time (apt-get install -y time). Unpacks shared/real/outcomes-2017-18.csv.gz to /tmp.
# Every round runs, one after the other: ours-all csv, duckdb-all csv, ours-all csv.gz, duckdb-all csv.gz, so a burst
# of someone else's work on the shared machine hits all four alike; medians and ratios are of those rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-9}
gz=${REAL_GZ:-../shared/real/outcomes-2017-18.csv.gz}
[ -f "$gz" ] || gz=/work/shared/real/outcomes-2017-18.csv.gz
csv=/tmp/outcomes-2017-18.csv
[ -f "$csv" ] || gzip -dc "$gz" > "$csv"
dotnet build tests/CrimeOutcomes.ImportComparison -c Release -v q -nologo > /dev/null
harness="dotnet tests/CrimeOutcomes.ImportComparison/bin/Release/net10.0/CrimeOutcomes.ImportComparison.dll"
cat "$csv" "$gz" > /dev/null   # warm page cache
echo "== real 2017/18: $(stat -L -c %s "$csv") bytes csv, $(stat -L -c %s "$gz") bytes gz, load $(cut -d" " -f1-3 /proc/loadavg)"
echo "checksums (recorded basis over all rows 4,878,302; closed basis 4,772,838):"
for file in "$csv" "$gz"; do
  $harness ours-all "$file"
  $harness duckdb-all "$file"
done
log=/tmp/crime-outcomes-real-times.txt
: > "$log"
for i in $(seq 1 "$pairs"); do
  for file in "$csv" "$gz"; do
    kind=${file##*.}   # csv or gz
    for command in ours-all duckdb-all; do
      /usr/bin/time -f "$command-$kind %e %U %M" $harness $command "$file" 2>&1 >/dev/null | tail -1 >> "$log"
    done
  done
done
echo "load at the end $(cut -d" " -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$log" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, user, peak = line.split()
    runs.setdefault(name, []).append((float(wall), float(user), int(peak)))
median = {}
for name, values in runs.items():
    walls = sorted(v[0] for v in values)
    median[name] = statistics.median(walls)
    print(f"{name}: median {median[name]:.3f} s wall, {statistics.median(v[1] for v in values):.3f} s user, "
          f"peak {max(v[2] for v in values) / 1024:.1f} MiB (median {statistics.median(v[2] for v in values) / 1024:.1f}); runs {walls}")
for kind in ("csv", "gz"):
    print(f"{kind}: ours / duckdb = {median['ours-all-' + kind] / median['duckdb-all-' + kind]:.2f}")
print(f"ours gz / ours csv = {median['ours-all-gz'] / median['ours-all-csv']:.2f}; duckdb gz / duckdb csv = {median['duckdb-all-gz'] / median['duckdb-all-csv']:.2f}")
PY
