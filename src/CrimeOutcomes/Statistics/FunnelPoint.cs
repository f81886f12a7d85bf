namespace CrimeOutcomes.Statistics;

/// <summary>One unit (usually a force) on a funnel plot: its ratio, the limits at its denominator, and its classification.</summary>
public sealed class FunnelPoint
{
    internal FunnelPoint(Ratio ratio, double proportion, FunnelLimits limits, double zScore)
    {
        Ratio = ratio;
        Proportion = proportion;
        Limits = limits;
        ZScore = zScore;
        Classification = limits.Classify(proportion);
    }

    /// <summary>The unit's ratio.</summary>
    public Ratio Ratio { get; }

    /// <summary>The area the ratio is for, when it was calculated from a dataset.</summary>
    public Area? Area => Ratio.Key?.Area;

    /// <summary>The unit's proportion, as a fraction (the funnel's y coordinate; its x is the denominator).</summary>
    public double Proportion { get; }

    /// <summary>The control limits at the unit's denominator.</summary>
    public FunnelLimits Limits { get; }

    /// <summary>Where the proportion lies against the limits.</summary>
    public FunnelClassification Classification { get; }

    /// <summary>The standardised difference from the target, (y − θ₀) / √(θ₀(1 − θ₀) / n), used for the dispersion check.</summary>
    public double ZScore { get; }

    /// <summary>"West Mercia: 5,523 / 10,829 = 51.0 % (Above998)".</summary>
    public override string ToString() => $"{Area?.Name ?? Ratio.NumeratorLabel}: {Ratio} ({Classification})";
}
