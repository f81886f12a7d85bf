namespace CrimeOutcomes.Statistics;

/// <summary>Whether a worded claim fits the arithmetic, by how much, under which rule, and what wording would fit.</summary>
public sealed class ClaimVerdict
{
    internal ClaimVerdict(WordedClaim claim, bool fits, string actual, decimal? difference, string rule, string explanation, IReadOnlyList<string> alternatives, string? note)
    {
        Claim = claim;
        Fits = fits;
        Actual = actual;
        Difference = difference;
        Rule = rule;
        Explanation = explanation;
        Alternatives = alternatives;
        Note = note;
    }

    /// <summary>The claim as parsed.</summary>
    public WordedClaim Claim { get; }

    /// <summary>Whether the wording fits the figures under the documented tolerance rule.</summary>
    public bool Fits { get; }

    /// <summary>The figures the claim was checked against, with their arithmetic: "164,510 / 438,349 = 37.5 %".</summary>
    public string Actual { get; }

    /// <summary>
    /// Actual minus stated, unrounded: in percentage points for proportions (+4.196 for 37.5 % against a third), in the
    /// claim's own unit for changes by an amount, as a factor difference for multiples; null for direction claims.
    /// </summary>
    public decimal? Difference { get; }

    /// <summary>The tolerance rule applied, with the range it allows.</summary>
    public string Rule { get; }

    /// <summary>The verdict in a sentence: "Does not fit: … is 4.2 pp above a third (33.3 %)."</summary>
    public string Explanation { get; }

    /// <summary>Wordings that would fit the figures (empty when the claim fits).</summary>
    public IReadOnlyList<string> Alternatives { get; }

    /// <summary>A statistical note for changes of ratios (is the change larger than chance?), or null.</summary>
    public string? Note { get; }

    /// <summary>The explanation, the rule, the alternatives and the note, one after the other.</summary>
    public override string ToString()
    {
        var text = $"{Explanation} Rule: {Rule}.";
        if (Alternatives.Count > 0)
        {
            text += $" Wording that fits: {string.Join("; ", Alternatives.Select(a => $"'{a}'"))}.";
        }

        return Note is null ? text : $"{text} {Note}";
    }
}
