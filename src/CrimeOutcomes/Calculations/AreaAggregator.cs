namespace CrimeOutcomes;

/// <summary>
/// Sums force figures into areas: England, Wales, England and Wales, a region, any group, and "the rest of" an
/// area (<see cref="ForceGroup.Excluding(PoliceForce[])"/>), reporting which forces contributed and which are missing.
/// National figures are sums of counts, never averages of force rates.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class AreaAggregator
{
    /// <summary>
    /// The figures of <paramref name="area"/>: its own when the dataset has them (a force, or a published group
    /// figure), otherwise the checked sums over its forces that have figures.
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="area">The area.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis of the outcome counts.</param>
    /// <exception cref="KeyNotFoundException">Neither the area nor any of its forces has figures for that period and scope.</exception>
    /// <exception cref="OverflowException">A sum exceeds a 64-bit count.</exception>
    public AreaAggregate Aggregate(OutcomeDataset data, Area area, ReportingPeriod period, CrimeScope scope, CountBasis basis)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(scope);
        var key = new FigureKey(area, period, scope);
        var own = data.RecordedCrimesFor(key);
        if (own is not null || data.HasOutcomeCounts(key, basis) || !area.IsMembershipListed || area is PoliceForce)
        {
            if (own is null && !data.HasOutcomeCounts(key, basis))
            {
                throw NoFigures(data, key, basis);
            }

            var coverage = area is PoliceForce force ? Coverage.OfForce(force).WithGaps(data.GapsFor(force, period, basis)) : Coverage.OfPublished(area);
            return new AreaAggregate(key, basis, false, own, coverage, data.OutcomeCountsFor(key, basis), coverage)
            {
                MissingOutcomes = data.MissingOutcomeCountsFor(key, basis).ToDictionary(m => m.Key, m => (IReadOnlyList<MissingFigure>)[new MissingFigure(key, basis, m.Key, m.Value)]),
            };
        }

        long? recorded = null;
        var recordedForces = new List<PoliceForce>();
        var outcomeForces = new List<PoliceForce>();
        var counts = new Dictionary<OutcomeType, long>();
        var reportedBy = new Dictionary<OutcomeType, int>();
        var gaps = new List<FigureGap>();
        foreach (var force in area.Forces)
        {
            var forceKey = key with { Area = force };
            if (data.RecordedCrimesFor(forceKey) is { } forceRecorded)
            {
                recorded = CheckedSum.Add(recorded ?? 0, forceRecorded, $"recorded crimes for {key}");
                recordedForces.Add(force);
            }

            if (data.HasOutcomeCounts(forceKey, basis))
            {
                outcomeForces.Add(force);
                foreach (var (outcome, count) in data.OutcomeCountsFor(forceKey, basis))
                {
                    counts[outcome] = CheckedSum.Add(counts.GetValueOrDefault(outcome), count, $"{outcome} for {key}");
                    reportedBy[outcome] = reportedBy.GetValueOrDefault(outcome) + 1;
                }
            }

            gaps.AddRange(data.GapsFor(force, period, basis));
        }

        if (recordedForces.Count == 0 && outcomeForces.Count == 0)
        {
            throw NoFigures(data, key, basis);
        }

        // A sum that some forces have no figure for is not the area's figure: it is left out and said to be missing.
        var missing = new Dictionary<OutcomeType, IReadOnlyList<MissingFigure>>();
        foreach (var (outcome, forces) in reportedBy.Where(r => r.Value < outcomeForces.Count).ToArray())
        {
            counts.Remove(outcome);
            missing[outcome] = outcomeForces
                .Where(f => !data.OutcomeCountsFor(key with { Area = f }, basis).ContainsKey(outcome))
                .Select(f => new MissingFigure(key with { Area = f }, basis, outcome, data.MissingFor(key with { Area = f }, basis, outcome) ?? FigureAbsence.NotReported))
                .ToArray();
        }

        return new AreaAggregate(key, basis, true, recorded, Coverage.OfComputed(area, recordedForces).WithGaps(gaps), counts, Coverage.OfComputed(area, outcomeForces).WithGaps(gaps))
        {
            MissingOutcomes = missing,
        };
    }

    private static KeyNotFoundException NoFigures(OutcomeDataset data, FigureKey key, CountBasis basis)
        => new($"The dataset has no figures for {key} ({basis.ToDisplayName()}), neither for the area itself nor for any of its forces.{DatasetContents.Describe(data, key)}");
}
