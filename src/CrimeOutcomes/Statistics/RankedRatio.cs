using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>One entry of a <see cref="ProportionRanking"/>: a ratio, its rank (ties share the best rank), its interval and its plausible ranks.</summary>
public sealed class RankedRatio
{
    internal RankedRatio(Ratio ratio, ConfidenceInterval interval)
    {
        Ratio = ratio;
        Interval = interval;
    }

    /// <summary>The ratio.</summary>
    public Ratio Ratio { get; }

    /// <summary>The area the ratio is for, when it was calculated from a dataset.</summary>
    public Area? Area => Ratio.Key?.Area;

    /// <summary>The rank, from 1; equal proportions share the best rank of their group ("1, 2, 2, 4").</summary>
    public int Rank { get; internal set; }

    /// <summary>Whether another entry has exactly the same proportion.</summary>
    public bool IsTied { get; internal set; }

    /// <summary>The confidence interval of the proportion.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The best rank the entry could plausibly take: 1 + the entries whose whole interval lies on the better side of its interval.</summary>
    public int BestPlausibleRank { get; internal set; }

    /// <summary>The worst rank the entry could plausibly take: the count of entries less those whose whole interval lies on the worse side of its interval.</summary>
    public int WorstPlausibleRank { get; internal set; }

    /// <summary>"3= West Mercia 51.0 % (95 % CI 50.1 % to 51.9 % (Wilson)), plausible ranks 2–5".</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{Rank}{(IsTied ? "=" : string.Empty)} {Area?.Name ?? Ratio.NumeratorLabel} {Ratio.FormatPercent()} ({Interval}), plausible ranks {BestPlausibleRank}\u2013{WorstPlausibleRank}");
}
