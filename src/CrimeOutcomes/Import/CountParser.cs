using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>Reads whole counts as published: "1234", "-3", " 1,234 ", "12.0" (as spreadsheets export whole numbers).</summary>
internal static class CountParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (long.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // A whole number written with a decimal part of zeros ("12.0", "12.00"), as spreadsheet exports do.
        var point = s.IndexOf('.');
        if (point > 0 && s[(point + 1)..].TrimEnd('0').IsEmpty)
        {
            return long.TryParse(s[..point], NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
        }

        return false;
    }
}
