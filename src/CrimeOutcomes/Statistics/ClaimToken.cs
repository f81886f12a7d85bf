namespace CrimeOutcomes.Statistics;

/// <summary>A word or number of a claim, with where it stands in the text.</summary>
internal readonly record struct ClaimToken(string Word, int Start, int End, decimal? Number, int Decimals)
{
    public bool Is(string word) => string.Equals(Word, word, StringComparison.Ordinal);

    /// <summary>Splits text into lower-case words (hyphens split words), numbers ("1,000", "37.5") and "%".</summary>
    public static List<ClaimToken> Split(string text)
    {
        var tokens = new List<ClaimToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var start = i;
                var decimals = -1;
                while (i < text.Length && (char.IsDigit(text[i]) || ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    if (text[i] == '.')
                    {
                        decimals = 0;
                    }
                    else if (decimals >= 0 && char.IsDigit(text[i]))
                    {
                        decimals++;
                    }

                    i++;
                }

                var digits = text[start..i].Replace(",", string.Empty, StringComparison.Ordinal);
                var value = decimal.Parse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);
                tokens.Add(new ClaimToken(digits, start, i, value, Math.Max(0, decimals)));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
                {
                    i++;
                }

                tokens.Add(new ClaimToken(text[start..i].ToLowerInvariant(), start, i, null, 0));
            }
            else
            {
                if (c == '%')
                {
                    tokens.Add(new ClaimToken("%", i, i + 1, null, 0));
                }

                i++;
            }
        }

        return tokens;
    }
}
