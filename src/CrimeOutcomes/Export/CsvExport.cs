using System.Globalization;
using nietras.SeparatedValues;

namespace CrimeOutcomes.Export;

/// <summary>
/// Writes datasets and result tables to csv (comma-separated, quoted where needed, invariant culture, exact
/// counts; ratios as exact numerators and denominators with the percentage unrounded).
/// </summary>
public static class CsvExport
{
    private static readonly string[] DatasetColumns =
    [
        "area", "area_kind", "area_code", "period", "period_kind", "scope", "offence_group", "offence_subgroup", "offence_code",
        "measure", "basis", "outcome", "count", "missing",
    ];

    private static readonly string[] RatioColumns =
    [
        "area", "area_kind", "area_code", "period", "scope", "ratio", "numerator_label", "numerator", "denominator_label", "denominator",
        "percent", "basis", "forces_covered", "forces_in_area", "coverage", "undefined_reason",
    ];

    /// <summary>
    /// Writes every figure of <paramref name="dataset"/>, one per line in long form: recorded crimes
    /// (<c>measure</c> = <c>recorded_crimes</c>) then outcome counts (<c>measure</c> = <c>outcome</c>, with basis and
    /// outcome code), key by key in the dataset's order. A figure the source marks as absent has an empty
    /// <c>count</c> and its reason in <c>missing</c> ("NotAvailable"): it is never written as a zero.
    /// </summary>
    /// <param name="dataset">The figures.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteDataset(OutcomeDataset dataset, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(output);
        if (dataset.Keys.Count == 0)
        {
            output.WriteLine(string.Join(',', DatasetColumns));
            return;
        }

        using var writer = Writer(output);
        foreach (var key in dataset.Keys)
        {
            if (dataset.RecordedCrimesFor(key) is { } recorded)
            {
                WriteFigure(writer, key, "recorded_crimes", null, null, recorded, null);
            }
            else if (dataset.MissingFigures.Count > 0 && dataset.MissingFor(key, CountBasis.Unstated, null) is { } absence and not FigureAbsence.NotReported)
            {
                WriteFigure(writer, key, "recorded_crimes", null, null, null, absence);
            }

            foreach (var basis in FigureNames.Bases)
            {
                var counts = dataset.OutcomeCountsFor(key, basis).Select(c => (c.Key, Count: (long?)c.Value, Absence: (FigureAbsence?)null))
                    .Concat(dataset.MissingOutcomeCountsFor(key, basis).Select(m => (m.Key, Count: (long?)null, Absence: (FigureAbsence?)m.Value)));
                foreach (var (outcome, count, missing) in counts.OrderBy(c => c.Key))
                {
                    WriteFigure(writer, key, "outcome", basis, outcome, count, missing);
                }
            }
        }
    }

    /// <summary>Writes <paramref name="dataset"/> to the file at <paramref name="path"/> (UTF-8, replacing it).</summary>
    /// <param name="dataset">The figures.</param>
    /// <param name="path">The file.</param>
    public static void WriteDataset(OutcomeDataset dataset, string path)
    {
        using var output = new StreamWriter(path);
        WriteDataset(dataset, output);
    }

    /// <summary>Writes ratios, one per line: area, period, scope, the ratio's name, numerator and denominator with their labels (empty when a figure is missing), the unrounded percentage (empty when undefined), basis, coverage and why a ratio is undefined.</summary>
    /// <param name="ratios">The ratios.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteRatios(IEnumerable<Ratio> ratios, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        ArgumentNullException.ThrowIfNull(output);
        var list = ratios.ToList();
        if (list.Count == 0)
        {
            output.WriteLine(string.Join(',', RatioColumns));
            return;
        }

        using var writer = Writer(output);
        foreach (var ratio in list)
        {
            using var row = writer.NewRow();
            var key = ratio.Key;
            row["area"].Set(key?.Area.Name ?? ratio.Coverage.Area.Name);
            row["area_kind"].Set((key?.Area ?? ratio.Coverage.Area).Kind.ToString());
            row["area_code"].Set((key?.Area ?? ratio.Coverage.Area).Code ?? string.Empty);
            row["period"].Set(key?.Period.ToString() ?? string.Empty);
            row["scope"].Set(key?.Scope.ToString() ?? string.Empty);
            row["ratio"].Set(ratio.Definition?.Name ?? $"{ratio.NumeratorLabel} / {ratio.DenominatorLabel}");
            row["numerator_label"].Set(ratio.NumeratorLabel);
            var (numerator, denominator, percent) = Cells(ratio);
            row["numerator"].Set(numerator);
            row["denominator_label"].Set(ratio.DenominatorLabel);
            row["denominator"].Set(denominator);
            row["percent"].Set(percent);
            row["basis"].Set(ratio.Basis.ToShortName());
            row["forces_covered"].Format(ratio.Coverage.ForcesCovered);
            row["forces_in_area"].Format(ratio.Coverage.ForcesInArea);
            row["coverage"].Set(ratio.Coverage.ToString());
            row["undefined_reason"].Set(ratio.UndefinedReason ?? string.Empty);
        }
    }

    /// <summary>
    /// Writes series of a ratio over periods. <see cref="SeriesLayout.Long"/>: one line per area and period with
    /// <c>area, area_kind, area_code, period, scope, ratio, basis, framework, numerator, denominator, percent,
    /// lower, upper, change_pp, change_p_value, forces_covered, forces_in_area, coverage, missing, warnings</c>
    /// (the change is from the period before; empty for the first, or when either period has no ratio or the two
    /// are not comparable, with why in <c>missing</c>). <see cref="SeriesLayout.Wide"/>: one line per area with
    /// <c>area, area_kind, area_code, scope, ratio, basis</c>, then <c>&lt;period&gt;_numerator</c>,
    /// <c>_denominator</c>, <c>_percent</c> for each period, then the overall change (first period with a ratio to
    /// the last) as <c>change_pp</c>, <c>change_p_value</c>, <c>change_from</c> and <c>change_to</c>. A period with no
    /// ratio has empty counts, never zeros. Percentages are unrounded, intervals at the series' level.
    /// </summary>
    /// <param name="series">The series, typically all over the same periods.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="layout">Long (the default) or wide.</param>
    public static void WriteSeries(IEnumerable<RatioSeries> series, TextWriter output, SeriesLayout layout = SeriesLayout.Long)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(output);
        var list = series.ToList();
        var periods = list.SelectMany(s => s.Periods).Distinct().Order().ToArray();
        using var writer = Writer(output);
        foreach (var one in list)
        {
            if (layout == SeriesLayout.Wide)
            {
                WriteWide(writer, one, periods);
                continue;
            }

            for (var i = 0; i < one.Points.Count; i++)
            {
                WriteLong(writer, one, one.Points[i], i == 0 ? null : one.Changes[i - 1]);
            }
        }
    }

    /// <summary>A ratio's numerator, denominator and unrounded percentage as csv cells: empty where there is no ratio or no counts, never zero.</summary>
    private static (string Numerator, string Denominator, string Percent) Cells(Ratio? ratio) => (
        ratio is { HasCounts: true } ? ratio.Numerator.ToString(CultureInfo.InvariantCulture) : string.Empty,
        ratio is { HasCounts: true } ? ratio.Denominator.ToString(CultureInfo.InvariantCulture) : string.Empty,
        ratio?.Percent?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    private static void WriteSeriesArea(SepWriter.Row row, RatioSeries series)
    {
        row["area"].Set(series.Area.Name);
        row["area_kind"].Set(series.Area.Kind.ToString());
        row["area_code"].Set(series.Area.Code ?? string.Empty);
    }

    private static void WriteSeriesMeasure(SepWriter.Row row, RatioSeries series)
    {
        row["scope"].Set(series.Scope.ToString());
        row["ratio"].Set(series.Definition.Name);
        row["basis"].Set(series.Basis?.ToShortName() ?? string.Empty);
    }

    private static void WriteLong(SepWriter writer, RatioSeries series, RatioSeriesPoint point, RatioSeriesChange? change)
    {
        using var row = writer.NewRow();
        WriteSeriesArea(row, series);
        row["period"].Set(point.Period.ToString());
        WriteSeriesMeasure(row, series);
        row["framework"].Set(point.Framework.ToString());
        var ratio = point.Ratio;
        var (numerator, denominator, percent) = Cells(ratio);
        row["numerator"].Set(numerator);
        row["denominator"].Set(denominator);
        row["percent"].Set(percent);
        row["lower"].Set(point.Interval is { } interval ? (interval.Lower * 100).ToString("R", CultureInfo.InvariantCulture) : string.Empty);
        row["upper"].Set(point.Interval is { } bounds ? (bounds.Upper * 100).ToString("R", CultureInfo.InvariantCulture) : string.Empty);
        var difference = change?.Difference;
        row["change_pp"].Set(difference?.PercentagePoints.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row["change_p_value"].Set(difference?.PValue.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
        row["forces_covered"].Set(ratio?.Coverage.ForcesCovered.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row["forces_in_area"].Set(ratio?.Coverage.ForcesInArea.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row["coverage"].Set(ratio?.Coverage.ToString() ?? string.Empty);
        var why = point.Absence ?? ratio?.UndefinedReason ?? (change is { Difference: null } ? change.Absence ?? (change.Comparison as Statistics.NotComparable)?.Explanation : null);
        row["missing"].Set(why ?? string.Empty);
        row["warnings"].Set(string.Join(" | ", point.Warnings.Select(w => w.Message)));
    }

    private static void WriteWide(SepWriter writer, RatioSeries series, IReadOnlyList<ReportingPeriod> periods)
    {
        using var row = writer.NewRow();
        WriteSeriesArea(row, series);
        WriteSeriesMeasure(row, series);
        foreach (var period in periods)
        {
            var (numerator, denominator, percent) = Cells(series.Points.FirstOrDefault(p => p.Period == period)?.Ratio);
            row[$"{period}_numerator"].Set(numerator);
            row[$"{period}_denominator"].Set(denominator);
            row[$"{period}_percent"].Set(percent);
        }

        var overall = series.Overall;
        row["change_pp"].Set(overall?.Difference?.PercentagePoints.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row["change_p_value"].Set(overall?.Difference?.PValue.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
        row["change_from"].Set(overall?.From.Period.ToString() ?? string.Empty);
        row["change_to"].Set(overall?.To.Period.ToString() ?? string.Empty);
    }

    private static SepWriter Writer(TextWriter output)
        => Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(output, leaveOpen: true);

    private static void WriteFigure(SepWriter writer, FigureKey key, string measure, CountBasis? basis, OutcomeType? outcome, long? count, FigureAbsence? missing)
    {
        using var row = writer.NewRow();
        row["area"].Set(key.Area.Name);
        row["area_kind"].Set(key.Area.Kind.ToString());
        row["area_code"].Set(key.Area.Code ?? string.Empty);
        row["period"].Set(key.Period.ToString());
        row["period_kind"].Set(key.Period.Kind.ToString());
        row["scope"].Set(key.Scope.Name);
        row["offence_group"].Set(key.Scope.OffenceGroup ?? string.Empty);
        row["offence_subgroup"].Set(key.Scope.OffenceSubgroup ?? string.Empty);
        row["offence_code"].Set(key.Scope.OffenceCode?.Value ?? string.Empty);
        row["measure"].Set(measure);
        row["basis"].Set(basis?.ToShortName() ?? string.Empty);
        row["outcome"].Set(outcome?.Code ?? string.Empty);
        row["count"].Set(count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        row["missing"].Set(missing?.ToString() ?? string.Empty);
    }
}
