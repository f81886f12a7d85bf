namespace CrimeOutcomes.Statistics;

/// <summary>Statistics read off a <see cref="Ratio"/>: <c>ratio.ConfidenceInterval()</c>.</summary>
public static class RatioStatisticsExtensions
{
    /// <summary>The confidence interval of the ratio's proportion; see <see cref="ProportionInterval.Compute(Ratio, double, IntervalMethod)"/>.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="InvalidOperationException">The ratio is undefined (zero denominator).</exception>
    /// <exception cref="ArgumentException">The ratio is not a proportion.</exception>
    public static ConfidenceInterval ConfidenceInterval(this Ratio ratio, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
        => ProportionInterval.Compute(ratio, level, method);

    /// <summary>The ratio together with its confidence interval, to show or pass on as one value.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="InvalidOperationException">The ratio is undefined (zero denominator).</exception>
    /// <exception cref="ArgumentException">The ratio is not a proportion.</exception>
    public static RatioWithInterval WithConfidenceInterval(this Ratio ratio, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
        => new(ratio, ProportionInterval.Compute(ratio, level, method));

    /// <summary>Each ratio together with its confidence interval, in the order given.</summary>
    /// <param name="ratios">The ratios; each defined and a proportion.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <exception cref="InvalidOperationException">A ratio is undefined (zero denominator); the message names it.</exception>
    /// <exception cref="ArgumentException">A ratio is not a proportion; the message names it.</exception>
    public static IReadOnlyList<RatioWithInterval> WithConfidenceIntervals(this IEnumerable<Ratio> ratios, double level = 0.95, IntervalMethod method = IntervalMethod.Wilson)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        ConfidenceLevels.Validate(level, nameof(level));
        return ratios.Select(ratio => ratio.WithConfidenceInterval(level, method)).ToArray();
    }
}
