using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// A confidence interval for a proportion (or a difference of proportions): its bounds as decimal fractions
/// (0.501 for 50.1 %), the confidence level and how it was computed.
/// </summary>
public readonly record struct ConfidenceInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound, as a fraction; finite.</param>
    /// <param name="upper">The upper bound, as a fraction; finite and not below <paramref name="lower"/>.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1 (0.95 for 95 %).</param>
    /// <param name="method">How the interval was computed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, the bounds are reversed, or the level is not in (0, 1).</exception>
    public ConfidenceInterval(double lower, double upper, double level, IntervalMethod method)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || upper < lower)
        {
            throw new ArgumentOutOfRangeException(
                nameof(upper), upper, string.Create(CultureInfo.InvariantCulture, $"An interval needs finite bounds with lower ≤ upper; got {lower} to {upper}."));
        }

        ConfidenceLevels.Validate(level, nameof(level));
        Lower = lower;
        Upper = upper;
        Level = level;
        Method = method;
    }

    /// <summary>The lower bound, as a fraction.</summary>
    public double Lower { get; }

    /// <summary>The upper bound, as a fraction.</summary>
    public double Upper { get; }

    /// <summary>The confidence level (0.95 for 95 %).</summary>
    public double Level { get; }

    /// <summary>How the interval was computed.</summary>
    public IntervalMethod Method { get; }

    /// <summary>The width of the interval, Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the interval (bounds included).</summary>
    /// <param name="value">A fraction.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The interval in per cent: "95 % CI 50.1 % to 51.9 % (Wilson)".</summary>
    /// <param name="decimals">Decimal places of the percentages, 0 to 10.</param>
    public string Format(int decimals = 1) => $"{ConfidenceLevels.Format(Level)} CI {FormatBounds(decimals)} ({MethodName(Method)})";

    /// <summary>The bounds as signed percentage points, for a difference: "95 % CI +3.4 to +6.2 pp (Newcombe hybrid score)".</summary>
    /// <param name="decimals">Decimal places, 0 to 10.</param>
    public string FormatPoints(int decimals = 1) => $"{ConfidenceLevels.Format(Level)} CI {FormatPointBounds(decimals)} ({MethodName(Method)})";

    /// <summary>The interval in per cent to one decimal place.</summary>
    public override string ToString() => Format();

    /// <summary>The bounds alone in per cent: "50.1 % to 51.9 %".</summary>
    internal string FormatBounds(int decimals = 1)
    {
        var format = NumberFormat(decimals, signed: false);
        return $"{(Lower * 100).ToString(format, CultureInfo.InvariantCulture)} % to {(Upper * 100).ToString(format, CultureInfo.InvariantCulture)} %";
    }

    /// <summary>The bounds alone as signed percentage points: "+3.4 to +6.2 pp".</summary>
    internal string FormatPointBounds(int decimals = 1)
    {
        var format = NumberFormat(decimals, signed: true);
        return $"{(Lower * 100).ToString(format, CultureInfo.InvariantCulture)} to {(Upper * 100).ToString(format, CultureInfo.InvariantCulture)} pp";
    }

    /// <summary>"95 % CI".</summary>
    internal string LevelText => ConfidenceLevels.Format(Level) + " CI";

    internal static string MethodName(IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => "Wilson",
        IntervalMethod.ClopperPearson => "Clopper-Pearson",
        IntervalMethod.NewcombeHybridScore => "Newcombe hybrid score",
        _ => method.ToString(),
    };

    private static string NumberFormat(int decimals, bool signed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        var body = decimals == 0 ? "0" : "0." + new string('0', decimals);
        return signed ? $"+{body};-{body};{body}" : body;
    }
}
