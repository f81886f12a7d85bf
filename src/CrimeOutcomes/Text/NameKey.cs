using System.Text;

namespace CrimeOutcomes;

/// <summary>
/// Folds the spellings of names and labels seen in published tables onto one key: case, dashes, "&amp;" and
/// "and", runs of spaces, stray punctuation and note markers such as "[Note 6]".
/// </summary>
internal static class NameKey
{
    /// <summary>Normalises <paramref name="text"/> into a comparison key.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[')
            {
                // A note marker such as "[Note 6]" or "[x]": drop it whole.
                var close = text[i..].IndexOf(']');
                if (close > 0)
                {
                    i += close;
                    pendingSpace = builder.Length > 0;
                    continue;
                }
            }

            if (c == '&')
            {
                AppendWord(builder, "and", ref pendingSpace);
                pendingSpace = true;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
                continue;
            }

            // Spaces, dashes of every kind, commas, full stops, slashes, brackets and quotes all separate words.
            pendingSpace = builder.Length > 0;
        }

        return builder.ToString();
    }

    private static void AppendWord(StringBuilder builder, string word, ref bool pendingSpace)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(word);
        pendingSpace = false;
    }

    /// <summary>The Levenshtein distance between two keys, used to suggest the nearest known names.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The (at most) <paramref name="count"/> candidates nearest to <paramref name="key"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string key, IEnumerable<(string Key, string Display)> candidates, int count = 3)
        => candidates
            .Select(c => (c.Display, Score: Distance(key, c.Key) - (c.Key.Contains(key, StringComparison.Ordinal) || key.Contains(c.Key, StringComparison.Ordinal) ? 3 : 0)))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Display, StringComparer.Ordinal)
            .Select(c => c.Display)
            .Distinct(StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
