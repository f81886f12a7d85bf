using System.Globalization;
using System.Text;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes;

/// <summary>
/// A ratio over a run of periods as one value: one area, scope and basis, each period's ratio with its interval and
/// coverage (or why it has none), the change from each period to the next as a <see cref="ProportionComparison"/>,
/// the framework's validity per period and the known issues of the data it meets. Made by
/// <see cref="OutcomeRatioCalculator.Series(OutcomeDataset, RatioDefinition, Area, IEnumerable{ReportingPeriod}, CrimeScope, CountBasis?, RatioSeriesOptions?)"/>.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed class RatioSeries
{
    private readonly RatioSeriesOptions _options;

    internal RatioSeries(RatioDefinition definition, Area area, CrimeScope scope, CountBasis? basis, IReadOnlyList<RatioSeriesPoint> points, RatioSeriesOptions options)
    {
        Definition = definition;
        Area = area;
        Scope = scope;
        Basis = basis;
        Points = points;
        _options = options;
        Changes = [.. points.Zip(points.Skip(1), (from, to) => Compare(from, to, options.Level))];
    }

    /// <summary>What is divided.</summary>
    public RatioDefinition Definition { get; }

    /// <summary>The area.</summary>
    public Area Area { get; }

    /// <summary>Which crimes.</summary>
    public CrimeScope Scope { get; }

    /// <summary>The count basis of the ratios (as asked, or the only one the dataset has); null when no period has a ratio.</summary>
    public CountBasis? Basis { get; }

    /// <summary>The periods, oldest first, each with its ratio or why it has none.</summary>
    public IReadOnlyList<RatioSeriesPoint> Points { get; }

    /// <summary>The change from each period to the next (one fewer than <see cref="Points"/>).</summary>
    public IReadOnlyList<RatioSeriesChange> Changes { get; }

    /// <summary>The periods, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> Periods => [.. Points.Select(p => p.Period)];

    /// <summary>Every known-issue warning of every period, in period order.</summary>
    public IReadOnlyList<DataWarning> Warnings => [.. Points.SelectMany(p => p.Warnings)];

    /// <summary>The framework changes that took effect within the series' periods, oldest first.</summary>
    public IReadOnlyList<FrameworkChange> FrameworkChanges => [.. Points.SelectMany(p => p.FrameworkChanges).Distinct()];

    /// <summary>The point of <paramref name="period"/>.</summary>
    /// <param name="period">A period of the series.</param>
    /// <exception cref="KeyNotFoundException">The series has no such period; the message names its first and last.</exception>
    public RatioSeriesPoint this[ReportingPeriod period]
        => Points.FirstOrDefault(p => p.Period == period)
           ?? throw new KeyNotFoundException($"The series of {Definition.Name} for {Area.Name} has no period {period}; it runs from {Points[0].Period} to {Points[^1].Period}.");

    /// <summary>The change between any two periods of the series (the first and the last, say), compared as proportions at the series' confidence level.</summary>
    /// <param name="from">The earlier period.</param>
    /// <param name="to">The later period.</param>
    /// <exception cref="KeyNotFoundException">The series lacks either period.</exception>
    public RatioSeriesChange Change(ReportingPeriod from, ReportingPeriod to) => Compare(this[from], this[to], _options.Level);

    /// <summary>The first period with a defined ratio compared with the last one, or null when fewer than two periods have one.</summary>
    public RatioSeriesChange? Overall
    {
        get
        {
            var defined = Points.Where(p => p.HasValue).ToArray();
            return defined.Length >= 2 ? Compare(defined[0], defined[^1], _options.Level) : null;
        }
    }

    private static RatioSeriesChange Compare(RatioSeriesPoint from, RatioSeriesPoint to, double level)
    {
        if (from.Ratio is { } earlier && to.Ratio is { } later)
        {
            return new RatioSeriesChange(from, to) { Comparison = ProportionComparison.Compare(earlier, later, level) };
        }

        var lacking = from.Ratio is null ? from : to;
        return new RatioSeriesChange(from, to) { Absence = $"{lacking.Period} has no ratio: {lacking.Absence}" };
    }

    /// <summary>One line per period, then the warnings: "West Mercia, outcome 16 … (recorded basis)" / "2017/18: 19,379 / 84,350 = 23.0 %".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Area.Name}, {Definition.Name}, {Scope}{(Basis is { } basis ? $" ({basis.ToDisplayName()})" : string.Empty)}");
        foreach (var point in Points)
        {
            text.AppendLine().Append("  ").Append(point);
        }

        foreach (var warning in Warnings)
        {
            text.AppendLine().Append("  warning: ").Append(warning.Message);
        }

        return text.ToString();
    }
}
