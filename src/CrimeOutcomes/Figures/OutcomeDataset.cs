using System.Collections.Frozen;

namespace CrimeOutcomes;

/// <summary>
/// An immutable set of recorded-crime and outcome figures with fast lookups, made by an
/// <see cref="OutcomeDatasetBuilder"/> or an importer. Figures for a <see cref="PoliceForce"/> are the force's own;
/// figures for a <see cref="ForceGroup"/> are published aggregates (as the source gave them, not sums we made).
/// A figure the dataset does not hold is not reported, never zero: <see cref="RecordedCrimesFor"/> and
/// <see cref="OutcomeCountFor"/> give null for it, and <see cref="MissingFor"/> says why (a marker in the source, or
/// <see cref="FigureAbsence.NotReported"/>). <see cref="Gaps"/> lists force-quarters the source lacks, which make
/// the figures of periods containing them partial.
/// </summary>
/// <remarks>Safe to share across threads.</remarks>
public sealed class OutcomeDataset
{
    private readonly FrozenDictionary<FigureKey, long> _recorded;
    private readonly FrozenDictionary<(FigureKey Key, CountBasis Basis), FrozenDictionary<OutcomeType, long>> _outcomes;
    private readonly FrozenDictionary<(FigureKey Key, CountBasis? Basis, OutcomeType? Outcome), FigureAbsence> _missing;
    private readonly FrozenDictionary<PoliceForce, FigureGap[]> _gaps;
    private readonly FrozenDictionary<(FigureKey Key, CountBasis Basis), FrozenDictionary<OutcomeType, FigureAbsence>> _missingOutcomes;

    internal OutcomeDataset(IReadOnlyList<RecordedCrimeFigure> recorded, IReadOnlyList<OutcomeCountFigure> outcomes, IReadOnlyList<MissingFigure> missing, IReadOnlyList<FigureGap> gaps)
    {
        RecordedCrimes = recorded;
        OutcomeCounts = outcomes;
        MissingFigures = missing;
        Gaps = gaps;
        _recorded = recorded.ToFrozenDictionary(f => f.Key, f => f.Count);
        _outcomes = outcomes
            .GroupBy(f => (f.Key, f.Basis))
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(f => f.Outcome, f => f.Count));
        _missing = missing.ToFrozenDictionary(m => (m.Key, m.Basis, m.Outcome), m => m.Absence);
        _missingOutcomes = missing.Where(m => m.Outcome is not null)
            .GroupBy(m => (m.Key, m.Basis!.Value))
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(m => m.Outcome!, m => m.Absence));
        _gaps = gaps.GroupBy(g => g.Force).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        Keys = recorded.Select(f => f.Key).Concat(outcomes.Select(f => f.Key)).Concat(missing.Select(m => m.Key)).Distinct()
            .OrderBy(k => k.Area.Name, StringComparer.Ordinal).ThenBy(k => k.Period).ThenBy(k => k.Scope.ToString(), StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A dataset with no figures.</summary>
    public static OutcomeDataset Empty { get; } = new([], [], [], []);

    /// <summary>Every recorded-crime figure, in the order added.</summary>
    public IReadOnlyList<RecordedCrimeFigure> RecordedCrimes { get; }

    /// <summary>Every outcome count, in the order added.</summary>
    public IReadOnlyList<OutcomeCountFigure> OutcomeCounts { get; }

    /// <summary>Every figure the source marks as absent (or, for an outcomes table, gives no number for), in the order added.</summary>
    public IReadOnlyList<MissingFigure> MissingFigures { get; }

    /// <summary>Every force-quarter the source lacks figures for, in the order added.</summary>
    public IReadOnlyList<FigureGap> Gaps { get; }

    /// <summary>Every (area, period, scope) that has at least one figure, present or missing,, sorted by area name, period and scope.</summary>
    public IReadOnlyList<FigureKey> Keys { get; }

    /// <summary>The areas that have figures.</summary>
    public IEnumerable<Area> Areas => Keys.Select(k => k.Area).Distinct();

    /// <summary>The periods that have figures, in order.</summary>
    public IEnumerable<ReportingPeriod> Periods => Keys.Select(k => k.Period).Distinct().Order();

    /// <summary>
    /// The crime scopes that have figures. A dataset imported with an offence-group filter holds only the narrowed
    /// scopes ("All crime › Violence against the person"), not <see cref="CrimeScope.AllCrime"/>.
    /// </summary>
    public IEnumerable<CrimeScope> Scopes => Keys.Select(k => k.Scope).Distinct();

    /// <summary>The count bases of its outcome counts, present or missing, in the order of <see cref="CountBasis"/>.</summary>
    public IEnumerable<CountBasis> Bases => FigureNames.Bases.Where(b => _outcomes.Keys.Any(k => k.Basis == b) || MissingFigures.Any(m => m.Basis == b));

    /// <summary>Whether the figures for <paramref name="key"/> are a published aggregate for a group of forces.</summary>
    /// <param name="key">The key.</param>
    public static bool IsPublishedAggregate(FigureKey key) => key.Area is ForceGroup;

    /// <summary>The number of crimes recorded for <paramref name="key"/>, or null when the dataset has none (see <see cref="MissingFor"/> for why).</summary>
    /// <param name="key">Area, period and scope.</param>
    public long? RecordedCrimesFor(FigureKey key) => _recorded.TryGetValue(key, out var count) ? count : null;

    /// <summary>The count bases that have outcome counts for <paramref name="key"/>.</summary>
    /// <param name="key">Area, period and scope.</param>
    public IReadOnlyList<CountBasis> BasesFor(FigureKey key)
        => FigureNames.Bases.Where(b => _outcomes.ContainsKey((key, b))).ToArray();

    /// <summary>Whether the dataset has any outcome count for <paramref name="key"/> on <paramref name="basis"/>.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public bool HasOutcomeCounts(FigureKey key, CountBasis basis) => _outcomes.ContainsKey((key, basis));

    /// <summary>
    /// The outcome counts for <paramref name="key"/> on <paramref name="basis"/>, by outcome type; empty when there are none.
    /// An outcome type absent from them was not reported (an open-data import gives every outcome type its table
    /// lists, zeros included, so there it means the table marks the figure as absent: see <see cref="MissingFor"/>).
    /// </summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public IReadOnlyDictionary<OutcomeType, long> OutcomeCountsFor(FigureKey key, CountBasis basis)
        => _outcomes.TryGetValue((key, basis), out var counts) ? counts : FrozenDictionary<OutcomeType, long>.Empty;

    /// <summary>The outcome types the source marks as absent for <paramref name="key"/> on <paramref name="basis"/>, with why; empty when there are none.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public IReadOnlyDictionary<OutcomeType, FigureAbsence> MissingOutcomeCountsFor(FigureKey key, CountBasis basis)
        => _missingOutcomes.TryGetValue((key, basis), out var missing) ? missing : FrozenDictionary<OutcomeType, FigureAbsence>.Empty;

    /// <summary>Whether the dataset has any figure for <paramref name="key"/>, present or marked missing (recorded crimes, or outcome counts on <paramref name="basis"/>).</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public bool HasAnyFigure(FigureKey key, CountBasis basis)
        => _recorded.ContainsKey(key) || _outcomes.ContainsKey((key, basis)) || _missingOutcomes.ContainsKey((key, basis)) || _missing.ContainsKey((key, null, null));

    /// <summary>The count of <paramref name="outcome"/> for <paramref name="key"/> on <paramref name="basis"/>, or null when not reported.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    /// <param name="outcome">The outcome type.</param>
    public long? OutcomeCountFor(FigureKey key, CountBasis basis, OutcomeType outcome)
        => _outcomes.TryGetValue((key, basis), out var counts) && counts.TryGetValue(outcome, out var count) ? count : null;

    /// <summary>
    /// Why the dataset has no recorded-crimes figure (when <paramref name="outcome"/> is null) or no count of
    /// <paramref name="outcome"/> on <paramref name="basis"/> for <paramref name="key"/>: the marker's reason, or
    /// <see cref="FigureAbsence.NotReported"/>; null when the figure is there.
    /// </summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis (ignored for recorded crimes).</param>
    /// <param name="outcome">The outcome type, or null for recorded crimes.</param>
    public FigureAbsence? MissingFor(FigureKey key, CountBasis basis, OutcomeType? outcome)
    {
        if (outcome is null)
        {
            return _recorded.ContainsKey(key) ? null : _missing.GetValueOrDefault((key, null, null), FigureAbsence.NotReported);
        }

        return OutcomeCountFor(key, basis, outcome) is not null ? null : _missing.GetValueOrDefault((key, basis, outcome), FigureAbsence.NotReported);
    }

    /// <summary>
    /// The force-quarters of <paramref name="force"/> within <paramref name="period"/> that lack figures on
    /// <paramref name="basis"/> (or on any basis, when null), gaps of recorded crimes included: a figure of the force
    /// for the period is partial when there are any.
    /// </summary>
    /// <param name="force">The force.</param>
    /// <param name="period">The period.</param>
    /// <param name="basis">The count basis, or null for every basis.</param>
    public IReadOnlyList<FigureGap> GapsFor(PoliceForce force, ReportingPeriod period, CountBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(force);
        return _gaps.TryGetValue(force, out var gaps)
            ? gaps.Where(g => g.FallsIn(period) && (basis is null || g.Basis is null || g.Basis == basis)).ToArray()
            : [];
    }

    /// <summary>A builder that starts with every figure of this dataset, to add more.</summary>
    public OutcomeDatasetBuilder ToBuilder()
    {
        var builder = new OutcomeDatasetBuilder();
        builder.AddRange(this);
        return builder;
    }
}
