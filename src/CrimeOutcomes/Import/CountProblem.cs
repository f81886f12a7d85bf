namespace CrimeOutcomes.Import;

/// <summary>Why a count field could not be read, for the rejection message: empty, beyond a 64-bit count, or not a number.</summary>
internal static class CountProblem
{
    private static readonly System.Buffers.SearchValues<char> Numeral = System.Buffers.SearchValues.Create("0123456789, \u00A0");

    public static string Of(string text)
    {
        if (text.Length == 0)
        {
            return "the count is empty.";
        }

        var quoted = text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
        var digits = text.AsSpan().TrimStart('-');
        return digits.Length > 0 && digits.IndexOfAnyExcept(Numeral) < 0 && char.IsAsciiDigit(digits[0])
            ? $"'{quoted}' is beyond the range of a 64-bit count (−9,223,372,036,854,775,808 to 9,223,372,036,854,775,807)."
            : $"'{quoted}' is not a whole number.";
    }
}
