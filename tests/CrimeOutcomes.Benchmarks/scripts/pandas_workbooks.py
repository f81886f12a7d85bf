"""pandas baseline for the twelve-workbook import (docs/performance.md, "Every year at once").

Usage: /usr/bin/python3 pandas_workbooks.py DIR_OR_FILE...
Reads the data sheet (the fourth: Cover_sheet, Notes, Pivot come first) of every .xlsx file in DIR with
pandas.read_excel (openpyxl), header on the third row, and sums both count columns (markers such as
"N/A - data not provided" and "--" read as missing); one workbook in memory at a time.
"""
import glob
import os
import sys

import pandas as pd


def main() -> None:
    rows = recorded = closed = 0
    paths = [p for a in sys.argv[1:] for p in (sorted(glob.glob(os.path.join(a, "*.xlsx"))) if os.path.isdir(a) else [a])]
    for path in paths:
        frame = pd.read_excel(path, sheet_name=3, header=2, engine="openpyxl")
        rows += len(frame)
        recorded += int(pd.to_numeric(frame.iloc[:, 11], errors="coerce").sum())
        closed += int(pd.to_numeric(frame.iloc[:, 12], errors="coerce").sum())
        del frame
    print(f"pandas: rows read {rows:,}; recorded basis {recorded:,}, closed basis {closed:,}")


if __name__ == "__main__":
    main()
