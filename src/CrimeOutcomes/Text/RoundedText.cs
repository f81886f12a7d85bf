using System.Globalization;

namespace CrimeOutcomes;

/// <summary>The one place where exact values are rounded for display (half away from zero, invariant culture).</summary>
internal static class RoundedText
{
    /// <summary>A signed value rounded to <paramref name="decimals"/> places: "+4.8", "-175.0", "0.0".</summary>
    public static string Signed(decimal value, int decimals = 1)
    {
        var digits = decimals == 0 ? "0" : "0." + new string('0', decimals);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString($"+{digits};-{digits};{digits}", CultureInfo.InvariantCulture);
    }
}
