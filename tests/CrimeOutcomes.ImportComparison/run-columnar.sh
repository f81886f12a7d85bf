#!/usr/bin/env bash
# The columnar measurements of docs/performance.md, side by side (a manual command; CI does not run it).
# Usage: tests/CrimeOutcomes.ImportComparison/run-columnar.sh [rows]   (default 5000000; the csv goes to /tmp)
# Needs: hyperfine, /usr/bin/time (apt-get install -y hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/CrimeOutcomes.ImportComparison -c Release -v q -nologo > /dev/null
harness="dotnet tests/CrimeOutcomes.ImportComparison/bin/Release/net10.0/CrimeOutcomes.ImportComparison.dll"
rows=${1:-5000000}
csv=/tmp/crime-outcomes-$rows.csv
out=/tmp/crime-outcomes-columnar-$rows
mkdir -p "$out"
[ -f "$csv" ] || $harness generate-csv "$csv" "$rows"
cat "$csv" > /dev/null   # warm page cache
$harness rows-parquet "$csv" "$out/rows.parquet" > /dev/null
$harness dataset-parquet "$csv" "$out/dataset.parquet" > /dev/null
echo "== $rows rows: $(stat -L -c %s "$csv") bytes; rows.parquet $(stat -c %s "$out/rows.parquet") bytes; load $(cut -d" " -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs 5 --export-json "$out/hyperfine.json" \
  -n ours-all "$harness ours-all $csv" \
  -n rows-parquet "$harness rows-parquet $csv $out/rows-run.parquet" \
  -n reload-parquet "$harness reload-parquet $out/dataset.parquet" \
  -n duckdb-parquet "$harness duckdb-parquet $out/rows.parquet" \
  -n duckdb-all "$harness duckdb-all $csv"
/usr/bin/python3 - "$out/hyperfine.json" <<'PY'
import json, sys
m = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for name, median in m.items():
    print(f"median {name}: {median:.3f} s")
print(f"rows-parquet / ours-all = {m['rows-parquet'] / m['ours-all']:.2f} (aim <= 2)")
print(f"ours-all / reload-parquet = {m['ours-all'] / m['reload-parquet']:.1f} (aim >= 10)")
print(f"duckdb-all / duckdb-parquet = {m['duckdb-all'] / m['duckdb-parquet']:.1f} (aim > 1)")
PY
for command in ours-all rows-parquet; do
  extra=$([ "$command" = rows-parquet ] && echo "$out/rows-run.parquet" || true)
  /usr/bin/time -f "$command: peak %M KB, %e s wall, %U s user" $harness $command "$csv" $extra 2>&1 | tail -1
done
echo "warm process (one process, 6 reloads, then 3 imports):"
$harness reload-parquet "$out/dataset.parquet" 6 2>&1 | grep run
$harness ours-all "$csv" 3 2>&1 | grep run
