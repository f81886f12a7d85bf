using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// An immutable catalogue of outcome types. <see cref="Default"/> holds every code of the Home Office framework
/// (0, 1, 1A, 2, 2A, 3, 3A and 4 to 22); build another with <see cref="With(OutcomeType)"/> to record a later
/// revision, such as a withdrawal date for codes 2, 3, 6, 7 and 8 after the Police, Crime, Sentencing and Courts
/// Act 2022 reforms.
/// </summary>
public sealed class OutcomeCatalogue : IOutcomeCatalogue
{
    private readonly FrozenDictionary<int, OutcomeType> _byCode;
    private readonly FrozenDictionary<string, OutcomeType> _byText;

    /// <summary>Creates a catalogue of <paramref name="outcomes"/>.</summary>
    /// <param name="outcomes">The types; codes must be unique.</param>
    /// <exception cref="ArgumentException">Two types share a code.</exception>
    public OutcomeCatalogue(IEnumerable<OutcomeType> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var sorted = outcomes.OrderBy(o => o).ToArray();
        var duplicate = sorted.GroupBy(o => o.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Outcome code '{duplicate.Key}' appears more than once in the catalogue.", nameof(outcomes));
        }

        All = sorted;
        _byCode = sorted.ToFrozenDictionary(o => o.GetHashCode());

        // Texts that identify one type: its meaning, and its group text where the group holds no other type.
        var texts = new Dictionary<string, OutcomeType?>(StringComparer.Ordinal);
        foreach (var outcome in sorted)
        {
            texts[NameKey.Of(outcome.Meaning)] = outcome;
        }

        foreach (var group in sorted.Where(o => !o.IsSubset).GroupBy(o => o.Group.Key))
        {
            texts.TryAdd(group.Key, group.Count() == 1 ? group.Single() : null);
        }

        _byText = texts.Where(t => t.Value is not null).ToFrozenDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal);
        AmbiguousGroups = texts.Where(t => t.Value is null).Select(t => t.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    private FrozenSet<string> AmbiguousGroups { get; }

    /// <summary>The Home Office framework as published, every code from the reference table.</summary>
    public static OutcomeCatalogue Default { get; } = new(
    [
        OutcomeType.NotYetAssigned, OutcomeType.ChargedOrSummonsed, OutcomeType.ChargedAlternateOffence,
        OutcomeType.YouthCaution, OutcomeType.YouthCautionAlternateOffence, OutcomeType.AdultCaution,
        OutcomeType.AdultCautionAlternateOffence, OutcomeType.TakenIntoConsideration, OutcomeType.OffenderDied,
        OutcomeType.PenaltyNoticeForDisorder, OutcomeType.CannabisOrKhatWarning, OutcomeType.CommunityResolution,
        OutcomeType.ProsecutionNotInPublicInterest, OutcomeType.FormalActionNotInPublicInterest,
        OutcomeType.SuspectBelowAgeOfCriminalResponsibility, OutcomeType.SuspectTooIll, OutcomeType.VictimOrKeyWitnessUnable,
        OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports,
        OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, OutcomeType.TimeLimitExpired, OutcomeType.NoSuspectIdentified,
        OutcomeType.NationalFraudIntelligenceBureauFiled, OutcomeType.ActionByAnotherBody,
        OutcomeType.FurtherInvestigationNotInPublicInterest, OutcomeType.DiversionaryActivity,
    ]);

    /// <inheritdoc/>
    public IReadOnlyList<OutcomeType> All { get; }

    /// <summary>The assigned outcomes that stand on their own: every type except 0 and the subsets 1A, 2A and 3A. Summing these never double counts.</summary>
    public IEnumerable<OutcomeType> AssignedOutcomes => All.Where(o => o.IsAssignedOutcome && !o.IsSubset);

    /// <summary>The types published under <paramref name="group"/>, subsets excluded.</summary>
    /// <param name="group">The group.</param>
    public IEnumerable<OutcomeType> InGroup(OutcomeGroup group) => All.Where(o => o.Group == group && !o.IsSubset);

    /// <summary>The types forces could assign during some part of <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    public IEnumerable<OutcomeType> ValidIn(ReportingPeriod period) => All.Where(o => o.IsValidIn(period));

    /// <summary>A catalogue with <paramref name="outcome"/> added, or replacing the type with the same code.</summary>
    /// <param name="outcome">The new or revised type.</param>
    public OutcomeCatalogue With(OutcomeType outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new OutcomeCatalogue(All.Where(o => o != outcome).Append(outcome));
    }

    /// <inheritdoc/>
    public OutcomeType Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (OutcomeCode.TryRead(code, out var number, out var suffix) && code.Trim().Length <= 3
            && _byCode.TryGetValue(Key(number, suffix), out var outcome))
        {
            return outcome;
        }

        throw new KeyNotFoundException($"There is no outcome type with code '{code}'. Known codes: {string.Join(", ", All.Select(o => o.Code))}.");
    }

    /// <inheritdoc/>
    public bool TryGetByCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out OutcomeType? outcome)
    {
        if (OutcomeCode.TryRead(code, out var number, out var suffix))
        {
            return _byCode.TryGetValue(Key(number, suffix), out outcome);
        }

        outcome = null;
        return false;
    }

    /// <inheritdoc/>
    public OutcomeType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var outcome))
        {
            return outcome;
        }

        var key = NameKey.Of(text);
        if (AmbiguousGroups.Contains(key))
        {
            var members = All.Where(o => o.Group.Key == key && !o.IsSubset).Select(o => o.Code);
            throw new FormatException($"'{text}' is an outcome group that holds several outcome types ({string.Join(", ", members)}); name one code instead.");
        }

        throw new FormatException(
            $"'{text}' is not an outcome type: expected a code from 0 to 22 (with 1A, 2A, 3A), written '16', 'Outcome 16' or 'OC16', or an outcome description. Known codes: {string.Join(", ", All.Select(o => o.Code))}.");
    }

    /// <inheritdoc/>
    public bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out OutcomeType? outcome)
    {
        if (text is null)
        {
            outcome = null;
            return false;
        }

        return TryGetByCode(text, out outcome) || _byText.TryGetValue(NameKey.Of(text), out outcome);
    }

    private static int Key(int number, char? suffix) => (number << 8) | (suffix ?? 0);
}
