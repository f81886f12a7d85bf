using System.Globalization;
using CrimeOutcomes.Statistics;

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

    /// <summary>The confidence interval of each ratio that is a proportion, null for the others (undefined, or a numerator above the denominator).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1) or the method is not for a single proportion.</exception>
    public static Interval?[] Confidence(IReadOnlyList<Ratio> ratios, double level, IntervalMethod method)
    {
        ConfidenceLevels.Validate(level, nameof(level));
        if (method is not (IntervalMethod.Wilson or IntervalMethod.ClopperPearson))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a method for a single proportion: use Wilson or ClopperPearson.");
        }

        var result = new Interval?[ratios.Count];
        for (var i = 0; i < ratios.Count; i++)
        {
            var ratio = ratios[i];
            if (ratio.IsDefined && ratio.Numerator >= 0 && ratio.Numerator <= ratio.Denominator)
            {
                var interval = ratio.ConfidenceInterval(level, method);
                result[i] = new Interval(interval.Lower, interval.Upper);
            }
        }

        return result;
    }

    /// <summary>A chart's note on whiskers from <see cref="Confidence"/>: "Whiskers: 95 % Wilson score intervals, chance variation only."</summary>
    public static string ConfidenceNote(double level, IntervalMethod method, bool someMissing)
        => $"Whiskers: {ConfidenceLevels.Format(level)} {IntervalText.Method(method)}s{(someMissing ? " (none where a ratio is undefined or above 100 %)" : string.Empty)}, chance variation only.";

    /// <summary>"[47.2 %, 54.9 %]".</summary>
    public override string ToString() => $"[{Describe.Percent(Lower)}, {Describe.Percent(Upper)}]";
}
