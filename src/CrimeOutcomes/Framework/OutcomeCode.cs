using System.Globalization;

namespace CrimeOutcomes;

/// <summary>Reads and writes the bare form of an outcome code: a number with an optional letter ("16", "1A").</summary>
internal static class OutcomeCode
{
    private static readonly string[] Prefixes = ["outcome type", "outcome", "type", "oc", "o"];

    /// <summary>Reads "16", "1a", "Outcome 16", "OC16", "Outcome type 16", "16.0" (as spreadsheets write numbers).</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out int number, out char? suffix)
    {
        number = 0;
        suffix = null;
        var s = text.Trim();
        foreach (var prefix in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && s.Length > prefix.Length)
            {
                var rest = s[prefix.Length..].TrimStart();
                if (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
                {
                    s = rest;
                    break;
                }
            }
        }

        if (s.EndsWith(".0", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        if (s.Length > 0 && char.IsAsciiLetter(s[^1]))
        {
            suffix = char.ToUpperInvariant(s[^1]);
            s = s[..^1];
        }

        return s.Length is 1 or 2
            && char.IsAsciiDigit(s[0]) && (s.Length == 1 || char.IsAsciiDigit(s[1]))
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static string Format(int number, char? suffix)
        => suffix is null ? number.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{number}{suffix}");
}
