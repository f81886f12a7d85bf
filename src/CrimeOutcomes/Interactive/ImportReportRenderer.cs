using System.Globalization;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// An import report: per file, the rows and count sums read, kept, filtered, rejected and set aside, whether they
/// reconcile, and the names set aside, the unknown force names and the rejected rows with their locations and reasons.
/// The plain text is the report's own text, as the command line prints it.
/// </summary>
internal static class ImportReportRenderer
{
    /// <summary>Rejected rows listed in the HTML (the rest are counted; all are in the report itself).</summary>
    internal const int MaxRejectedShown = 50;

    private static readonly string[] CountHeaders = ["", "Rows", "Recorded basis", "Closed basis", "Offences", "Basis unstated"];

    public static string Html(ImportReport report) => HtmlParts.Fragment("import-report", html =>
    {
        HtmlParts.Heading(html, string.Create(CultureInfo.InvariantCulture,
            $"Import: {report.Files.Count} file{(report.Files.Count == 1 ? string.Empty : "s")}, {report.RowsRead:N0} rows read, {report.RowsKept:N0} kept"));
        foreach (var file in report.Files)
        {
            WriteFile(html, file);
        }

        if (report.Files.Count > 1)
        {
            HtmlParts.Labelled(html, "All files: ", string.Create(CultureInfo.InvariantCulture,
                $"rows read {report.RowsRead:N0} = kept {report.RowsKept:N0} + filtered {report.RowsFiltered:N0} + rejected {report.RowsRejected:N0} + set aside {report.RowsSetAside:N0}"));
        }

        HtmlParts.Note(html, "Kept rows are summed into the figures; filtered rows were left out by a filter of the options; rejected rows are malformed; "
            + "set-aside rows are not police force figures (Action Fraud, totals, regions) and would double count. See docs/importing.md.");
    });

    public static string Text(ImportReport report) => report.ToString();

    private static void WriteFile(HtmlBuilder html, FileImportReport file)
    {
        var about = new List<string> { file.Kind.ToString() };
        if (file.ReleaseDate is { } release)
        {
            about.Add("released " + release.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (file.Years.Count > 0)
        {
            about.Add("years " + string.Join(", ", file.Years));
        }

        if (file.Sheets.Count > 0)
        {
            about.Add("sheets " + string.Join(", ", file.Sheets));
        }

        HtmlParts.Labelled(html, file.File + ": ", string.Join("; ", about));
        html.Element("div", file.Reconciles
            ? "✓ Every row is accounted for: read = kept + filtered + rejected + set aside, for the rows and for the sums of every count column."
            : "✗ Does not reconcile: the kept, filtered, rejected and set-aside rows or counts do not add up to those read.",
            ("class", file.Reconciles ? "co-fits" : "co-misfit"));

        var unstated = file.CountsRead.UnstatedBasis != 0;
        var headers = unstated ? CountHeaders : CountHeaders[..^1];
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => i > 0);
            using (html.Open("tbody"))
            {
                CountRow(html, "Read", file.RowsRead, file.CountsRead, unstated);
                CountRow(html, "Kept", file.RowsKept, file.CountsKept, unstated);
                CountRow(html, "Filtered", file.RowsFiltered, file.CountsFiltered, unstated);
                CountRow(html, "Rejected", file.RowsRejected, file.CountsRejected, unstated);
                CountRow(html, "Set aside", file.RowsSetAside, file.CountsSetAside, unstated);
            }
        }

        if (file.SupersededYears.Count > 0)
        {
            HtmlParts.Note(html, $"Replaced by a later release ({file.SupersededBy}) for {string.Join(", ", file.SupersededYears)}: those years come from the later file, not from this one.");
        }

        if (file.Markers.Count > 0)
        {
            var cells = file.Markers.Sum(m => m.Cells);
            using (HtmlParts.Details(html, $"Markers of absent figures ({Describe.Count(cells)} cell{(cells == 1 ? string.Empty : "s")}: no figure, never zero)"))
            {
                Table(html, ["Marker", "Meaning", "Column", "Cells"], file.Markers.Select(m => new[]
                {
                    m.Marker.Length == 0 ? "(blank)" : m.Marker, m.Absence.ToDisplayName(), m.Column, Describe.Count(m.Cells),
                }));
            }
        }

        if (file.Gaps.Count > 0)
        {
            HtmlParts.Note(html, $"Not provided: {string.Join("; ", file.Gaps.GroupBy(g => g.Force).Select(g => $"{g.Key.Name} {string.Join(", ", g.Select(x => x.Quarter).Distinct().Order())}"))}. "
                + "The figures of those forces for those years are partial, and every ratio's coverage says so.");
        }

        if (file.Corrections.Count > 0)
        {
            using (HtmlParts.Details(html, $"Negative counts: published corrections, kept ({Describe.Count(file.Corrections.Sum(c => c.Rows))} rows)"))
            {
                Table(html, ["Outcome", "Basis", "Rows", "Sum"], file.Corrections.Select(c => new[]
                {
                    c.Outcome.ToString(), c.Basis.ToDisplayName(), Describe.Count(c.Rows), Describe.Count(c.Sum),
                }));
                if (file.NegativeSums.Count > 0)
                {
                    HtmlParts.Note(html, $"{Describe.Count(file.NegativeSums.Count)} figure{(file.NegativeSums.Count == 1 ? string.Empty : "s")} of the dataset sum to a negative count, kept as published: "
                        + string.Join("; ", file.NegativeSums.Take(5).Select(f => $"{f.Outcome} for {f.Key} ({f.Basis.ToDisplayName()}) {Describe.Count(f.Count)}")) + ".");
                }
            }
        }

        if (file.RowsOfExpiredCodes > 0 || file.OffenceCodesStoredAsNumbers > 0)
        {
            HtmlParts.Note(html, string.Join(" ", new[]
            {
                file.RowsOfExpiredCodes > 0 ? $"{Describe.Count(file.RowsOfExpiredCodes)} rows of expired offence codes." : null,
                file.OffenceCodesStoredAsNumbers > 0 ? $"{Describe.Count(file.OffenceCodesStoredAsNumbers)} offence codes stored as numbers, read as the text they show." : null,
            }.OfType<string>()));
        }

        if (file.SetAside.Count > 0)
        {
            using (HtmlParts.Details(html, $"Set aside ({file.SetAside.Count} name{(file.SetAside.Count == 1 ? string.Empty : "s")}, {Describe.Count(file.RowsSetAside)} rows)"))
            {
                Table(html, ["Name", "Rows", "Counts"], file.SetAside.Select(s => new[] { s.Name, Describe.Count(s.Rows), s.Counts.ToString() }));
            }
        }

        if (file.UnknownNames.Count > 0)
        {
            using (HtmlParts.Details(html, $"Unknown force names ({file.UnknownNames.Count})"))
            {
                Table(html, ["Name", "Rows", "Did you mean"], file.UnknownNames.Select(u => new[] { u.Name, Describe.Count(u.Rows), string.Join(", ", u.Suggestions) }));
            }
        }

        if (file.RowsRejected > 0)
        {
            using (HtmlParts.Details(html, $"Rejected rows ({Describe.Count(file.RowsRejected)})"))
            {
                Table(html, ["Where", "Why"], file.Rejected.Take(MaxRejectedShown).Select(r => new[] { r.Location.ToString(), r.Reason }));
                var unlisted = file.RowsRejected - Math.Min(file.Rejected.Count, MaxRejectedShown);
                if (unlisted > 0)
                {
                    HtmlParts.Note(html, $"… and {Describe.Count(unlisted)} more rejected rows (the report lists up to the import option MaxRejectedRowsListed; this table the first {MaxRejectedShown}).");
                }
            }
        }
    }

    private static void CountRow(HtmlBuilder html, string label, long rows, CountTotals counts, bool unstated)
    {
        using (html.Open("tr"))
        {
            HtmlParts.RowHeader(html, label);
            HtmlParts.Cell(html, Describe.Count(rows), numeric: true);
            HtmlParts.Cell(html, Describe.Count(counts.Recorded), numeric: true);
            HtmlParts.Cell(html, Describe.Count(counts.Closed), numeric: true);
            HtmlParts.Cell(html, Describe.Count(counts.RecordedCrimes), numeric: true);
            if (unstated)
            {
                HtmlParts.Cell(html, Describe.Count(counts.UnstatedBasis), numeric: true);
            }
        }
    }

    private static void Table(HtmlBuilder html, string[] headers, IEnumerable<string[]> rows)
    {
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => headers[i] == "Rows");
            using (html.Open("tbody"))
            {
                foreach (var row in rows)
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, row[0]);
                        for (var i = 1; i < row.Length; i++)
                        {
                            HtmlParts.Cell(html, row[i], numeric: headers[i] == "Rows");
                        }
                    }
                }
            }
        }
    }
}
