"""pandas baseline for docs/performance.md: the same aggregate as the other baselines.

Usage: /usr/bin/python3 pandas_outcomes.py csv FILE      (read_csv, filter one offence group, group by force x year x outcome)
       /usr/bin/python3 pandas_outcomes.py excel FILE    (read_excel of the data sheet, same aggregate)
"""
import sys

import pandas as pd

GROUP = "Violence against the person"
KEYS = ["Force Name", "Financial Year", "Outcome Type"]
COUNTS = ["Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter"]


def main() -> None:
    kind, path = sys.argv[1], sys.argv[2]
    frame = pd.read_csv(path) if kind == "csv" else pd.read_excel(path, sheet_name="Data")
    result = frame[frame["Offence Group"] == GROUP].groupby(KEYS)[COUNTS].sum()
    print(f"pandas {kind}: {len(result):,} groups from {len(frame):,} rows; recorded-basis total {int(result[COUNTS[0]].sum()):,}")


if __name__ == "__main__":
    main()
