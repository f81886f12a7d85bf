namespace CrimeOutcomes;

/// <summary>
/// Collects figures into an <see cref="OutcomeDataset"/>. Rejects, with a message that names the figure, a second
/// figure for the same key (it never adds two figures together silently), a figure that is also marked missing,
/// and negative recorded crimes. Outcome counts may be negative: the published tables correct earlier quarters so.
/// </summary>
/// <remarks>Not thread-safe; the dataset it builds is.</remarks>
public sealed class OutcomeDatasetBuilder
{
    private readonly List<RecordedCrimeFigure> _recorded = [];
    private readonly List<OutcomeCountFigure> _outcomes = [];
    private readonly HashSet<FigureKey> _recordedKeys = [];
    private readonly HashSet<(FigureKey, CountBasis, OutcomeType)> _outcomeKeys = [];
    private readonly List<MissingFigure> _missing = [];
    private readonly List<FigureGap> _gaps = [];
    private readonly HashSet<FigureGap> _gapSet = [];

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

        AddRecordedKey(key);
        _recorded.Add(new RecordedCrimeFigure(key, count));
        return this;
    }

    /// <summary>Adds the number of crimes given an outcome type for an area, period and scope, on a count basis.</summary>
    /// <param name="area">The force, or a group whose published figure this is.</param>
    /// <param name="period">The period.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">Which outcomes are counted.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="count">The count; negative for a published correction.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The dataset already has that count, or has it as missing.</exception>
    public OutcomeDatasetBuilder AddOutcomeCount(Area area, ReportingPeriod period, CrimeScope scope, CountBasis basis, OutcomeType outcome, long count)
        => AddOutcomeCount(new FigureKey(area, period, scope), basis, outcome, count);

    /// <inheritdoc cref="AddOutcomeCount(Area, ReportingPeriod, CrimeScope, CountBasis, OutcomeType, long)"/>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">Which outcomes are counted.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="count">The count; negative for a published correction.</param>
    public OutcomeDatasetBuilder AddOutcomeCount(FigureKey key, CountBasis basis, OutcomeType outcome, long count)
    {
        Validate(key);
        AddOutcomeKey(key, basis, outcome);
        _outcomes.Add(new OutcomeCountFigure(key, basis, outcome, count));
        return this;
    }

    /// <summary>Records that the source gives no recorded-crimes figure for <paramref name="key"/>, and why.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="absence">Why there is no figure.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The dataset already has recorded crimes for that key, or has them as missing.</exception>
    public OutcomeDatasetBuilder AddMissingRecordedCrimes(FigureKey key, FigureAbsence absence)
    {
        Validate(key);
        ValidateAbsence(absence);
        AddRecordedKey(key);
        _missing.Add(new MissingFigure(key, null, null, absence));
        return this;
    }

    /// <summary>Records that the source gives no count of <paramref name="outcome"/> for <paramref name="key"/> on <paramref name="basis"/>, and why.</summary>
    /// <param name="key">Area, period and scope.</param>
    /// <param name="basis">The count basis.</param>
    /// <param name="outcome">The outcome type.</param>
    /// <param name="absence">Why there is no figure.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The dataset already has that count, or has it as missing.</exception>
    public OutcomeDatasetBuilder AddMissingOutcomeCount(FigureKey key, CountBasis basis, OutcomeType outcome, FigureAbsence absence)
    {
        Validate(key);
        ValidateAbsence(absence);
        AddOutcomeKey(key, basis, outcome);
        _missing.Add(new MissingFigure(key, basis, outcome, absence));
        return this;
    }

    /// <summary>Records a force-quarter whose figures the source lacks; figures of periods containing it are partial. A repeated gap is added once.</summary>
    /// <param name="gap">The gap.</param>
    /// <returns>This builder.</returns>
    public OutcomeDatasetBuilder AddGap(FigureGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(gap.Force, nameof(gap));
        ValidateAbsence(gap.Absence);
        if (_gapSet.Add(gap))
        {
            _gaps.Add(gap);
        }

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

        foreach (var missing in dataset.MissingFigures)
        {
            _ = missing.Outcome is { } outcome
                ? AddMissingOutcomeCount(missing.Key, missing.Basis ?? CountBasis.Unstated, outcome, missing.Absence)
                : AddMissingRecordedCrimes(missing.Key, missing.Absence);
        }

        foreach (var gap in dataset.Gaps)
        {
            AddGap(gap);
        }

        return this;
    }

    /// <summary>The dataset of every figure added so far. The builder can go on being used.</summary>
    public OutcomeDataset Build() => new([.. _recorded], [.. _outcomes], [.. _missing], [.. _gaps]);

    private void AddRecordedKey(FigureKey key)
    {
        if (!_recordedKeys.Add(key))
        {
            throw new ArgumentException($"The dataset already has recorded crimes for {key} (or has them as missing); a second figure for the same key is a duplicate, not something to add.", nameof(key));
        }
    }

    private void AddOutcomeKey(FigureKey key, CountBasis basis, OutcomeType outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined count basis.");
        }

        if (!_outcomeKeys.Add((key, basis, outcome)))
        {
            throw new ArgumentException($"The dataset already has a count of {outcome} for {key} ({basis.ToDisplayName()}), or has it as missing; a second figure for the same key is a duplicate, not something to add.", nameof(key));
        }
    }

    private static void ValidateAbsence(FigureAbsence absence)
    {
        if (!Enum.IsDefined(absence))
        {
            throw new ArgumentOutOfRangeException(nameof(absence), absence, "Not a defined reason for an absent figure.");
        }
    }

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
