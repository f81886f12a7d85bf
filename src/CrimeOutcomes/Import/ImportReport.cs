using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Import;

/// <summary>The account of an import: one <see cref="FileImportReport"/> per file, and their totals.</summary>
/// <param name="Files">The files, in the order given.</param>
public sealed record ImportReport(IReadOnlyList<FileImportReport> Files)
{
    /// <summary>Rows read in every file.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);

    /// <summary>Rows kept.</summary>
    public long RowsKept => Files.Sum(f => f.RowsKept);

    /// <summary>Rows left out by a filter.</summary>
    public long RowsFiltered => Files.Sum(f => f.RowsFiltered);

    /// <summary>Rows rejected.</summary>
    public long RowsRejected => Files.Sum(f => f.RowsRejected);

    /// <summary>Rows set aside.</summary>
    public long RowsSetAside => Files.Sum(f => f.RowsSetAside);

    /// <summary>Whether every file reconciles (see <see cref="FileImportReport.Reconciles"/>).</summary>
    public bool Reconciles => Files.All(f => f.Reconciles);

    /// <summary>A plain-text account, as the command line prints it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var file in Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.File} ({file.Kind}");
            if (file.ReleaseDate is { } release)
            {
                text.Append(CultureInfo.InvariantCulture, $", released {release:yyyy-MM-dd}");
            }

            text.AppendLine(")");
            if (file.Container is not null || file.Encoding is not (null or "UTF-8"))
            {
                text.AppendLine($"  read as: {string.Join(", ", new[] { file.Encoding, file.Container }.OfType<string>())}");
            }

            if (file.Sheets.Count > 0)
            {
                text.AppendLine($"  sheets: {string.Join(", ", file.Sheets)}");
            }

            if (file.Years.Count > 0)
            {
                text.AppendLine($"  years: {string.Join(", ", file.Years)}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"  rows read {file.RowsRead:N0} = kept {file.RowsKept:N0} + filtered {file.RowsFiltered:N0} + rejected {file.RowsRejected:N0} + set aside {file.RowsSetAside:N0}{(file.Reconciles ? string.Empty : "  (DOES NOT RECONCILE)")}");
            text.AppendLine($"  counts read: {file.CountsRead}");
            text.AppendLine($"  counts kept: {file.CountsKept}");
            if (file.SupersededYears.Count > 0)
            {
                text.AppendLine($"  replaced by a later release ({file.SupersededBy}) for {string.Join(", ", file.SupersededYears)}");
            }

            if (file.OffenceCodesStoredAsNumbers > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  offence codes stored as numbers, read as the text they show: {file.OffenceCodesStoredAsNumbers:N0} cells");
            }

            if (file.RowsOfExpiredCodes > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  rows of expired offence codes: {file.RowsOfExpiredCodes:N0}");
            }

            foreach (var marker in file.Markers)
            {
                text.AppendLine($"  marker: {marker}");
            }

            foreach (var correction in file.Corrections)
            {
                text.AppendLine($"  negative counts (corrections): {correction}");
            }

            if (file.NegativeSums.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  figures that sum to a negative count (kept as published): {file.NegativeSums.Count:N0}, such as {string.Join("; ", file.NegativeSums.Take(3).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Outcome} for {f.Key} ({f.Basis.ToDisplayName()}) {f.Count:N0}")))}");
            }

            if (file.Gaps.Count > 0)
            {
                var forces = file.Gaps.Select(g => g.Force).Distinct().Count();
                text.AppendLine(CultureInfo.InvariantCulture, $"  not provided: {forces:N0} force{(forces == 1 ? string.Empty : "s")} lack quarters ({string.Join("; ", file.Gaps.GroupBy(g => g.Force).Select(g => $"{g.Key.Name} {string.Join(", ", g.Select(x => x.Quarter).Distinct().Order())}"))}); their figures for those years are partial");
            }

            foreach (var name in file.SetAside)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  set aside: '{name.Name}' ({Rows(name.Rows)}; {name.Counts})");
            }

            foreach (var name in file.UnknownNames)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  unknown force: '{name.Name}' ({Rows(name.Rows)}); did you mean {string.Join(", ", name.Suggestions.Select(s => $"'{s}'"))}?");
            }

            foreach (var row in file.Rejected)
            {
                text.AppendLine($"  rejected: {row}");
            }

            if (file.RowsRejected > file.Rejected.Count)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … and {file.RowsRejected - file.Rejected.Count:N0} more rejected rows");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Total: rows read {RowsRead:N0} = kept {RowsKept:N0} + filtered {RowsFiltered:N0} + rejected {RowsRejected:N0} + set aside {RowsSetAside:N0}");
        return text.ToString();
    }

    private static string Rows(long rows) => string.Create(CultureInfo.InvariantCulture, $"{rows:N0} row{(rows == 1 ? string.Empty : "s")}");
}
