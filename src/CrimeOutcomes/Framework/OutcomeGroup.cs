namespace CrimeOutcomes;

/// <summary>
/// One of the outcome groups of the Home Office crime outcomes framework, with its text exactly as the
/// police recorded crime and outcomes open data write it in the "Outcome Group" column.
/// </summary>
/// <remarks>
/// Groups compare equal when their names match after normalising case, dashes and spaces, so a group read
/// from a file with a hyphen in place of the en dash is the same group.
/// </remarks>
public sealed class OutcomeGroup : IEquatable<OutcomeGroup>
{
    private readonly string _key;

    /// <summary>Creates a group. Prefer the named members; this exists for catalogues of future framework revisions.</summary>
    /// <param name="name">The exact open-data text.</param>
    /// <param name="shortName">A short label for tables and charts.</param>
    /// <param name="isOpenDataText">Whether <paramref name="name"/> is a text that appears in the open data.</param>
    public OutcomeGroup(string name, string shortName, bool isOpenDataText = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        Name = name;
        ShortName = shortName;
        IsOpenDataText = isOpenDataText;
        _key = NameKey.Of(name);
    }

    /// <summary>The group text exactly as in the open data (en dashes and the full stop of outcome 22's group included).</summary>
    public string Name { get; }

    /// <summary>A short label for tables and charts.</summary>
    public string ShortName { get; }

    /// <summary>Whether <see cref="Name"/> appears in the open data's "Outcome Group" column (false for the fraud group, which is reported separately).</summary>
    public bool IsOpenDataText { get; }

    internal string Key => _key;

    /// <summary>Outcome 1: "Charged/Summonsed".</summary>
    public static OutcomeGroup ChargedSummonsed { get; } = new("Charged/Summonsed", "Charged/summonsed");

    /// <summary>Outcomes 2, 3 and 6: "Out-of-court (formal)".</summary>
    public static OutcomeGroup OutOfCourtFormal { get; } = new("Out-of-court (formal)", "Out-of-court (formal)");

    /// <summary>Outcomes 7 and 8: "Out-of-court (informal)".</summary>
    public static OutcomeGroup OutOfCourtInformal { get; } = new("Out-of-court (informal)", "Out-of-court (informal)");

    /// <summary>Outcome 4: "Taken into consideration".</summary>
    public static OutcomeGroup TakenIntoConsideration { get; } = new("Taken into consideration", "Taken into consideration");

    /// <summary>Outcomes 5, 9 to 13 and 17: "Prosecution prevented or not in the public interest".</summary>
    public static OutcomeGroup PreventedOrNotInPublicInterest { get; } =
        new("Prosecution prevented or not in the public interest", "Prevented / not in public interest");

    /// <summary>Outcomes 14 and 16: "Evidential difficulties (victim does not support action)".</summary>
    public static OutcomeGroup EvidentialDifficultiesVictimDoesNotSupport { get; } =
        new("Evidential difficulties (victim does not support action)", "Victim does not support action");

    /// <summary>Outcome 15: "Evidential difficulties (suspect identified; victim supports action)".</summary>
    public static OutcomeGroup EvidentialDifficultiesVictimSupports { get; } =
        new("Evidential difficulties (suspect identified; victim supports action)", "Evidential difficulties (victim supports)");

    /// <summary>Outcome 18: "Investigation complete – no suspect identified" (with an en dash).</summary>
    public static OutcomeGroup NoSuspectIdentified { get; } =
        new("Investigation complete \u2013 no suspect identified", "No suspect identified");

    /// <summary>Outcome 20: "Responsibility for further investigation transferred to another body".</summary>
    public static OutcomeGroup TransferredToAnotherBody { get; } =
        new("Responsibility for further investigation transferred to another body", "Transferred to another body");

    /// <summary>Outcome 21: "Further investigation to support formal action not in the public interest – police decision" (with an en dash).</summary>
    public static OutcomeGroup FurtherInvestigationNotInPublicInterest { get; } =
        new("Further investigation to support formal action not in the public interest \u2013 police decision", "Further investigation not in public interest");

    /// <summary>Outcome 22: the whole sentence "Diversionary, educational or intervention activity, … any further action." with its full stop.</summary>
    public static OutcomeGroup DiversionaryActivity { get; } =
        new("Diversionary, educational or intervention activity, resulting from the crime report, has been undertaken and it is not in the public interest to take any further action.", "Diversionary activity");

    /// <summary>Outcome 0: "Not yet assigned an outcome".</summary>
    public static OutcomeGroup NotYetAssigned { get; } = new("Not yet assigned an outcome", "Not yet assigned");

    /// <summary>Outcome 19, fraud filed by the National Fraud Intelligence Bureau: reported separately with fraud, so this text is not an open-data group.</summary>
    public static OutcomeGroup NationalFraudIntelligenceBureauFiled { get; } =
        new("National Fraud Intelligence Bureau filed (reported separately with fraud)", "NFIB filed (fraud)", isOpenDataText: false);

    /// <summary>Every group of the framework, in the order of the open data.</summary>
    public static IReadOnlyList<OutcomeGroup> All { get; } =
    [
        ChargedSummonsed, OutOfCourtFormal, OutOfCourtInformal, TakenIntoConsideration, PreventedOrNotInPublicInterest,
        EvidentialDifficultiesVictimDoesNotSupport, EvidentialDifficultiesVictimSupports, NoSuspectIdentified,
        TransferredToAnotherBody, FurtherInvestigationNotInPublicInterest, DiversionaryActivity, NotYetAssigned,
        NationalFraudIntelligenceBureauFiled,
    ];

    /// <summary>Whether <paramref name="text"/> is this group's text, after normalising case, dashes and spaces.</summary>
    /// <param name="text">Text read from a file.</param>
    public bool Matches(ReadOnlySpan<char> text) => NameKey.Of(text) == _key;

    /// <inheritdoc/>
    public bool Equals(OutcomeGroup? other) => other is not null && other._key == _key;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OutcomeGroup);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);

    /// <summary>The exact open-data text.</summary>
    public override string ToString() => Name;

    /// <summary>Equality.</summary>
    public static bool operator ==(OutcomeGroup? left, OutcomeGroup? right) => Equals(left, right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(OutcomeGroup? left, OutcomeGroup? right) => !Equals(left, right);
}
