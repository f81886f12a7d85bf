using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// Confidence intervals for a proportion x / n: the Wilson score interval (default) and the Clopper–Pearson exact
/// interval, at any confidence level. Both are exact at the edges: 0 / n has lower bound 0, n / n upper bound 1.
/// </summary>
/// <remarks>
/// The counts are treated as one binomial draw: n independent crimes each with the same chance of the outcome.
/// Counts of crimes from one force in one year are better described as overdispersed (see docs/statistics.md), so
/// these intervals measure chance variation only, a lower bound on the real uncertainty.
/// </remarks>
public static class ProportionInterval
{
    /// <summary>The interval for a ratio's proportion.</summary>
    /// <param name="ratio">The ratio; defined (non-zero denominator) with 0 ≤ numerator ≤ denominator.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="InvalidOperationException">The ratio is undefined (zero denominator): it has no interval.</exception>
    /// <exception cref="ArgumentException">The ratio is not a proportion (numerator negative or above the denominator).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1) or the method is not for a single proportion.</exception>
    public static ConfidenceInterval Compute(Ratio ratio, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        RequireProportion(ratio, nameof(ratio));
        return Compute(ratio.Numerator, ratio.Denominator, level, method);
    }

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">The count with the characteristic, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The count of cases, at least 1.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, the level or the method is out of range; the message names the value.</exception>
    public static ConfidenceInterval Compute(long successes, long trials, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        RequireCounts(successes, trials);
        ConfidenceLevels.Validate(level, nameof(level));
        return method switch
        {
            IntervalMethod.Wilson => Wilson(successes, trials, level),
            IntervalMethod.ClopperPearson => ClopperPearson(successes, trials, level),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a method for a single proportion: use Wilson or ClopperPearson."),
        };
    }

    /// <summary>The Wilson score interval: (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n).</summary>
    internal static ConfidenceInterval Wilson(long successes, long trials, double level)
    {
        var (lower, upper) = WilsonBounds(successes, trials, NormalDistribution.TwoSidedCritical(level));
        return new ConfidenceInterval(lower, upper, level, IntervalMethod.Wilson);
    }

    /// <summary>The Wilson bounds for a given critical value z, exact 0 at x = 0 and exact 1 at x = n.</summary>
    internal static (double Lower, double Upper) WilsonBounds(long successes, long trials, double z)
    {
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var scale = 1 + (z2 / n);
        var lower = successes == 0 ? 0 : Math.Max(0, (centre - spread) / scale);
        var upper = successes == trials ? 1 : Math.Min(1, (centre + spread) / scale);
        return (lower, upper);
    }

    /// <summary>
    /// The Clopper–Pearson interval: lower = B⁻¹(α/2; x, n − x + 1) and upper = B⁻¹(1 − α/2; x + 1, n − x),
    /// the beta quantiles equivalent to the binomial tail conditions; 0 at x = 0 and 1 at x = n.
    /// </summary>
    internal static ConfidenceInterval ClopperPearson(long successes, long trials, double level)
    {
        var alpha = 1 - level;
        double x = successes;
        double n = trials;
        var lower = successes == 0 ? 0 : SpecialFunctions.InverseRegularizedBeta(alpha / 2, x, n - x + 1);
        var upper = successes == trials ? 1 : SpecialFunctions.InverseRegularizedBeta(1 - (alpha / 2), x + 1, n - x);
        return new ConfidenceInterval(lower, upper, level, IntervalMethod.ClopperPearson);
    }

    internal static void RequireCounts(long successes, long trials)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "A proportion needs at least one case: with zero cases it is undefined and has no interval.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successes), successes, string.Create(CultureInfo.InvariantCulture, $"The count {successes:N0} must lie between 0 and the {trials:N0} cases for a proportion."));
        }
    }

    internal static void RequireProportion(Ratio ratio, string parameterName)
    {
        if (!ratio.IsDefined)
        {
            throw new InvalidOperationException(
                $"The ratio {ratio.Format()} ({ratio.NumeratorLabel} over {ratio.DenominatorLabel}{KeyText(ratio)}) is undefined: with a zero denominator it has no interval.");
        }

        if (ratio.Numerator < 0 || ratio.Numerator > ratio.Denominator)
        {
            throw new ArgumentException(
                $"The ratio {ratio.Format()} ({ratio.NumeratorLabel} over {ratio.DenominatorLabel}{KeyText(ratio)}) is not a proportion: its numerator must lie between 0 and its denominator (outcomes on the assigned-in-period basis can exceed the crimes recorded).",
                parameterName);
        }
    }

    private static string KeyText(Ratio ratio) => ratio.Key is { } key ? $", {key}" : string.Empty;
}
