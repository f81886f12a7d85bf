namespace CrimeOutcomes.Statistics;

/// <summary>The vocabulary of worded claims and how a sentence is read with it.</summary>
internal static class ClaimGrammar
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> TensWords = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Fraction nouns, singular and plural, and their denominators.</summary>
    private static readonly Dictionary<string, (int Denominator, bool Plural)> FractionNouns = new(StringComparer.Ordinal)
    {
        ["half"] = (2, false), ["halves"] = (2, true), ["third"] = (3, false), ["thirds"] = (3, true),
        ["quarter"] = (4, false), ["quarters"] = (4, true), ["fifth"] = (5, false), ["fifths"] = (5, true),
        ["sixth"] = (6, false), ["sixths"] = (6, true), ["seventh"] = (7, false), ["sevenths"] = (7, true),
        ["eighth"] = (8, false), ["eighths"] = (8, true), ["ninth"] = (9, false), ["ninths"] = (9, true),
        ["tenth"] = (10, false), ["tenths"] = (10, true),
    };

    /// <summary>Hedges, longest first so that "just under" wins over "under".</summary>
    private static readonly (string[] Words, ClaimQualifier Qualifier)[] Qualifiers =
    [.. new (string Phrase, ClaimQualifier Qualifier)[]
        {
            ("just under", ClaimQualifier.JustUnder), ("just below", ClaimQualifier.JustUnder), ("slightly under", ClaimQualifier.JustUnder),
            ("slightly below", ClaimQualifier.JustUnder), ("slightly less than", ClaimQualifier.JustUnder), ("a little under", ClaimQualifier.JustUnder),
            ("a little less than", ClaimQualifier.JustUnder), ("just short of", ClaimQualifier.JustUnder), ("just less than", ClaimQualifier.JustUnder),
            ("just over", ClaimQualifier.JustOver), ("just above", ClaimQualifier.JustOver), ("slightly over", ClaimQualifier.JustOver),
            ("slightly above", ClaimQualifier.JustOver), ("slightly more than", ClaimQualifier.JustOver), ("a little over", ClaimQualifier.JustOver),
            ("a little more than", ClaimQualifier.JustOver), ("just more than", ClaimQualifier.JustOver),
            ("nearly", ClaimQualifier.Nearly), ("almost", ClaimQualifier.Nearly), ("close to", ClaimQualifier.Nearly),
            ("approaching", ClaimQualifier.Nearly), ("not quite", ClaimQualifier.Nearly),
            ("about", ClaimQualifier.About), ("around", ClaimQualifier.About), ("approximately", ClaimQualifier.About),
            ("roughly", ClaimQualifier.About), ("some", ClaimQualifier.About), ("circa", ClaimQualifier.About), ("an estimated", ClaimQualifier.About),
            ("more than", ClaimQualifier.MoreThan), ("over", ClaimQualifier.MoreThan), ("above", ClaimQualifier.MoreThan),
            ("in excess of", ClaimQualifier.MoreThan), ("upwards of", ClaimQualifier.MoreThan), ("greater than", ClaimQualifier.MoreThan),
            ("less than", ClaimQualifier.LessThan), ("under", ClaimQualifier.LessThan), ("below", ClaimQualifier.LessThan),
            ("fewer than", ClaimQualifier.LessThan), ("lower than", ClaimQualifier.LessThan),
            ("at least", ClaimQualifier.AtLeast), ("no less than", ClaimQualifier.AtLeast), ("no fewer than", ClaimQualifier.AtLeast),
            ("at most", ClaimQualifier.AtMost), ("no more than", ClaimQualifier.AtMost), ("up to", ClaimQualifier.AtMost),
            ("exactly", ClaimQualifier.Exactly), ("precisely", ClaimQualifier.Exactly),
        }
        .Select(q => (q.Phrase.Split(' '), q.Qualifier))
        .OrderByDescending(q => q.Item1.Length)];

    private static readonly (string[] Words, ChangeDirection Direction)[] Directions =
    [.. new (string Phrase, ChangeDirection Direction)[]
        {
            ("went up", ChangeDirection.Up), ("gone up", ChangeDirection.Up), ("go up", ChangeDirection.Up), ("going up", ChangeDirection.Up),
            ("went down", ChangeDirection.Down), ("gone down", ChangeDirection.Down), ("go down", ChangeDirection.Down), ("going down", ChangeDirection.Down),
            ("stayed the same", ChangeDirection.Unchanged), ("remained the same", ChangeDirection.Unchanged), ("no change", ChangeDirection.Unchanged),
            ("rose", ChangeDirection.Up), ("risen", ChangeDirection.Up), ("rise", ChangeDirection.Up), ("rises", ChangeDirection.Up), ("rising", ChangeDirection.Up),
            ("increased", ChangeDirection.Up), ("increase", ChangeDirection.Up), ("increases", ChangeDirection.Up), ("increasing", ChangeDirection.Up),
            ("grew", ChangeDirection.Up), ("grown", ChangeDirection.Up), ("climbed", ChangeDirection.Up), ("jumped", ChangeDirection.Up), ("soared", ChangeDirection.Up),
            ("fell", ChangeDirection.Down), ("fallen", ChangeDirection.Down), ("fall", ChangeDirection.Down), ("falls", ChangeDirection.Down), ("falling", ChangeDirection.Down),
            ("decreased", ChangeDirection.Down), ("decrease", ChangeDirection.Down), ("decreases", ChangeDirection.Down), ("decreasing", ChangeDirection.Down),
            ("dropped", ChangeDirection.Down), ("declined", ChangeDirection.Down), ("shrank", ChangeDirection.Down), ("shrunk", ChangeDirection.Down),
            ("unchanged", ChangeDirection.Unchanged), ("stable", ChangeDirection.Unchanged), ("flat", ChangeDirection.Unchanged),
        }
        .Select(d => (d.Phrase.Split(' '), d.Direction))
        .OrderByDescending(d => d.Item1.Length)];

    private static readonly Dictionary<string, decimal> Multiples = new(StringComparer.Ordinal)
    {
        ["doubled"] = 2m, ["trebled"] = 3m, ["tripled"] = 3m, ["quadrupled"] = 4m, ["halved"] = 0.5m,
    };

    public static WordedClaim? Read(string text, List<ClaimToken> tokens)
    {
        // 1. A multiple ("more than doubled").
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Multiples.TryGetValue(tokens[i].Word, out var factor))
            {
                var (qualifier, start) = QualifierBefore(tokens, i);
                return WordedClaim.Multiple(text, Slice(text, tokens, start, i + 1), qualifier, factor, tokens[i].Word);
            }
        }

        // 2. A direction, with or without "by <quantity>".
        for (var i = 0; i < tokens.Count; i++)
        {
            if (MatchPhrase(tokens, i, Directions) is not { } direction)
            {
                continue;
            }

            var afterDirection = i + direction.Length;
            for (var j = afterDirection; j < tokens.Count - 1; j++)
            {
                if (tokens[j].Is("by"))
                {
                    var (qualifier, qualifierStart) = QualifierAt(tokens, j + 1);
                    if (TryQuantity(tokens, qualifierStart, out var quantity, out var end))
                    {
                        return WordedClaim.ChangeBy(text, Slice(text, tokens, i, end), direction.Value, qualifier, quantity);
                    }
                }
            }

            return WordedClaim.Changed(text, Slice(text, tokens, i, afterDirection), direction.Value);
        }

        // 3. A proportion.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryQuantity(tokens, i, out var quantity, out var end) && !quantity.IsPoints)
            {
                var (qualifier, start) = QualifierBefore(tokens, i);
                return WordedClaim.Proportion(text, Slice(text, tokens, start, end), qualifier, quantity);
            }
        }

        return null;
    }

    /// <summary>The hedge that ends just before token <paramref name="index"/>, and where it starts.</summary>
    private static (ClaimQualifier Qualifier, int Start) QualifierBefore(List<ClaimToken> tokens, int index)
    {
        foreach (var (words, qualifier) in Qualifiers)
        {
            var start = index - words.Length;
            if (start >= 0 && Matches(tokens, start, words))
            {
                return (qualifier, start);
            }
        }

        return (ClaimQualifier.None, index);
    }

    /// <summary>The hedge that starts at token <paramref name="index"/>, and where the quantity after it starts.</summary>
    private static (ClaimQualifier Qualifier, int QuantityStart) QualifierAt(List<ClaimToken> tokens, int index)
    {
        foreach (var (words, qualifier) in Qualifiers)
        {
            if (Matches(tokens, index, words))
            {
                return (qualifier, index + words.Length);
            }
        }

        return (ClaimQualifier.None, index);
    }

    private static (int Length, ChangeDirection Value)? MatchPhrase(List<ClaimToken> tokens, int index, (string[] Words, ChangeDirection Direction)[] phrases)
    {
        foreach (var (words, direction) in phrases)
        {
            if (Matches(tokens, index, words))
            {
                return (words.Length, direction);
            }
        }

        return null;
    }

    private static bool Matches(List<ClaimToken> tokens, int index, string[] words)
    {
        if (index + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens[index + k].Is(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a quantity starting at <paramref name="index"/>: a per cent, percentage points, or a fraction.</summary>
    private static bool TryQuantity(List<ClaimToken> tokens, int index, out ClaimQuantity quantity, out int end)
    {
        quantity = default;
        end = index;
        if (index >= tokens.Count)
        {
            return false;
        }

        // "half" on its own, or "a half" / "one half".
        if (tokens[index].Is("half"))
        {
            quantity = new ClaimQuantity(1, 2, true, 0, false, "half");
            end = index + 1;
            return true;
        }

        // "a third", "a quarter", "an eighth".
        if ((tokens[index].Is("a") || tokens[index].Is("an")) && index + 1 < tokens.Count
            && FractionNouns.TryGetValue(tokens[index + 1].Word, out var single) && !single.Plural)
        {
            quantity = new ClaimQuantity(1, single.Denominator, true, 0, false, $"{tokens[index].Word} {tokens[index + 1].Word}");
            end = index + 2;
            return true;
        }

        if (!TryNumber(tokens, index, out var number, out var decimals, out var next))
        {
            return false;
        }

        var numberText = Words(tokens, index, next);
        if (next < tokens.Count && (tokens[next].Is("%") || (tokens[next].Is("per") && next + 1 < tokens.Count && tokens[next + 1].Is("cent")) || tokens[next].Is("percent")))
        {
            end = tokens[next].Is("per") ? next + 2 : next + 1;
            var scale = Pow10(decimals);
            quantity = new ClaimQuantity((long)(number * scale), 100 * scale, false, decimals, false, $"{numberText} per cent");
            return true;
        }

        if (next < tokens.Count && (tokens[next].Is("pp") || tokens[next].Is("points") || tokens[next].Is("point")
            || (tokens[next].Is("percentage") && next + 1 < tokens.Count && (tokens[next + 1].Is("points") || tokens[next + 1].Is("point")))))
        {
            end = tokens[next].Is("percentage") ? next + 2 : next + 1;
            var scale = Pow10(decimals);
            quantity = new ClaimQuantity((long)(number * scale), 100 * scale, false, decimals, true, $"{numberText} percentage points");
            return true;
        }

        if (decimals == 0 && next < tokens.Count && FractionNouns.TryGetValue(tokens[next].Word, out var fraction) && (fraction.Plural || number == 1))
        {
            end = next + 1;
            quantity = new ClaimQuantity((long)number, fraction.Denominator, true, 0, false, Words(tokens, index, end));
            return true;
        }

        // "one in seven", "3 out of 10".
        var of = next < tokens.Count && tokens[next].Is("in") ? next + 1
            : next + 1 < tokens.Count && tokens[next].Is("out") && tokens[next + 1].Is("of") ? next + 2 : -1;
        if (decimals == 0 && of > 0 && TryNumber(tokens, of, out var whole, out var wholeDecimals, out var afterWhole) && wholeDecimals == 0 && whole > 0 && number <= whole)
        {
            end = afterWhole;
            quantity = new ClaimQuantity((long)number, (long)whole, true, 0, false, Words(tokens, index, end));
            return true;
        }

        return false;
    }

    /// <summary>Reads a number in digits ("37.5") or words ("fifty", "forty five", "one hundred").</summary>
    private static bool TryNumber(List<ClaimToken> tokens, int index, out decimal number, out int decimals, out int next)
    {
        number = 0;
        decimals = 0;
        next = index;
        if (index >= tokens.Count)
        {
            return false;
        }

        var token = tokens[index];
        if (token.Number is { } value)
        {
            number = value;
            decimals = token.Decimals;
            next = index + 1;
            return true;
        }

        if (TensWords.TryGetValue(token.Word, out var tens))
        {
            number = tens;
            next = index + 1;
            if (next < tokens.Count && NumberWords.TryGetValue(tokens[next].Word, out var unit) && unit is > 0 and < 10)
            {
                number += unit;
                next++;
            }
        }
        else if (NumberWords.TryGetValue(token.Word, out var small))
        {
            number = small;
            next = index + 1;
        }
        else if (token.Is("a") && index + 1 < tokens.Count && tokens[index + 1].Is("hundred"))
        {
            number = 1;
            next = index + 1;
        }
        else
        {
            return false;
        }

        if (next < tokens.Count && tokens[next].Is("hundred"))
        {
            number *= 100;
            next++;
        }

        return true;
    }

    internal static long Pow10(int decimals)
    {
        long scale = 1;
        for (var k = 0; k < Math.Min(decimals, 12); k++)
        {
            scale *= 10;
        }

        return scale;
    }

    private static string Words(List<ClaimToken> tokens, int start, int end)
        => string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Word));

    private static string Slice(string text, List<ClaimToken> tokens, int start, int end)
        => text[tokens[start].Start..tokens[end - 1].End];
}
