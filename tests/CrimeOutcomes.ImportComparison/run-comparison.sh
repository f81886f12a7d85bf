#!/usr/bin/env bash
# Side-by-side import comparison for docs/performance.md (a manual command; CI does not run it).
# Usage: tests/CrimeOutcomes.ImportComparison/run-comparison.sh [rows ...]   (default: 1000000 5000000)
# Needs: hyperfine, /usr/bin/time (apt-get install -y hyperfine time python3-pandas python3-openpyxl).
# Generated files go to /tmp; results to /tmp/crime-outcomes-comparison-<rows>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/CrimeOutcomes.ImportComparison -c Release -v q -nologo > /dev/null
harness="dotnet tests/CrimeOutcomes.ImportComparison/bin/Release/net10.0/CrimeOutcomes.ImportComparison.dll"
pandas="/usr/bin/python3 tests/CrimeOutcomes.ImportComparison/pandas_outcomes.py"
for rows in ${@:-1000000 5000000}; do
  file=/tmp/crime-outcomes-$rows.csv
  [ -f "$file" ] || $harness generate-csv "$file" "$rows"
  cat "$file" > /dev/null   # warm page cache
  echo "== $rows rows: $(stat -L -c %s "$file") bytes, load $(cut -d" " -f1-3 /proc/loadavg)"
  hyperfine --warmup 1 --runs 7 --export-json "/tmp/crime-outcomes-comparison-$rows.json" \
    -n ours "$harness ours $file" -n duckdb "$harness duckdb $file" -n sep-loop "$harness sep $file" -n cat "cat $file"
  hyperfine --runs 3 --export-json "/tmp/crime-outcomes-comparison-$rows-pandas.json" -n pandas "$pandas csv $file"
  # Medians, and the ratios the targets are stated in.
  /usr/bin/python3 - "/tmp/crime-outcomes-comparison-$rows.json" "/tmp/crime-outcomes-comparison-$rows-pandas.json" <<'PY'
import json, sys
medians = {}
for path in sys.argv[1:]:
    for result in json.load(open(path))["results"]:
        medians[result["command"]] = result["median"]
for name, median in medians.items():
    print(f"median {name}: {median:.3f} s")
print(f"ours / duckdb = {medians['ours'] / medians['duckdb']:.2f}; pandas / ours = {medians['pandas'] / medians['ours']:.1f}")
PY
  # The machine is shared: a burst of someone else's work hits whichever command hyperfine is running. So also
  # alternate ours and DuckDB, run by run, and compare the medians of the pairs.
  echo "interleaved ours/duckdb, 9 pairs:"
  for i in $(seq 1 9); do
    for command in ours duckdb; do
      /usr/bin/time -f "$command %e" $harness $command "$file" 2>&1 >/dev/null | tail -1
    done
  done | /usr/bin/python3 -c '
import statistics, sys
times = {}
for line in sys.stdin:
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
ours_runs, duck_runs = sorted(times["ours"]), sorted(times["duckdb"])
ours, duck = statistics.median(ours_runs), statistics.median(duck_runs)
print(f"  median ours {ours:.3f} s, duckdb {duck:.3f} s, ratio {ours / duck:.2f}; ours runs {ours_runs}; duckdb runs {duck_runs}")'
  for command in ours duckdb sep; do
    /usr/bin/time -f "$command: peak %M KB, %e s wall, %U s user" $harness $command "$file" 2>&1 | tail -1
  done
  /usr/bin/time -f "pandas: peak %M KB, %e s wall, %U s user" $pandas csv "$file" 2>&1 | tail -1
  echo "warm process (one process, 6 imports in a row):"
  $harness ours "$file" 6 2>&1 | grep run
done
