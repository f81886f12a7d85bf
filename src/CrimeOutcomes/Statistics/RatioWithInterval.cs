using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// A ratio together with the confidence interval of its proportion, so that the two travel (and render) as one:
/// <c>ratio.WithConfidenceInterval()</c>, or <c>ratios.WithConfidenceIntervals()</c> for a list.
/// </summary>
public sealed class RatioWithInterval
{
    internal RatioWithInterval(Ratio ratio, ConfidenceInterval interval)
    {
        Ratio = ratio;
        Interval = interval;
    }

    /// <summary>The ratio, with its exact counts.</summary>
    public Ratio Ratio { get; }

    /// <summary>The confidence interval of the ratio's proportion.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>"5,523 / 10,829 = 51.0 %, 95 % CI 50.1 % to 51.9 % (Wilson)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ratio}, {Interval}");
}
