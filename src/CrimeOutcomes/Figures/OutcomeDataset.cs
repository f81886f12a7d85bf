using System.Collections.Frozen;

namespace CrimeOutcomes;

/// <summary>
/// An immutable set of recorded-crime and outcome figures with fast lookups, made by an
/// <see cref="OutcomeDatasetBuilder"/> or an importer. Figures for a <see cref="PoliceForce"/> are the force's own;
/// figures for a <see cref="ForceGroup"/> are published aggregates (as the source gave them, not sums we made).
/// </summary>
/// <remarks>Safe to share across threads.</remarks>
public sealed class OutcomeDataset
{
    private readonly FrozenDictionary<FigureKey, long> _recorded;
    private readonly FrozenDictionary<(FigureKey Key, CountBasis Basis), FrozenDictionary<OutcomeType, long>> _outcomes;

    internal OutcomeDataset(IReadOnlyList<RecordedCrimeFigure> recorded, IReadOnlyList<OutcomeCountFigure> outcomes)
    {
        RecordedCrimes = recorded;
        OutcomeCounts = outcomes;
        _recorded = recorded.ToFrozenDictionary(f => f.Key, f => f.Count);
        _outcomes = outcomes
            .GroupBy(f => (f.Key, f.Basis))
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(f => f.Outcome, f => f.Count));
        Keys = recorded.Select(f => f.Key).Concat(outcomes.Select(f => f.Key)).Distinct()
            .OrderBy(k => k.Area.Name, StringComparer.Ordinal).ThenBy(k => k.Period).ThenBy(k => k.Scope.ToString(), StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A dataset with no figures.</summary>
    public static OutcomeDataset Empty { get; } = new([], []);

    /// <summary>Every recorded-crime figure, in the order added.</summary>
    public IReadOnlyList<RecordedCrimeFigure> RecordedCrimes { get; }

    /// <summary>Every outcome count, in the order added.</summary>
    public IReadOnlyList<OutcomeCountFigure> OutcomeCounts { get; }

    /// <summary>Every (area, period, scope) that has at least one figure, sorted by area name, period and scope.</summary>
    public IReadOnlyList<FigureKey> Keys { get; }

    /// <summary>The areas that have figures.</summary>
    public IEnumerable<Area> Areas => Keys.Select(k => k.Area).Distinct();

    /// <summary>The periods that have figures, in order.</summary>
    public IEnumerable<ReportingPeriod> Periods => Keys.Select(k => k.Period).Distinct().Order();

    /// <summary>The crime scopes that have figures.</summary>
    public IEnumerable<CrimeScope> Scopes => Keys.Select(k => k.Scope).Distinct();

    /// <summary>Whether the figures for <paramref name="key"/> are a published aggregate for a group of forces.</summary>
    /// <param name="key">The key.</param>
    public static bool IsPublishedAggregate(FigureKey key) => key.Area is ForceGroup;

    /// <summary>The number of crimes recorded for <paramref name="key"/>, or null when the dataset has none.</summary>
    /// <param name="key">Area, period and scope.</param>
    public long? RecordedCrimesFor(FigureKey key) => _recorded.TryGetValue(key, out var count) ? count : null;

    /// <summary>The count bases that have outcome counts for <paramref name="key"/>.</summary>
    /// <param name="key">Area, period and scope.</param>
    public IReadOnlyList<CountBasis> BasesFor(FigureKey key)
        => Enum.GetValues<CountBasis>().Where(b => _outcomes.ContainsKey((key, b))).ToArray();

    /// <summary>Whether the dataset has any outcome count for <paramref name="key"/> on <paramref name="basis"/>.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public bool HasOutcomeCounts(FigureKey key, CountBasis basis) => _outcomes.ContainsKey((key, basis));

    /// <summary>
    /// The outcome counts for <paramref name="key"/> on <paramref name="basis"/>, by outcome type; empty when there are none.
    /// An outcome type absent from a key that has other counts was not reported.
    /// </summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    public IReadOnlyDictionary<OutcomeType, long> OutcomeCountsFor(FigureKey key, CountBasis basis)
        => _outcomes.TryGetValue((key, basis), out var counts) ? counts : FrozenDictionary<OutcomeType, long>.Empty;

    /// <summary>The count of <paramref name="outcome"/> for <paramref name="key"/> on <paramref name="basis"/>, or null when not reported.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    /// <param name="outcome">The outcome type.</param>
    public long? OutcomeCountFor(FigureKey key, CountBasis basis, OutcomeType outcome)
        => _outcomes.TryGetValue((key, basis), out var counts) && counts.TryGetValue(outcome, out var count) ? count : null;

    /// <summary>A builder that starts with every figure of this dataset, to add more.</summary>
    public OutcomeDatasetBuilder ToBuilder()
    {
        var builder = new OutcomeDatasetBuilder();
        builder.AddRange(this);
        return builder;
    }
}
