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

    /// <summary>
    /// Outcome counts by type (summed over the forces of <see cref="OutcomeCountsCoverage"/>). A sum over forces
    /// holds an outcome type only when every one of those forces gave a figure for it; the others are in
    /// <see cref="MissingOutcomes"/>.
    /// </summary>
    public IReadOnlyDictionary<OutcomeType, long> OutcomeCounts { get; }

    /// <summary>The forces whose outcome counts are included.</summary>
    public Coverage OutcomeCountsCoverage { get; }

    /// <summary>The outcome types some included force has no figure for, with the forces that lack each (the source's own missing figures for an area's own figures).</summary>
    public IReadOnlyDictionary<OutcomeType, IReadOnlyList<MissingFigure>> MissingOutcomes { get; init; } = new Dictionary<OutcomeType, IReadOnlyList<MissingFigure>>();

    /// <summary>The count of <paramref name="outcome"/>, or null when it was not reported (by the area, or by some included force): never a zero that was not published.</summary>
    /// <param name="outcome">The outcome type.</param>
    public long? CountOf(OutcomeType outcome) => OutcomeCounts.TryGetValue(outcome, out var count) ? count : null;
}
