using CrimeOutcomes.Statistics;

namespace CrimeOutcomes;

/// <summary>How a <see cref="RatioSeries"/> is computed: the confidence level and method of its intervals and the known issues it warns of.</summary>
public sealed record RatioSeriesOptions
{
    /// <summary>The options by default: 95 % Wilson intervals, <see cref="KnownDataIssues.Default"/>.</summary>
    public static RatioSeriesOptions Default { get; } = new();

    /// <summary>The confidence level of each period's interval and of each change's, strictly between 0 and 1.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>How each period's interval is computed.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.Wilson;

    /// <summary>The known issues to warn of.</summary>
    public KnownDataIssues Issues { get; init; } = KnownDataIssues.Default;
}
