namespace CrimeOutcomes;

/// <summary>
/// Collects figures into an <see cref="OutcomeDataset"/>. Rejects, with a message that names the figure, a second
/// figure for the same key (it never adds two figures together silently) and negative counts, outcome 0 aside.
/// </summary>
/// <remarks>Not thread-safe; the dataset it builds is.</remarks>
public sealed class OutcomeDatasetBuilder
{
    private readonly List<RecordedCrimeFigure> _recorded = [];
    private readonly List<OutcomeCountFigure> _outcomes = [];
    private readonly HashSet<FigureKey> _recordedKeys = [];
    private readonly HashSet<(FigureKey, CountBasis, OutcomeType)> _outcomeKeys = [];

    /// <summary>How many recorded-crime figures have been added.</summary>
    public int RecordedCrimeCount => _recorded.Count;

    /// <summary>How many outcome counts have been added.</summary>
    public int OutcomeCountCount => _outcomes.Count;

    /// <summary>Adds the number of crimes recorded for an area, period and scope.</summary>
    /// <param name="area">The force, or a group whose published figure this is.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="count">The number recorded; zero or more.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="ArgumentException">The dataset already has recorded crimes for that key.</exception>
    public OutcomeDatasetBuilder AddRecordedCrimes(Area area, ReportingPeriod period, CrimeScope scope, long count)
        => AddRecordedCrimes(new FigureKey(area, period, scope), count);

    /// <inheritdoc cref="AddRecordedCrimes(Area, ReportingPeriod, CrimeScope, long)"/>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="count">The number recorded; zero or more.</param>
    public OutcomeDatasetBuilder AddRecordedCrimes(FigureKey key, long count)
    {
        Validate(key);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Recorded crimes for {key} cannot be negative.");
        }

        if (!_recordedKeys.Add(key))
        {
            throw new ArgumentException($"The dataset already has recorded crimes for {key}; a second figure for the same key is a duplicate, not something to add.", nameof(key));
        }

        _recorded.Add(new RecordedCrimeFigure(key, count));
        return this;
    }

    /// <summary>Adds the number of crimes given an outcome type for an area, period and scope, on a count basis.</summary>
    /// <param name="area">The force, or a group whose published figure this is.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">Which outcomes are counted.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="count">The count; negative only for outcome 0.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative for an outcome other than 0.</exception>
    /// <exception cref="ArgumentException">The dataset already has that count.</exception>
    public OutcomeDatasetBuilder AddOutcomeCount(Area area, ReportingPeriod period, CrimeScope scope, CountBasis basis, OutcomeType outcome, long count)
        => AddOutcomeCount(new FigureKey(area, period, scope), basis, outcome, count);

    /// <inheritdoc cref="AddOutcomeCount(Area, ReportingPeriod, CrimeScope, CountBasis, OutcomeType, long)"/>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">Which outcomes are counted.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="count">The count; negative only for outcome 0.</param>
    public OutcomeDatasetBuilder AddOutcomeCount(FigureKey key, CountBasis basis, OutcomeType outcome, long count)
    {
        Validate(key);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined count basis.");
        }

        if (count < 0 && outcome.IsAssignedOutcome)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"The count of {outcome} for {key} cannot be negative; only outcome 0 (not yet assigned) can be, after reclassification.");
        }

        if (!_outcomeKeys.Add((key, basis, outcome)))
        {
            throw new ArgumentException($"The dataset already has a count of {outcome} for {key} ({basis}); a second figure for the same key is a duplicate, not something to add.", nameof(key));
        }

        _outcomes.Add(new OutcomeCountFigure(key, basis, outcome, count));
        return this;
    }

    /// <summary>Adds every figure of <paramref name="dataset"/>, with the same checks.</summary>
    /// <param name="dataset">The figures to add.</param>
    /// <returns>This builder.</returns>
    public OutcomeDatasetBuilder AddRange(OutcomeDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var figure in dataset.RecordedCrimes)
        {
            AddRecordedCrimes(figure.Key, figure.Count);
        }

        foreach (var figure in dataset.OutcomeCounts)
        {
            AddOutcomeCount(figure.Key, figure.Basis, figure.Outcome, figure.Count);
        }

        return this;
    }

    /// <summary>The dataset of every figure added so far. The builder can go on being used.</summary>
    public OutcomeDataset Build() => new([.. _recorded], [.. _outcomes]);

    private static void Validate(FigureKey key)
    {
        ArgumentNullException.ThrowIfNull(key.Area, nameof(key.Area));
        ArgumentNullException.ThrowIfNull(key.Scope, nameof(key.Scope));
        if (!Enum.IsDefined(key.Period.Kind))
        {
            throw new ArgumentException("The figure has no period (the default ReportingPeriod).", nameof(key));
        }
    }
}
