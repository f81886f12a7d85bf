namespace CrimeOutcomes;

/// <summary>
/// The figures of an area for one period, scope and count basis: the force's own, a group's published figures, or
/// sums over the group's forces, each measure with the coverage of the forces it includes.
/// </summary>
public sealed class AreaAggregate
{
    internal AreaAggregate(FigureKey key, CountBasis basis, bool isComputed, long? recordedCrimes, Coverage recordedCoverage,
        IReadOnlyDictionary<OutcomeType, long> outcomeCounts, Coverage outcomeCoverage)
    {
        Key = key;
        Basis = basis;
        IsComputed = isComputed;
        RecordedCrimes = recordedCrimes;
        RecordedCrimesCoverage = recordedCoverage;
        OutcomeCounts = outcomeCounts;
        OutcomeCountsCoverage = outcomeCoverage;
    }

    /// <summary>The area, period and scope.</summary>
    public FigureKey Key { get; }

    /// <summary>The count basis of <see cref="OutcomeCounts"/>.</summary>
    public CountBasis Basis { get; }

    /// <summary>True when the figures are sums over member forces; false when they are the area's own (a force's, or a group's published figures).</summary>
    public bool IsComputed { get; }

    /// <summary>Recorded crimes, or null when no included force had them.</summary>
    public long? RecordedCrimes { get; }

    /// <summary>The forces whose recorded crimes are included.</summary>
    public Coverage RecordedCrimesCoverage { get; }

    /// <summary>Outcome counts by type (summed over the forces of <see cref="OutcomeCountsCoverage"/>).</summary>
    public IReadOnlyDictionary<OutcomeType, long> OutcomeCounts { get; }

    /// <summary>The forces whose outcome counts are included.</summary>
    public Coverage OutcomeCountsCoverage { get; }

    /// <summary>The count of <paramref name="outcome"/>, zero when not reported by any included force.</summary>
    /// <param name="outcome">The outcome type.</param>
    public long CountOf(OutcomeType outcome) => OutcomeCounts.TryGetValue(outcome, out var count) ? count : 0;
}
