namespace CrimeOutcomes;

/// <summary>
/// Calculates outcome ratios from a dataset: the withdrawal ratio (outcome 16, or 14 + 16), the evidential-difficulty
/// ratio (15), any outcome-set rate over recorded crimes, assigned outcomes or suspect-identified outcomes, and their
/// year-on-year changes. For a group of forces without a published figure, the ratio is Σ numerators / Σ denominators
/// over the forces that have both, never a mean of force ratios, and its coverage says which forces those are.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed partial class OutcomeRatioCalculator
{
    /// <summary>Calculates <paramref name="definition"/> for an area, period and scope.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">A force, or a group (its published figure when the dataset has one, otherwise summed over its forces).</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has for the key (a dataset that holds both the recorded and the closed basis for it throws rather than guess).</param>
    /// <returns>The ratio, undefined (not NaN) when its denominator is zero.</returns>
    /// <exception cref="KeyNotFoundException">The dataset lacks the figures the ratio needs; the message names the key.</exception>
    /// <exception cref="InvalidOperationException">No basis was given and the dataset has several for the key: the message names them and how to choose (<see cref="CountBasis.Recorded"/> is the Home Office headline).</exception>
    public Ratio Calculate(OutcomeDataset data, RatioDefinition definition, Area area, ReportingPeriod period, CrimeScope scope, CountBasis? basis = null)
        => Calculate(data, definition, new FigureKey(area, period, scope), basis);

    /// <inheritdoc cref="Calculate(OutcomeDataset, RatioDefinition, Area, ReportingPeriod, CrimeScope, CountBasis?)"/>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has for the key (a dataset that holds both the recorded and the closed basis for it throws rather than guess).</param>
    public Ratio Calculate(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(key.Area);
        var resolved = ResolveBasis(data, key, basis);
        var area = key.Area;
        if (area is PoliceForce || !area.IsMembershipListed || data.HasAnyFigure(key, resolved))
        {
            var own = Inputs.Of(data, definition, key, resolved);
            if (!own.HasAny)
            {
                throw new KeyNotFoundException(
                    $"The dataset lacks the figures for {definition.Name} for {key} ({resolved.ToDisplayName()}): it needs {definition.NumeratorLabel} and {definition.DenominatorLabel}.{DatasetContents.Describe(data, key)}");
            }

            var coverage = area is PoliceForce force
                ? Coverage.OfForce(force).WithGaps(GapsFor(data, definition, force, key.Period, resolved))
                : Coverage.OfPublished(area);
            return Make(definition, key, resolved, own, coverage);
        }

        long numerator = 0;
        long denominator = 0;
        var included = new List<PoliceForce>();
        var gaps = new List<FigureGap>();
        foreach (var force in area.Forces)
        {
            var inputs = Inputs.Of(data, definition, key with { Area = force }, resolved);
            if (!inputs.IsComplete)
            {
                continue;
            }

            numerator = CheckedSum.Add(numerator, inputs.Numerator, $"{definition.NumeratorLabel} for {key}");
            denominator = CheckedSum.Add(denominator, inputs.Denominator, $"{definition.DenominatorLabel} for {key}");
            included.Add(force);
            gaps.AddRange(GapsFor(data, definition, force, key.Period, resolved));
        }

        if (included.Count == 0)
        {
            throw new KeyNotFoundException(
                $"No force of {area.Name} has the figures for {definition.Name} for {key.Period}, {key.Scope} ({resolved.ToDisplayName()}), and the dataset has no published figure for the area.{DatasetContents.Describe(data, key)}");
        }

        return Make(definition, key, resolved, new Inputs(numerator, denominator, [], true), Coverage.OfComputed(area, included).WithGaps(gaps));
    }

    /// <summary>
    /// The ratio for each force of <paramref name="area"/> that has any figure for the key, in force name order; a
    /// force whose numerator or denominator is missing gives a ratio without counts (<see cref="Ratio.HasCounts"/>).
    /// </summary>
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
            .Where(k => data.HasAnyFigure(k, resolved))
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
        => data.RecordedCrimesFor(key) ?? throw new KeyNotFoundException($"The dataset has no recorded crimes for {key}.{DatasetContents.Describe(data, key)}");

    private static long RequireOutcome(OutcomeDataset data, FigureKey key, CountBasis basis, OutcomeType outcome)
        => data.OutcomeCountFor(key, basis, outcome) ?? throw new KeyNotFoundException($"The dataset has no count of {outcome} for {key} ({basis.ToDisplayName()}).{DatasetContents.Describe(data, key)}");

    private static Ratio Make(RatioDefinition definition, FigureKey key, CountBasis basis, Inputs inputs, Coverage coverage)
        => (inputs.Missing.Count > 0
            ? Ratio.WithoutCounts(inputs.Missing, definition.NumeratorLabel, definition.DenominatorLabel, basis, coverage)
            : new Ratio(inputs.Numerator, inputs.Denominator, definition.NumeratorLabel, definition.DenominatorLabel, basis, coverage)) with { Key = key, Definition = definition };

    /// <summary>The force-quarters the force lacks in the period on the ratio's basis, and, for recorded crimes, on the recorded basis they derive from.</summary>
    private static IEnumerable<FigureGap> GapsFor(OutcomeDataset data, RatioDefinition definition, PoliceForce force, ReportingPeriod period, CountBasis basis)
        => data.Gaps.Count == 0 ? [] : definition.Denominator == RatioDenominator.RecordedCrimes && basis != CountBasis.Recorded
            ? data.GapsFor(force, period, basis).Concat(data.GapsFor(force, period, CountBasis.Recorded))
            : data.GapsFor(force, period, basis);

    /// <summary>A ratio's counts for one key, or the figures that are missing.</summary>
    private readonly record struct Inputs(long Numerator, long Denominator, IReadOnlyList<MissingFigure> Missing, bool HasAny)
    {
        public bool IsComplete => HasAny && Missing.Count == 0;

        public static Inputs Of(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis basis)
        {
            if (!data.HasAnyFigure(key, basis))
            {
                return default;
            }

            var missing = new List<MissingFigure>();
            var counts = data.OutcomeCountsFor(key, basis);
            long numerator = 0;
            var membersFound = 0;
            foreach (var outcome in definition.Numerator)
            {
                if (counts.TryGetValue(outcome, out var count))
                {
                    numerator = CheckedSum.Add(numerator, count, $"{definition.NumeratorLabel} for {key}");
                    membersFound++;
                }
                else
                {
                    missing.Add(new MissingFigure(key, basis, outcome, data.MissingFor(key, basis, outcome) ?? FigureAbsence.NotReported));
                }
            }

            // Asked for, a missing member counts as zero beside members that have figures; with none, there is no numerator.
            if (definition.MissingOutcomesCountAsZero && membersFound > 0)
            {
                missing.Clear();
            }

            long denominator = 0;
            if (definition.Denominator == RatioDenominator.RecordedCrimes)
            {
                if (data.RecordedCrimesFor(key) is { } recorded)
                {
                    denominator = recorded;
                }
                else
                {
                    missing.Add(new MissingFigure(key, null, null, data.MissingFor(key, basis, null) ?? FigureAbsence.NotReported));
                }
            }
            else
            {
                foreach (var (outcome, count) in counts)
                {
                    if (InDenominator(definition, outcome))
                    {
                        denominator = CheckedSum.Add(denominator, count, $"{definition.DenominatorLabel} for {key}");
                    }
                }

                // An outcome type the source marks as absent leaves a sum of outcomes unknown; one it does not list is not part of it.
                foreach (var (outcome, absence) in data.MissingOutcomeCountsFor(key, basis))
                {
                    if (InDenominator(definition, outcome))
                    {
                        missing.Add(new MissingFigure(key, basis, outcome, absence));
                    }
                }

                if (counts.Count == 0 && missing.Count == 0)
                {
                    missing.Add(new MissingFigure(key, basis, definition.Numerator[0], FigureAbsence.NotReported));
                }
            }

            return new Inputs(numerator, denominator, missing.Distinct().ToArray(), true);
        }

        private static bool InDenominator(RatioDefinition definition, OutcomeType outcome)
            => outcome.IsAssignedOutcome && !outcome.IsSubset
               && (definition.Denominator == RatioDenominator.AssignedOutcomes || outcome.SuspectIdentified == true);
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
            0 => throw new KeyNotFoundException($"The dataset has no outcome counts for {key} or its forces.{DatasetContents.Describe(data, key)}"),
            _ => throw new InvalidOperationException(
                $"The dataset has outcome counts for {key} on several bases ({string.Join(", ", bases.Select(b => b.ToDisplayName()))}); say which the ratio uses: "
                + "pass basis: CountBasis.Recorded (outcomes of the crimes recorded in the period, the Home Office headline) or CountBasis.Closed (outcomes assigned in the period, whenever the crime was recorded)."),
        };
    }
}
