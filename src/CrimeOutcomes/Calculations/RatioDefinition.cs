namespace CrimeOutcomes;

/// <summary>
/// What a ratio divides: a set of outcome types over a chosen <see cref="RatioDenominator"/>. The named members
/// are the ratios people quote, one for each outcome quoted alone (<see cref="ChargeOrSummons"/> 1,
/// <see cref="NoSuspectVictimDoesNotSupport"/> 14, <see cref="EvidentialDifficulties"/> 15, <see cref="Withdrawal"/> 16,
/// <see cref="NoSuspectIdentified"/> 18) and <see cref="WithdrawalIncludingNoSuspect"/> (14 + 16); <see cref="OutcomeRate(string, RatioDenominator, OutcomeType[])"/> makes any other.
/// </summary>
public sealed record RatioDefinition
{
    private RatioDefinition(string name, IReadOnlyList<OutcomeType> numerator, RatioDenominator denominator)
    {
        Name = name;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The ratio's name, for tables: "withdrawal (outcome 16)".</summary>
    public string Name { get; }

    /// <summary>The outcome types summed in the numerator.</summary>
    public IReadOnlyList<OutcomeType> Numerator { get; }

    /// <summary>What the denominator counts.</summary>
    public RatioDenominator Denominator { get; }

    /// <summary>
    /// Whether a numerator outcome type that has no figure for a key counts as zero (true) or leaves the ratio
    /// undefined (false, the default: a missing figure is never a zero). See <see cref="CountingMissingOutcomesAsZero"/>.
    /// </summary>
    public bool MissingOutcomesCountAsZero { get; private init; }

    /// <summary>
    /// This definition, but with a numerator outcome type that has no figure counted as zero beside members that
    /// have figures, so that 14 + 16 over a table that gives only outcome 16 is 16 alone. The name says so. A key
    /// where no member has a figure still has no numerator, and recorded crimes are never taken as zero.
    /// </summary>
    public RatioDefinition CountingMissingOutcomesAsZero()
        => MissingOutcomesCountAsZero ? this : new RatioDefinition(Name + ", missing outcomes as zero", Numerator, Denominator) { MissingOutcomesCountAsZero = true };

    /// <summary>"outcome 16" or "outcomes 14 + 16": what the numerator counts.</summary>
    public string NumeratorLabel => Numerator.Count == 1
        ? Numerator[0].ToString()
        : "outcomes " + string.Join(" + ", Numerator.Select(o => o.Code));

    /// <summary>"recorded crimes", "assigned outcomes" or "suspect-identified outcomes".</summary>
    public string DenominatorLabel => Denominator switch
    {
        RatioDenominator.RecordedCrimes => "recorded crimes",
        RatioDenominator.AssignedOutcomes => "assigned outcomes",
        RatioDenominator.SuspectIdentifiedOutcomes => "suspect-identified outcomes",
        _ => Denominator.ToString(),
    };

    /// <summary>Victim withdrawal as the seed story quotes it: outcome 16 over recorded crimes.</summary>
    public static RatioDefinition Withdrawal { get; } =
        new("withdrawal (outcome 16)", [OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport], RatioDenominator.RecordedCrimes);

    /// <summary>Victim does not support action, suspect identified or not: outcomes 14 + 16 over recorded crimes (the whole outcome group).</summary>
    public static RatioDefinition WithdrawalIncludingNoSuspect { get; } =
        new("victim does not support (outcomes 14 + 16)", [OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport], RatioDenominator.RecordedCrimes);

    /// <summary>Evidential difficulties with a named suspect and a supportive victim: outcome 15 over recorded crimes.</summary>
    public static RatioDefinition EvidentialDifficulties { get; } =
        new("evidential difficulties (outcome 15)", [OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports], RatioDenominator.RecordedCrimes);

    /// <summary>Evidential difficulties with no suspect identified and a victim who does not support action: outcome 14 over recorded crimes.</summary>
    public static RatioDefinition NoSuspectVictimDoesNotSupport { get; } =
        new("victim does not support, no suspect (outcome 14)", [OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport], RatioDenominator.RecordedCrimes);

    /// <summary>Investigation complete, no suspect identified: outcome 18 over recorded crimes.</summary>
    public static RatioDefinition NoSuspectIdentified { get; } =
        new("no suspect identified (outcome 18)", [OutcomeType.NoSuspectIdentified], RatioDenominator.RecordedCrimes);

    /// <summary>The charge or summons rate: outcome 1 over recorded crimes.</summary>
    public static RatioDefinition ChargeOrSummons { get; } =
        new("charge/summons (outcome 1)", [OutcomeType.ChargedOrSummonsed], RatioDenominator.RecordedCrimes);

    /// <summary>Any set of outcome types over a chosen denominator.</summary>
    /// <param name="name">The ratio's name.</param>
    /// <param name="denominator">What the denominator counts.</param>
    /// <param name="outcomes">The numerator's outcome types; at least one, none of them outcome 0 together with others, no subset with its parent.</param>
    /// <exception cref="ArgumentException">No outcomes, a repeated outcome, or a subset (1A) together with its parent (1), which would double count.</exception>
    public static RatioDefinition OutcomeRate(string name, RatioDenominator denominator, params OutcomeType[] outcomes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Length == 0)
        {
            throw new ArgumentException("A ratio needs at least one outcome type in its numerator.", nameof(outcomes));
        }

        if (!Enum.IsDefined(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Not a defined denominator.");
        }

        var sorted = outcomes.Order().ToArray();
        if (sorted.Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("An outcome type appears twice in the numerator.", nameof(outcomes));
        }

        var doubled = sorted.FirstOrDefault(o => o.SubsetOf is { } parent && sorted.Contains(parent));
        if (doubled is not null)
        {
            throw new ArgumentException($"Outcome {doubled.Code} is a subset of outcome {doubled.SubsetOf!.Code}; summing both would count the same crimes twice.", nameof(outcomes));
        }

        return new RatioDefinition(name, sorted, denominator);
    }

    /// <summary>
    /// A definition as it was written (JSON): <see cref="OutcomeRate(string, RatioDenominator, OutcomeType[])"/>, with
    /// the rule for missing outcomes, keeping <paramref name="name"/> as given (it already says when they count as zero).
    /// </summary>
    internal static RatioDefinition Restore(string name, RatioDenominator denominator, bool missingOutcomesCountAsZero, OutcomeType[] outcomes)
        => OutcomeRate(name, denominator, outcomes) with { MissingOutcomesCountAsZero = missingOutcomesCountAsZero };

    /// <summary>Any set of outcome types over a chosen denominator, named after its outcomes.</summary>
    /// <param name="denominator">What the denominator counts.</param>
    /// <param name="outcomes">The numerator's outcome types.</param>
    public static RatioDefinition OutcomeRate(RatioDenominator denominator, params OutcomeType[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var label = outcomes.Length == 1 ? outcomes[0].ToString() : "outcomes " + string.Join(" + ", outcomes.Order().Select(o => o.Code));
        return OutcomeRate(label, denominator, outcomes);
    }

    /// <summary>Two definitions are equal when name, numerator outcomes, denominator and the rule for missing outcomes match.</summary>
    /// <param name="other">The other definition.</param>
    public bool Equals(RatioDefinition? other)
        => other is not null && other.Name == Name && other.Denominator == Denominator && other.MissingOutcomesCountAsZero == MissingOutcomesCountAsZero
           && other.Numerator.SequenceEqual(Numerator);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Denominator, Numerator.Count);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
