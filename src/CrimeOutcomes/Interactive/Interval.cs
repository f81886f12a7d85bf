using System.Globalization;

namespace CrimeOutcomes.Interactive;

/// <summary>An interval around a ratio, as fractions (0.51 for 51 %), drawn as a whisker.</summary>
internal readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Checks an interval supplied for <paramref name="ratio"/>.</summary>
    /// <exception cref="ArgumentException">A bound is not finite, or the lower bound exceeds the upper.</exception>
    public static Interval Of(double lower, double upper, Ratio ratio)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The interval [{lower}, {upper}] for {Describe.Subject(ratio)} is not an interval: both bounds must be finite numbers with lower ≤ upper."));
        }

        return new Interval(lower, upper);
    }

    /// <summary>The intervals <paramref name="interval"/> gives for each ratio, null where it gives none.</summary>
    public static Interval?[] ForEach(IReadOnlyList<Ratio> ratios, Func<Ratio, (double Lower, double Upper)?> interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var result = new Interval?[ratios.Count];
        for (var i = 0; i < ratios.Count; i++)
        {
            result[i] = interval(ratios[i]) is { } bounds ? Of(bounds.Lower, bounds.Upper, ratios[i]) : null;
        }

        return result;
    }

    /// <summary>"[47.2 %, 54.9 %]".</summary>
    public override string ToString() => $"[{Describe.Percent(Lower)}, {Describe.Percent(Upper)}]";
}
