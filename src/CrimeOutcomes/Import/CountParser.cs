using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>Reads whole counts as published: "1234", "-3", " 1,234 ", "12.0" (as spreadsheets export whole numbers).</summary>
internal static class CountParser
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        // Fast path for what the files almost always hold: up to 18 ASCII digits, optionally after a minus sign.
        var negative = text.Length > 1 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is > 0 and <= 18)
        {
            long result = 0;
            var i = 0;
            for (; i < digits.Length; i++)
            {
                var d = (uint)(digits[i] - '0');
                if (d > 9)
                {
                    break;
                }

                result = (result * 10) + d;
            }

            if (i == digits.Length)
            {
                value = negative ? -result : result;
                return true;
            }
        }

        return TryParseSlow(text, out value);
    }

    private static bool TryParseSlow(ReadOnlySpan<char> text, out long value)
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

        // Typed by hand: spaces (or no-break spaces) between digit groups, "5 523".
        if (s.ContainsAny(' ', '\u00A0'))
        {
            Span<char> packed = stackalloc char[Math.Min(s.Length, 64)];
            var length = 0;
            foreach (var c in s)
            {
                if (c is not (' ' or '\u00A0'))
                {
                    if (length == packed.Length)
                    {
                        return false;
                    }

                    packed[length++] = c;
                }
            }

            return TryParse(packed[..length], out value);
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
