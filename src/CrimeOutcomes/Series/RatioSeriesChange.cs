using CrimeOutcomes.Statistics;

namespace CrimeOutcomes;

/// <summary>
/// The change of a series between two of its periods: the <see cref="ProportionComparison"/> of the two ratios
/// (a difference with its interval and test, or why they are not comparable), or, when either period has no
/// ratio, why there is no comparison.
/// </summary>
/// <param name="From">The earlier period.</param>
/// <param name="To">The later period.</param>
public sealed record RatioSeriesChange(RatioSeriesPoint From, RatioSeriesPoint To)
{
    /// <summary>The comparison of the two ratios, or null when either period has none (see <see cref="Absence"/>).</summary>
    public ProportionComparison? Comparison { get; init; }

    /// <summary>The difference in percentage points with its interval, when the ratios are comparable; otherwise null.</summary>
    public ProportionDifference? Difference => Comparison as ProportionDifference;

    /// <summary>Why there is no comparison ("2014/15 has no ratio: …"); null when there is one.</summary>
    public string? Absence { get; init; }

    /// <summary>"2016/17 → 2017/18: +1.2 pp (…)", or why there is no change to give.</summary>
    public override string ToString()
        => $"{From.Period} → {To.Period}: {(Comparison is { } comparison ? comparison.ToString() : Absence)}";
}
