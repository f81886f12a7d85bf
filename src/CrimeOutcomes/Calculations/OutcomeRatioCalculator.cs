namespace CrimeOutcomes;

/// <summary>
/// Calculates outcome ratios from a dataset: the withdrawal ratio (outcome 16, or 14 + 16), the evidential-difficulty
/// ratio (15), any outcome-set rate over recorded crimes, assigned outcomes or suspect-identified outcomes, and their
/// year-on-year changes. For a group of forces without a published figure, the ratio is Σ numerators / Σ denominators
/// over the forces that have both, never a mean of force ratios, and its coverage says which forces those are.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class OutcomeRatioCalculator
{
    /// <summary>Calculates <paramref name="definition"/> for an area, period and scope.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">A force, or a group (its published figure when the dataset has one, otherwise summed over its forces).</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has for the key.</param>
    /// <returns>The ratio, undefined (not NaN) when its denominator is zero.</returns>
    /// <exception cref="KeyNotFoundException">The dataset lacks the figures the ratio needs; the message names the key.</exception>
    /// <exception cref="InvalidOperationException">No basis was given and the dataset has several for the key.</exception>
    public Ratio Calculate(OutcomeDataset data, RatioDefinition definition, Area area, ReportingPeriod period, CrimeScope scope, CountBasis? basis = null)
        => Calculate(data, definition, new FigureKey(area, period, scope), basis);

    /// <inheritdoc cref="Calculate(OutcomeDataset, RatioDefinition, Area, ReportingPeriod, CrimeScope, CountBasis?)"/>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has for the key.</param>
    public Ratio Calculate(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(key.Area);
        var resolved = ResolveBasis(data, key, basis);
        var area = key.Area;
        if (area is PoliceForce || !area.IsMembershipListed || HasAnyOwnFigure(data, key, resolved))
        {
            if (!HasInputs(data, definition, key, resolved))
            {
                throw new KeyNotFoundException(
                    $"The dataset lacks the figures for {definition.Name} for {key} ({resolved}): it needs {definition.NumeratorLabel} and {definition.DenominatorLabel}.");
            }

            var coverage = area is PoliceForce force ? Coverage.OfForce(force) : Coverage.OfPublished(area);
            var counts = data.OutcomeCountsFor(key, resolved);
            return Make(definition, key, resolved, Numerator(definition, counts, key), Denominator(definition, data, key, counts), coverage);
        }

        long numerator = 0;
        long denominator = 0;
        var included = new List<PoliceForce>();
        foreach (var force in area.Forces)
        {
            var forceKey = key with { Area = force };
            if (!HasInputs(data, definition, forceKey, resolved))
            {
                continue;
            }

            var counts = data.OutcomeCountsFor(forceKey, resolved);
            numerator = CheckedSum.Add(numerator, Numerator(definition, counts, key), $"{definition.NumeratorLabel} for {key}");
            denominator = CheckedSum.Add(denominator, Denominator(definition, data, forceKey, counts), $"{definition.DenominatorLabel} for {key}");
            included.Add(force);
        }

        if (included.Count == 0)
        {
            throw new KeyNotFoundException(
                $"No force of {area.Name} has the figures for {definition.Name} for {key.Period}, {key.Scope} ({resolved}), and the dataset has no published figure for the area.");
        }

        return Make(definition, key, resolved, numerator, denominator, Coverage.OfComputed(area, included));
    }

    /// <summary>The ratio for each force of <paramref name="area"/> that has the figures it needs, in force name order.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">The area whose forces to list.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has.</param>
    public IReadOnlyList<Ratio> ByForce(OutcomeDataset data, RatioDefinition definition, Area area, ReportingPeriod period, CrimeScope scope, CountBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(area);
        var resolved = ResolveBasis(data, new FigureKey(area, period, scope), basis);
        return area.Forces
            .Select(f => new FigureKey(f, period, scope))
            .Where(k => HasInputs(data, definition, k, resolved))
            .Select(k => Calculate(data, definition, k, resolved))
            .ToArray();
    }

    /// <summary>The change of <paramref name="definition"/> from the same period a year earlier to <paramref name="key"/>'s period.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="key">The later area, period and scope.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has.</param>
    /// <exception cref="KeyNotFoundException">Either year lacks figures.</exception>
    public RatioChange YearOnYear(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis? basis = null)
        => new(Calculate(data, definition, key with { Period = key.Period.YearEarlier() }, basis), Calculate(data, definition, key, basis));

    /// <summary>The change of recorded crimes from the same period a year earlier to <paramref name="key"/>'s period (the area's own figures).</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="key">The later area, period and scope.</param>
    /// <exception cref="KeyNotFoundException">Either year lacks the figure.</exception>
    public CountChange RecordedCrimesYearOnYear(OutcomeDataset data, FigureKey key)
    {
        ArgumentNullException.ThrowIfNull(data);
        var earlier = key with { Period = key.Period.YearEarlier() };
        return new CountChange(RequireRecorded(data, earlier), RequireRecorded(data, key));
    }

    /// <summary>The change of one outcome's count from the same period a year earlier to <paramref name="key"/>'s period (the area's own figures).</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="key">The later area, period and scope.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has.</param>
    /// <exception cref="KeyNotFoundException">Either year lacks the figure.</exception>
    public CountChange OutcomeYearOnYear(OutcomeDataset data, FigureKey key, OutcomeType outcome, CountBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outcome);
        var earlier = key with { Period = key.Period.YearEarlier() };
        var resolved = ResolveBasis(data, key, basis);
        return new CountChange(RequireOutcome(data, earlier, resolved, outcome), RequireOutcome(data, key, resolved, outcome));
    }

    private static long RequireRecorded(OutcomeDataset data, FigureKey key)
        => data.RecordedCrimesFor(key) ?? throw new KeyNotFoundException($"The dataset has no recorded crimes for {key}.");

    private static long RequireOutcome(OutcomeDataset data, FigureKey key, CountBasis basis, OutcomeType outcome)
        => data.OutcomeCountFor(key, basis, outcome) ?? throw new KeyNotFoundException($"The dataset has no count of {outcome} for {key} ({basis}).");

    private static Ratio Make(RatioDefinition definition, FigureKey key, CountBasis basis, long numerator, long denominator, Coverage coverage)
        => new(numerator, denominator, definition.NumeratorLabel, definition.DenominatorLabel, basis, coverage) { Key = key, Definition = definition };

    private static bool HasAnyOwnFigure(OutcomeDataset data, FigureKey key, CountBasis basis)
        => data.RecordedCrimesFor(key) is not null || data.HasOutcomeCounts(key, basis);

    private static bool HasInputs(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis basis)
        => data.HasOutcomeCounts(key, basis)
           && (definition.Denominator != RatioDenominator.RecordedCrimes || data.RecordedCrimesFor(key) is not null);

    private static long Numerator(RatioDefinition definition, IReadOnlyDictionary<OutcomeType, long> counts, FigureKey key)
    {
        long sum = 0;
        foreach (var outcome in definition.Numerator)
        {
            sum = CheckedSum.Add(sum, counts.GetValueOrDefault(outcome), $"{definition.NumeratorLabel} for {key}");
        }

        return sum;
    }

    private static long Denominator(RatioDefinition definition, OutcomeDataset data, FigureKey key, IReadOnlyDictionary<OutcomeType, long> counts)
    {
        if (definition.Denominator == RatioDenominator.RecordedCrimes)
        {
            return data.RecordedCrimesFor(key)!.Value;
        }

        long sum = 0;
        foreach (var (outcome, count) in counts)
        {
            var included = outcome.IsAssignedOutcome && !outcome.IsSubset
                && (definition.Denominator == RatioDenominator.AssignedOutcomes || outcome.SuspectIdentified == true);
            if (included)
            {
                sum = CheckedSum.Add(sum, count, $"{definition.DenominatorLabel} for {key}");
            }
        }

        return sum;
    }

    private static CountBasis ResolveBasis(OutcomeDataset data, FigureKey key, CountBasis? basis)
    {
        if (basis is { } given)
        {
            return given;
        }

        var bases = data.BasesFor(key).Concat(key.Area.Forces.SelectMany(f => data.BasesFor(key with { Area = f }))).Distinct().ToArray();
        return bases.Length switch
        {
            1 => bases[0],
            0 => throw new KeyNotFoundException($"The dataset has no outcome counts for {key} or its forces."),
            _ => throw new InvalidOperationException(
                $"The dataset has outcome counts for {key} on several bases ({string.Join(", ", bases)}); say which basis the ratio uses."),
        };
    }
}
