using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// The range of values a hedged quantity allows (the tolerance rules of <see cref="ClaimCheck"/>), with its wording.
/// </summary>
internal readonly record struct ClaimTolerance(decimal? Low, bool LowInclusive, decimal? High, bool HighInclusive, string Rule)
{
    /// <summary>Slack for inclusive ends, so that a band edge such as 100/3 + 5 % of 100/3 (not exact in decimal) still includes 35.</summary>
    private const decimal Slack = 1e-18m;

    public bool Contains(decimal value)
        => (Low is not { } low || (LowInclusive ? value >= low - Slack : value > low))
           && (High is not { } high || (HighInclusive ? value <= high + Slack : value < high));

    /// <summary>
    /// The band for a stated value <paramref name="target"/> under <paramref name="qualifier"/>: a bare fraction
    /// word allows ±narrow; a bare number its rounding (±half a unit of the last digit written, upper end open);
    /// "about" ±wide; "nearly"/"just under" from target − wide up to the target (open); "just over" from the target
    /// (open) to target + wide; the comparisons are strict or inclusive as worded.
    /// </summary>
    public static ClaimTolerance For(ClaimQualifier qualifier, decimal target, decimal narrow, decimal wide, decimal? rounding, string unit, string narrowWhy, string wideWhy)
    {
        var reach = Math.Max(wide, rounding ?? 0);
        return qualifier switch
        {
            ClaimQualifier.None when rounding is { } half => new(target - half, true, target + half, false,
                $"a bare number must be the figure rounded to the precision written: {F(target - half)}{unit} up to (not including) {F(target + half)}{unit}"),
            ClaimQualifier.None => new(target - narrow, true, target + narrow, true,
                $"a bare fraction word allows \u00b1{F(narrow)}{UnitWord(unit)} ({narrowWhy}): {F(target - narrow)}{unit} to {F(target + narrow)}{unit}"),
            ClaimQualifier.About => new(target - reach, true, target + reach, true,
                $"'about' allows \u00b1{F(reach)}{UnitWord(unit)} ({wideWhy}): {F(target - reach)}{unit} to {F(target + reach)}{unit}"),
            ClaimQualifier.Nearly or ClaimQualifier.JustUnder => new(target - reach, true, target, false,
                $"'{(qualifier == ClaimQualifier.Nearly ? "nearly" : "just under")}' means below it by at most {F(reach)}{UnitWord(unit)} ({wideWhy}): {F(target - reach)}{unit} up to (not including) {F(target)}{unit}"),
            ClaimQualifier.JustOver => new(target, false, target + reach, true,
                $"'just over' means above it by at most {F(reach)}{UnitWord(unit)} ({wideWhy}): above {F(target)}{unit} up to {F(target + reach)}{unit}"),
            ClaimQualifier.MoreThan => new(target, false, null, false, $"'more than' means strictly above {F(target)}{unit}"),
            ClaimQualifier.LessThan => new(null, false, target, false, $"'less than' means strictly below {F(target)}{unit}"),
            ClaimQualifier.AtLeast => new(target, true, null, false, $"'at least' means {F(target)}{unit} or above"),
            ClaimQualifier.AtMost => new(null, false, target, true, $"'at most' means {F(target)}{unit} or below"),
            ClaimQualifier.Exactly => new(target, true, target, true, $"'exactly' means equal to {F(target)}{unit} as an exact fraction"),
            _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Not a claim qualifier."),
        };
    }

    private static string UnitWord(string unit) => unit == " %" ? " pp" : unit;

    internal static string F(decimal value)
        => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
