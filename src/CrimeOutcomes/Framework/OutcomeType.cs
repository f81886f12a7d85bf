using System.Globalization;

namespace CrimeOutcomes;

/// <summary>
/// One numbered outcome type of the Home Office crime outcomes framework (0 to 22, with 1A, 2A and 3A): its code,
/// meaning, <see cref="OutcomeGroup"/>, and the dates between which forces could assign it.
/// </summary>
/// <remarks>
/// <para>Two outcome types are equal when their codes are equal; a catalogue holds one type per code.</para>
/// <para>Where the reference table marks a group or a date "to verify" (consistent with the published grouping but
/// not seen written down), <see cref="IsGroupConfirmed"/> or <see cref="IsIntroductionConfirmed"/> is false. The
/// groups of outcomes 5, 9 to 13 and 17 and the introduction dates of 1A, 2A, 3A and 20 are of that kind.</para>
/// </remarks>
public sealed class OutcomeType : IEquatable<OutcomeType>, IComparable<OutcomeType>
{
    /// <summary>The date from which all forces reported the full set of outcomes (1 April 2014).</summary>
    public static readonly DateOnly FrameworkStart = new(2014, 4, 1);

    /// <summary>Creates an outcome type. Prefer the named members and <see cref="OutcomeCatalogue.Default"/>; this exists for catalogues of later framework revisions.</summary>
    /// <param name="code">The code: a number from 0 to 99, optionally followed by one letter ("1A").</param>
    /// <param name="meaning">What the outcome means, in short.</param>
    /// <param name="group">The outcome group it is published under.</param>
    /// <param name="introduced">The first day forces could assign it, or null when it has no start (outcome 0).</param>
    /// <param name="withdrawn">The first day it could no longer be assigned, or null while in use.</param>
    /// <param name="subsetOf">The type it is a subset of (1A of 1), or null.</param>
    /// <param name="suspectIdentified">Whether a suspect had been identified when this outcome is assigned, or null when the framework does not say.</param>
    /// <param name="isGroupConfirmed">Whether the code-to-group mapping was found in a published source.</param>
    /// <param name="isIntroductionConfirmed">Whether the introduction date was found in a published source.</param>
    /// <exception cref="ArgumentException">The code is malformed, or the dates are out of order.</exception>
    public OutcomeType(
        string code,
        string meaning,
        OutcomeGroup group,
        DateOnly? introduced,
        DateOnly? withdrawn = null,
        OutcomeType? subsetOf = null,
        bool? suspectIdentified = true,
        bool isGroupConfirmed = true,
        bool isIntroductionConfirmed = true)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(meaning);
        ArgumentNullException.ThrowIfNull(group);
        if (!OutcomeCode.TryRead(code, out var number, out var suffix))
        {
            throw new ArgumentException($"'{code}' is not an outcome code: expected a number from 0 to 99, optionally followed by one letter, such as '16' or '1A'.", nameof(code));
        }

        if (introduced is not null && withdrawn is not null && withdrawn <= introduced)
        {
            throw new ArgumentException($"Outcome {code}: withdrawn ({withdrawn:yyyy-MM-dd}) must be after introduced ({introduced:yyyy-MM-dd}).", nameof(withdrawn));
        }

        Number = number;
        Suffix = suffix;
        Code = OutcomeCode.Format(number, suffix);
        Meaning = meaning;
        Group = group;
        Introduced = introduced;
        Withdrawn = withdrawn;
        SubsetOf = subsetOf;
        SuspectIdentified = suspectIdentified;
        IsGroupConfirmed = isGroupConfirmed;
        IsIntroductionConfirmed = isIntroductionConfirmed;
    }

    /// <summary>The code as the open data write it: "16", "1A".</summary>
    public string Code { get; }

    /// <summary>The number part of the code (1 for "1A").</summary>
    public int Number { get; }

    /// <summary>The letter of an alternate-offence code ('A' for "1A"), or null.</summary>
    public char? Suffix { get; }

    /// <summary>What the outcome means, in short.</summary>
    public string Meaning { get; }

    /// <summary>The outcome group it is published under.</summary>
    public OutcomeGroup Group { get; }

    /// <summary>The first day forces could assign it, or null (outcome 0 has no start).</summary>
    public DateOnly? Introduced { get; }

    /// <summary>The first day it could no longer be assigned, or null while in use (outcome 19 ends in December 2025).</summary>
    public DateOnly? Withdrawn { get; }

    /// <summary>
    /// Whether this is an outcome assigned to a crime. False only for outcome 0 ("not yet assigned"), which is
    /// never counted among assigned outcomes and can be negative after reclassification.
    /// </summary>
    public bool IsAssignedOutcome => Number != 0 || Suffix is not null;

    /// <summary>The type this one is a subset of (1A of 1, 2A of 2, 3A of 3), or null. A subset is published separately and must never be added to its parent.</summary>
    public OutcomeType? SubsetOf { get; }

    /// <summary>Whether this type is a subset of another (see <see cref="SubsetOf"/>).</summary>
    public bool IsSubset => SubsetOf is not null;

    /// <summary>
    /// Whether a suspect had been identified: false for outcomes 14 and 18, null where the framework does not
    /// say (0, 19 and 20), true for the rest. Used for the "suspect-identified outcomes" denominator.
    /// </summary>
    public bool? SuspectIdentified { get; }

    /// <summary>Whether the code-to-group mapping was found written in a published source (false: "to verify").</summary>
    public bool IsGroupConfirmed { get; }

    /// <summary>Whether <see cref="Introduced"/> was found written in a published source (false: "to verify").</summary>
    public bool IsIntroductionConfirmed { get; }

    /// <summary>
    /// Whether forces could assign this outcome during some part of <paramref name="period"/>: the period overlaps
    /// the days from <see cref="Introduced"/> to the day before <see cref="Withdrawn"/>. Outcome 0 is valid in every period.
    /// </summary>
    /// <param name="period">The period.</param>
    public bool IsValidIn(ReportingPeriod period)
        => period.Overlaps(null, Withdrawn?.AddDays(-1)) && period.Overlaps(Introduced, null);

    /// <summary>Outcome 0: not yet assigned an outcome (still under investigation when the data were extracted). Not an outcome.</summary>
    public static OutcomeType NotYetAssigned { get; } = new("0", "Not yet assigned an outcome", OutcomeGroup.NotYetAssigned, null, suspectIdentified: null);

    /// <summary>Outcome 1: charged or summonsed.</summary>
    public static OutcomeType ChargedOrSummonsed { get; } = new("1", "Charged or summonsed", OutcomeGroup.ChargedSummonsed, FrameworkStart);

    /// <summary>Outcome 1A: charged or summonsed for an alternate offence; a subset of 1, never to be added to it.</summary>
    public static OutcomeType ChargedAlternateOffence { get; } = new("1A", "Charged or summonsed for an alternate offence", OutcomeGroup.ChargedSummonsed, FrameworkStart, subsetOf: ChargedOrSummonsed, isIntroductionConfirmed: false);

    /// <summary>Outcome 2: caution, youths (including youth conditional caution).</summary>
    public static OutcomeType YouthCaution { get; } = new("2", "Caution, youths (including youth conditional caution)", OutcomeGroup.OutOfCourtFormal, FrameworkStart);

    /// <summary>Outcome 2A: youth caution for an alternate offence; a subset of 2.</summary>
    public static OutcomeType YouthCautionAlternateOffence { get; } = new("2A", "Youth caution for an alternate offence", OutcomeGroup.OutOfCourtFormal, FrameworkStart, subsetOf: YouthCaution, isIntroductionConfirmed: false);

    /// <summary>Outcome 3: caution, adults (simple or conditional).</summary>
    public static OutcomeType AdultCaution { get; } = new("3", "Caution, adults (simple or conditional)", OutcomeGroup.OutOfCourtFormal, FrameworkStart);

    /// <summary>Outcome 3A: adult caution for an alternate offence; a subset of 3.</summary>
    public static OutcomeType AdultCautionAlternateOffence { get; } = new("3A", "Adult caution for an alternate offence", OutcomeGroup.OutOfCourtFormal, FrameworkStart, subsetOf: AdultCaution, isIntroductionConfirmed: false);

    /// <summary>Outcome 4: taken into consideration.</summary>
    public static OutcomeType TakenIntoConsideration { get; } = new("4", "Taken into consideration", OutcomeGroup.TakenIntoConsideration, FrameworkStart);

    /// <summary>Outcome 5: the offender has died. Group "to verify".</summary>
    public static OutcomeType OffenderDied { get; } = new("5", "The offender has died", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 6: Penalty Notice for Disorder.</summary>
    public static OutcomeType PenaltyNoticeForDisorder { get; } = new("6", "Penalty Notice for Disorder", OutcomeGroup.OutOfCourtFormal, FrameworkStart);

    /// <summary>Outcome 7: cannabis or khat warning.</summary>
    public static OutcomeType CannabisOrKhatWarning { get; } = new("7", "Cannabis/khat warning", OutcomeGroup.OutOfCourtInformal, FrameworkStart);

    /// <summary>Outcome 8: community resolution.</summary>
    public static OutcomeType CommunityResolution { get; } = new("8", "Community resolution", OutcomeGroup.OutOfCourtInformal, FrameworkStart);

    /// <summary>Outcome 9: prosecution not in the public interest (CPS decision). Group "to verify".</summary>
    public static OutcomeType ProsecutionNotInPublicInterest { get; } = new("9", "Prosecution not in the public interest (CPS decision)", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 10: formal action not in the public interest (police decision). Group "to verify".</summary>
    public static OutcomeType FormalActionNotInPublicInterest { get; } = new("10", "Formal action not in the public interest (police decision)", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 11: prosecution prevented, named suspect below the age of criminal responsibility. Group "to verify".</summary>
    public static OutcomeType SuspectBelowAgeOfCriminalResponsibility { get; } = new("11", "Prosecution prevented: named suspect below the age of criminal responsibility", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 12: prosecution prevented, named suspect too ill to prosecute. Group "to verify".</summary>
    public static OutcomeType SuspectTooIll { get; } = new("12", "Prosecution prevented: named suspect too ill to prosecute", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 13: prosecution prevented, victim or key witness dead or too ill to give evidence. Group "to verify".</summary>
    public static OutcomeType VictimOrKeyWitnessUnable { get; } = new("13", "Prosecution prevented: victim or key witness dead or too ill to give evidence", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 14: evidential difficulties, suspect not identified; the victim declines or is unable to support further action.</summary>
    /// <remarks>
    /// The evidential-difficulty outcomes are named alike: <c>EvidentialDifficulties</c>, then the suspect (no suspect,
    /// named suspect), then the victim's stance (does not support, supports): 14, <see cref="EvidentialDifficultiesNamedSuspectVictimSupports"/> (15)
    /// and <see cref="EvidentialDifficultiesNamedSuspectVictimDoesNotSupport"/> (16).
    /// </remarks>
    public static OutcomeType EvidentialDifficultiesNoSuspectVictimDoesNotSupport { get; } = new("14", "Evidential difficulties, suspect not identified: victim declines or is unable to support further action", OutcomeGroup.EvidentialDifficultiesVictimDoesNotSupport, FrameworkStart, suspectIdentified: false);

    /// <summary>Outcome 15: evidential difficulties, named suspect identified; the victim supports action but the evidence is insufficient.</summary>
    public static OutcomeType EvidentialDifficultiesNamedSuspectVictimSupports { get; } = new("15", "Evidential difficulties, named suspect identified: victim supports action, but evidence is insufficient", OutcomeGroup.EvidentialDifficultiesVictimSupports, FrameworkStart);

    /// <summary>Outcome 16: evidential difficulties, named suspect identified; the victim does not support, or has withdrawn support for, further action.</summary>
    public static OutcomeType EvidentialDifficultiesNamedSuspectVictimDoesNotSupport { get; } = new("16", "Evidential difficulties, named suspect identified: victim does not support, or has withdrawn support for, further action", OutcomeGroup.EvidentialDifficultiesVictimDoesNotSupport, FrameworkStart);

    /// <summary>The former name of <see cref="EvidentialDifficultiesNoSuspectVictimDoesNotSupport"/> (outcome 14).</summary>
    [Obsolete("Use EvidentialDifficultiesNoSuspectVictimDoesNotSupport (outcome 14).")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static OutcomeType VictimDoesNotSupportNoSuspect => EvidentialDifficultiesNoSuspectVictimDoesNotSupport;

    /// <summary>The former name of <see cref="EvidentialDifficultiesNamedSuspectVictimSupports"/> (outcome 15).</summary>
    [Obsolete("Use EvidentialDifficultiesNamedSuspectVictimSupports (outcome 15).")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static OutcomeType EvidentialDifficultiesVictimSupports => EvidentialDifficultiesNamedSuspectVictimSupports;

    /// <summary>The former name of <see cref="EvidentialDifficultiesNamedSuspectVictimDoesNotSupport"/> (outcome 16).</summary>
    [Obsolete("Use EvidentialDifficultiesNamedSuspectVictimDoesNotSupport (outcome 16).")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static OutcomeType VictimWithdrawsSupportNamedSuspect => EvidentialDifficultiesNamedSuspectVictimDoesNotSupport;

    /// <summary>Outcome 17: prosecution time limit expired. Group "to verify".</summary>
    public static OutcomeType TimeLimitExpired { get; } = new("17", "Prosecution time limit expired", OutcomeGroup.PreventedOrNotInPublicInterest, FrameworkStart, isGroupConfirmed: false);

    /// <summary>Outcome 18: investigation complete, no suspect identified.</summary>
    public static OutcomeType NoSuspectIdentified { get; } = new("18", "Investigation complete, no suspect identified", OutcomeGroup.NoSuspectIdentified, FrameworkStart, suspectIdentified: false);

    /// <summary>Outcome 19: National Fraud Intelligence Bureau filed (fraud only); reported separately with fraud; no longer used from December 2025.</summary>
    public static OutcomeType NationalFraudIntelligenceBureauFiled { get; } = new("19", "National Fraud Intelligence Bureau filed (fraud only)", OutcomeGroup.NationalFraudIntelligenceBureauFiled, FrameworkStart, withdrawn: new DateOnly(2025, 12, 1), suspectIdentified: null);

    /// <summary>Outcome 20: further action to be taken by another body or agency. Introduced April 2015 ("to verify").</summary>
    public static OutcomeType ActionByAnotherBody { get; } = new("20", "Further action to be taken by another body or agency", OutcomeGroup.TransferredToAnotherBody, new DateOnly(2015, 4, 1), suspectIdentified: null, isIntroductionConfirmed: false);

    /// <summary>Outcome 21: further investigation to support formal action not in the public interest (police decision). Introduced January 2016.</summary>
    public static OutcomeType FurtherInvestigationNotInPublicInterest { get; } = new("21", "Further investigation to support formal action not in the public interest (police decision)", OutcomeGroup.FurtherInvestigationNotInPublicInterest, new DateOnly(2016, 1, 1));

    /// <summary>Outcome 22: diversionary, educational or intervention activity undertaken; no further action in the public interest. Introduced 1 April 2019.</summary>
    public static OutcomeType DiversionaryActivity { get; } = new("22", "Diversionary, educational or intervention activity undertaken; no further action in the public interest", OutcomeGroup.DiversionaryActivity, new DateOnly(2019, 4, 1));

    /// <summary>Parses an outcome code or text with <see cref="OutcomeCatalogue.Default"/>; see <see cref="OutcomeCatalogue.Parse(string)"/>.</summary>
    /// <param name="text">"16", "Outcome 16", "OC16", "1a", or a description or group text.</param>
    /// <exception cref="FormatException">Nothing in the catalogue matches; the message quotes the text.</exception>
    public static OutcomeType Parse(string text) => OutcomeCatalogue.Default.Parse(text);

    /// <summary>Tries to parse an outcome with <see cref="OutcomeCatalogue.Default"/>; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="outcome">The outcome type, when parsing succeeds.</param>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OutcomeType? outcome)
        => OutcomeCatalogue.Default.TryParse(text, out outcome);

    /// <summary>"Outcome 16 (Evidential difficulties, …)" is too long for tables: this gives "outcome 16".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"outcome {Code}");

    /// <inheritdoc/>
    public bool Equals(OutcomeType? other) => other is not null && other.Number == Number && other.Suffix == Suffix;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OutcomeType);

    /// <inheritdoc/>
    public override int GetHashCode() => (Number << 8) | (Suffix ?? 0);

    /// <summary>Orders by number, then the plain code before its lettered subsets (1, 1A, 2, 2A…).</summary>
    /// <param name="other">The other type.</param>
    public int CompareTo(OutcomeType? other) => other is null ? 1 : GetHashCode().CompareTo(other.GetHashCode());

    /// <summary>Equality by code.</summary>
    public static bool operator ==(OutcomeType? left, OutcomeType? right) => Equals(left, right);

    /// <summary>Inequality by code.</summary>
    public static bool operator !=(OutcomeType? left, OutcomeType? right) => !Equals(left, right);

    /// <summary>Sorts before, in code order.</summary>
    public static bool operator <(OutcomeType? left, OutcomeType? right) => Compare(left, right) < 0;

    /// <summary>Sorts after, in code order.</summary>
    public static bool operator >(OutcomeType? left, OutcomeType? right) => Compare(left, right) > 0;

    /// <summary>Sorts before or equal, in code order.</summary>
    public static bool operator <=(OutcomeType? left, OutcomeType? right) => Compare(left, right) <= 0;

    /// <summary>Sorts after or equal, in code order.</summary>
    public static bool operator >=(OutcomeType? left, OutcomeType? right) => Compare(left, right) >= 0;

    private static int Compare(OutcomeType? left, OutcomeType? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
