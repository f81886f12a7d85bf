using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// The difference between two comparable proportions, To − From: in percentage points with its confidence
/// interval (Newcombe's hybrid score interval, method 10 of Newcombe 1998), the two-proportion z statistic with its
/// two-sided p-value (pooled standard error, no continuity correction: R's <c>prop.test(correct = FALSE)</c>, whose
/// X-squared is z²), and the relative change.
/// </summary>
public sealed class ProportionDifference : ProportionComparison
{
    private ProportionDifference(Ratio from, Ratio to, double difference, ConfidenceInterval interval, double z, double pValue)
        : base(from, to)
    {
        Change = new RatioChange(from, to);
        Difference = difference;
        Interval = interval;
        ZStatistic = z;
        PValue = pValue;
    }

    /// <inheritdoc/>
    public override bool IsComparable => true;

    /// <summary>The change as the foundation computes it, with exact percentage points and relative change.</summary>
    public RatioChange Change { get; }

    /// <summary>The difference To − From as a fraction (0.048 for +4.8 pp).</summary>
    public double Difference { get; }

    /// <summary>The exact difference in percentage points (To % − From %).</summary>
    public decimal PercentagePoints => Change.PercentagePoints!.Value;

    /// <summary>The relative change To / From − 1 (0.104 for +10.4 %); null when From is zero.</summary>
    public decimal? RelativeChange => Change.Relative;

    /// <summary>The confidence interval of <see cref="Difference"/> (fractions; Newcombe hybrid score).</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>The z statistic (To − From) / √(p̄ (1 − p̄) (1/n₁ + 1/n₂)) with the pooled proportion p̄; 0 when p̄ is 0 or 1.</summary>
    public double ZStatistic { get; }

    /// <summary>The two-sided p-value of the z-test, 2 (1 − Φ(|z|)); 1 when p̄ is 0 or 1. May underflow to 0 for very large |z|.</summary>
    public double PValue { get; }

    /// <summary>Whether the p-value is below 1 − <paramref name="level"/> (a significant difference at that level).</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1 (0.95: p &lt; 0.05).</param>
    public bool IsSignificantAt(double level)
    {
        ConfidenceLevels.Validate(level, nameof(level));
        return PValue < 1 - level;
    }

    /// <summary>"+4.8 pp (46.2 % → 51.0 %), 95 % CI +3.4 to +6.2 pp (Newcombe hybrid score), z = 6.71, p &lt; 0.001, relative +10.4 %".</summary>
    public override string ToString()
    {
        var relative = RelativeChange is { } r
            ? $", relative {RoundedText.Signed(r * 100m)} %"
            : ", relative change undefined (from zero)";
        return string.Create(CultureInfo.InvariantCulture, $"{Change}, {Interval.FormatPoints()}, z = {ZStatistic:0.00}, {FormatPValue(PValue)}{relative}");
    }

    /// <summary>"p = 0.032", "p = 0.0004" or "p &lt; 0.0001".</summary>
    internal static string FormatPValue(double p) => p switch
    {
        < 0.0001 => "p < 0.0001",
        < 0.001 => string.Create(CultureInfo.InvariantCulture, $"p = {p:0.0000}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"p = {p:0.000}"),
    };

    internal static ProportionDifference Calculate(Ratio from, Ratio to, double level)
    {
        long x1 = from.Numerator, n1 = from.Denominator, x2 = to.Numerator, n2 = to.Denominator;
        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var difference = p2 - p1;

        var z = NormalDistribution.TwoSidedCritical(level);
        var (l1, u1) = ProportionInterval.WilsonBounds(x1, n1, z);
        var (l2, u2) = ProportionInterval.WilsonBounds(x2, n2, z);
        var lower = difference - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1)));
        var upper = difference + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1)));
        var interval = new ConfidenceInterval(Math.Max(-1, lower), Math.Min(1, upper), level, IntervalMethod.NewcombeHybridScore);

        var pooled = (double)checked(x1 + x2) / checked(n1 + n2);
        var variance = pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2));
        var statistic = variance > 0 ? difference / Math.Sqrt(variance) : 0;
        var pValue = variance > 0 ? NormalDistribution.TwoSidedPValue(statistic) : 1;
        return new ProportionDifference(from, to, difference, interval, statistic, pValue);
    }
}
