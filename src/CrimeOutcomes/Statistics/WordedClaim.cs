using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CrimeOutcomes.Statistics;

/// <summary>
/// A worded claim about a figure, parsed into its quantity and hedge: "just under 50 per cent" is a
/// <see cref="ClaimKind.Proportion"/> of 50 % with <see cref="ClaimQualifier.JustUnder"/>. The claim may be a whole
/// sentence; the first quantity phrase in it is used. The vocabulary is documented in docs/statistics.md.
/// </summary>
public sealed class WordedClaim
{
    private WordedClaim(string text, string phrase, ClaimKind kind, ClaimQualifier qualifier)
    {
        Text = text;
        Phrase = phrase;
        Kind = kind;
        Qualifier = qualifier;
    }

    /// <summary>The claim as given.</summary>
    public string Text { get; }

    /// <summary>The words the quantity was read from, as written: "just under 50 per cent", "a third", "more than doubled".</summary>
    public string Phrase { get; }

    /// <summary>What the claim says.</summary>
    public ClaimKind Kind { get; }

    /// <summary>The hedge before the quantity.</summary>
    public ClaimQualifier Qualifier { get; }

    /// <summary>The stated direction, for change claims.</summary>
    public ChangeDirection? Direction { get; private init; }

    /// <summary>
    /// The stated quantity in per cent (33.33… for "a third", 50 for "50 per cent"), or for
    /// <see cref="ClaimKind.ChangeBy"/> the stated change (in per cent, or in percentage points when
    /// <see cref="InPercentagePoints"/>); null for direction and multiple claims.
    /// </summary>
    public decimal? Percent => TargetDenominator == 0 ? null : TargetNumerator * 100m / TargetDenominator;

    /// <summary>Whether the quantity is a fraction word ("a third", "one in seven") rather than a number ("33 per cent").</summary>
    public bool IsFractionWord { get; private init; }

    /// <summary>For a number, how many decimal places were written (0 for "50 per cent", 1 for "37.5 %").</summary>
    public int Decimals { get; private init; }

    /// <summary>Whether a <see cref="ClaimKind.ChangeBy"/> claim is in percentage points rather than per cent.</summary>
    public bool InPercentagePoints { get; private init; }

    /// <summary>The stated multiple for <see cref="ClaimKind.Multiple"/> claims: 2 for "doubled", 0.5 for "halved".</summary>
    public decimal? Factor { get; private init; }

    /// <summary>The stated fraction's numerator (1 for "a third", 50 for "50 per cent" over 100).</summary>
    internal long TargetNumerator { get; private init; }

    /// <summary>The stated fraction's denominator (3 for "a third"); 0 when the claim states no quantity.</summary>
    internal long TargetDenominator { get; private init; }

    /// <summary>The quantity in words and figures: "a third (33.3 %)", "50 per cent", "doubled (× 2)".</summary>
    public string QuantityText => Kind switch
    {
        ClaimKind.Proportion or ClaimKind.ChangeBy when IsFractionWord
            => string.Create(CultureInfo.InvariantCulture, $"{QuantityWords} ({Math.Round(Percent!.Value, 1, MidpointRounding.AwayFromZero):0.0} %)"),
        ClaimKind.Multiple => string.Create(CultureInfo.InvariantCulture, $"{QuantityWords} (\u00d7 {Factor:0.##})"),
        _ => QuantityWords,
    };

    private string QuantityWords { get; init; } = string.Empty;

    /// <summary>Parses a claim.</summary>
    /// <param name="text">The claim: a phrase or a whole sentence.</param>
    /// <exception cref="FormatException">No quantity, direction or multiple from the vocabulary was found; the message quotes the text.</exception>
    public static WordedClaim Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var claim)
            ? claim
            : throw new FormatException(
                $"'{text}' states no quantity this check understands: expected a fraction word ('a third', 'half', 'one in seven', 'two thirds'), a number ('50 per cent', '37.5 %'), a change ('rose', 'fell', 'doubled', 'rose by 10 per cent'), optionally hedged ('just under', 'nearly', 'about', 'more than').");
    }

    /// <summary>Tries to parse a claim; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The claim.</param>
    /// <param name="claim">The parsed claim, when successful.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out WordedClaim? claim)
    {
        claim = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var tokens = ClaimToken.Split(text);
        claim = ClaimGrammar.Read(text, tokens);
        return claim is not null;
    }

    internal static WordedClaim Proportion(string text, string phrase, ClaimQualifier qualifier, ClaimQuantity quantity)
        => new(text, phrase, ClaimKind.Proportion, qualifier)
        {
            TargetNumerator = quantity.Numerator,
            TargetDenominator = quantity.Denominator,
            IsFractionWord = quantity.IsFractionWord,
            Decimals = quantity.Decimals,
            QuantityWords = quantity.Words,
        };

    internal static WordedClaim ChangeBy(string text, string phrase, ChangeDirection direction, ClaimQualifier qualifier, ClaimQuantity quantity)
        => new(text, phrase, ClaimKind.ChangeBy, qualifier)
        {
            Direction = direction,
            TargetNumerator = quantity.Numerator,
            TargetDenominator = quantity.Denominator,
            IsFractionWord = quantity.IsFractionWord,
            Decimals = quantity.Decimals,
            InPercentagePoints = quantity.IsPoints,
            QuantityWords = quantity.Words,
        };

    internal static WordedClaim Changed(string text, string phrase, ChangeDirection direction)
        => new(text, phrase, ClaimKind.Direction, ClaimQualifier.None) { Direction = direction, QuantityWords = phrase };

    internal static WordedClaim Multiple(string text, string phrase, ClaimQualifier qualifier, decimal factor, string word)
        => new(text, phrase, ClaimKind.Multiple, qualifier)
        {
            Factor = factor,
            Direction = factor > 1 ? ChangeDirection.Up : ChangeDirection.Down,
            QuantityWords = word,
        };

    /// <summary>The phrase and how it was read: "'just under 50 per cent': proportion 50 per cent, JustUnder".</summary>
    public override string ToString() => $"'{Phrase}': {Kind.ToString().ToLowerInvariant()} {QuantityText}, {Qualifier}";
}
