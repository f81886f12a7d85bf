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
  hyperfine --warmup 1 --runs 7 --export-markdown "/tmp/crime-outcomes-comparison-$rows.md" \
    -n ours "$harness ours $file" -n duckdb "$harness duckdb $file" -n sep-loop "$harness sep $file" -n cat "cat $file"
  hyperfine --runs 3 --export-markdown "/tmp/crime-outcomes-comparison-$rows-pandas.md" -n pandas "$pandas csv $file"
  for command in ours duckdb sep; do
    /usr/bin/time -f "$command: peak %M KB, %e s wall, %U s user" $harness $command "$file" 2>&1 | tail -1
  done
  /usr/bin/time -f "pandas: peak %M KB, %e s wall, %U s user" $pandas csv "$file" 2>&1 | tail -1
  echo "warm process (one process, 6 imports in a row):"
  $harness ours "$file" 6 2>&1 | grep run
done
