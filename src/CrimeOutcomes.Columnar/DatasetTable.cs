namespace CrimeOutcomes.Columnar;

/// <summary>
/// An <see cref="OutcomeDataset"/> as one table, a row per figure: recorded crimes, outcome counts, missing figures
/// (with the reason, never a zero) and gaps, told apart by the <c>figure</c> column.
/// </summary>
internal static class DatasetTable
{
    public const string RecordedCrimes = "recorded_crimes";
    public const string OutcomeCount = "outcome_count";
    public const string Missing = "missing";
    public const string Gap = "gap";

    public static TableSchema Schema { get; } = new("outcome-dataset", 1,
    [
        new("figure", ColumnType.Text, false, "recorded_crimes, outcome_count, missing (a figure that is absent, with its reason) or gap (a force's quarter without figures)"),
        new("area_kind", ColumnType.Text, false, "force, region, country, england_and_wales or group"),
        new("area_name", ColumnType.Text, false, "the force's or group's name"),
        new("area_code", ColumnType.Text, true, "a force's ONS police force area code (E23000001); null for groups and national forces"),
        new("period_kind", ColumnType.Text, false, "calendar_year, financial_year or financial_quarter"),
        new("period", ColumnType.Text, false, "the period as text: 2016, 2016/17 or 2016/17 Q1"),
        new("scope", ColumnType.Text, true, "the crime scope's name (All crime); null for gaps"),
        new("offence_group", ColumnType.Text, true, "the scope's offence group, if any"),
        new("offence_subgroup", ColumnType.Text, true, "the scope's offence subgroup, if any"),
        new("offence_code", ColumnType.Text, true, "the scope's offence code as published, if any"),
        new("basis", ColumnType.Text, true, "recorded, closed or unstated; null for recorded crimes"),
        new("outcome", ColumnType.Text, true, "the outcome type's code (1, 3a, 16); null for recorded crimes"),
        new("outcome_group", ColumnType.Text, true, "the outcome type's group"),
        new("count", ColumnType.Int64, true, "the figure; null for missing figures and gaps (never zero for an absent figure)"),
        new("absence", ColumnType.Text, true, "why a missing figure or gap has no count: not_reported, not_applicable, not_available, not_provided or suppressed"),
    ],
    ["area_name", "period", "scope", "offence_group", "offence_subgroup", "offence_code", "basis", "outcome", "figure", "area_kind"]);

    /// <summary>The dataset's figures sorted by the schema's sort columns, in batches of at most <paramref name="batchSize"/> rows.</summary>
    public static IEnumerable<ColumnBatch> Batches(OutcomeDataset dataset, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var count = dataset.RecordedCrimes.Count + dataset.OutcomeCounts.Count + dataset.MissingFigures.Count + dataset.Gaps.Count;
        var all = new ColumnBatch(Schema, count);
        foreach (var recorded in dataset.RecordedCrimes)
        {
            Add(all, RecordedCrimes, recorded.Key, null, null, recorded.Count, null);
        }

        foreach (var outcome in dataset.OutcomeCounts)
        {
            Add(all, OutcomeCount, outcome.Key, outcome.Basis, outcome.Outcome, outcome.Count, null);
        }

        foreach (var missing in dataset.MissingFigures)
        {
            Add(all, Missing, missing.Key, missing.Basis, missing.Outcome, null, missing.Absence);
        }

        foreach (var gap in dataset.Gaps)
        {
            Add(all, Gap, new FigureKey(gap.Force, gap.Quarter, null!), gap.Basis, null, null, gap.Absence);
        }

        var sorted = new ColumnBatch(Schema, count);
        all.SortInto(sorted);
        if (count <= batchSize)
        {
            yield return sorted;
            yield break;
        }

        for (var start = 0; start < count; start += batchSize)
        {
            yield return sorted.Slice(start, Math.Min(batchSize, count - start));
        }
    }

    private static void Add(ColumnBatch batch, string figure, FigureKey key, CountBasis? basis, OutcomeType? outcome, long? count, FigureAbsence? absence)
    {
        var i = batch.Count++;
        batch.Text(0)[i] = figure;
        batch.Text(1)[i] = ColumnNames.Kind(key.Area.Kind);
        batch.Text(2)[i] = key.Area.Name;
        batch.Text(3)[i] = (key.Area as PoliceForce)?.AreaCode?.Value;
        batch.Text(4)[i] = ColumnNames.PeriodKind(key.Period.Kind);
        batch.Text(5)[i] = key.Period.ToString();
        batch.Text(6)[i] = key.Scope?.Name;
        batch.Text(7)[i] = key.Scope?.OffenceGroup;
        batch.Text(8)[i] = key.Scope?.OffenceSubgroup;
        batch.Text(9)[i] = key.Scope?.OffenceCode?.Value;
        batch.Text(10)[i] = ColumnNames.Basis(basis);
        batch.Text(11)[i] = outcome?.Code;
        batch.Text(12)[i] = outcome?.Group.Name;
        batch.Int64(13)[i] = count;
        batch.Text(14)[i] = ColumnNames.Absence(absence);
    }

    /// <summary>
    /// Rebuilds the dataset from the rows of a file written by <see cref="Batches"/>. The figures were validated when
    /// they were imported, so only what is needed to rebuild them is checked; a value the schema does not allow is
    /// reported with the file and column.
    /// </summary>
    public static OutcomeDataset Read(IEnumerable<ColumnBatch> batches, string? groups, ColumnarReadOptions options, string path)
    {
        var reader = new RowReader(path, options, AreaDirectory.Read(groups, options, path));
        var builder = new OutcomeDatasetBuilder();
        foreach (var batch in batches)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                reader.Add(builder, batch, i);
            }
        }

        return builder.Build();
    }

    private sealed class RowReader(string path, ColumnarReadOptions options, Dictionary<(AreaKind Kind, string Name), Area> groups)
    {
        private readonly References _references = new(options, path);
        private readonly Dictionary<string, ReportingPeriod> _periods = new(StringComparer.Ordinal);

        public void Add(OutcomeDatasetBuilder builder, ColumnBatch batch, int i)
        {
            var figure = Required(batch, 0, i);
            var area = Area(batch, i);
            var period = Period(Required(batch, 5, i));
            var basis = batch.Text(10)[i] is { } basisText ? ColumnNames.ParseBasis(basisText) ?? throw Bad(10, $"'{basisText}' is not a count basis.") : (CountBasis?)null;
            switch (figure)
            {
                case RecordedCrimes:
                    builder.AddRecordedCrimes(new FigureKey(area, period, Scope(batch, i)), Count(batch, i));
                    break;
                case OutcomeCount:
                    builder.AddOutcomeCount(new FigureKey(area, period, Scope(batch, i)), basis ?? throw Bad(10, "an outcome count needs a basis."), Outcome(batch, i), Count(batch, i));
                    break;
                case Missing:
                    var key = new FigureKey(area, period, Scope(batch, i));
                    if (batch.Text(11)[i] is null)
                    {
                        builder.AddMissingRecordedCrimes(key, Absence(batch, i));
                    }
                    else
                    {
                        builder.AddMissingOutcomeCount(key, basis ?? throw Bad(10, "a missing outcome count needs a basis."), Outcome(batch, i), Absence(batch, i));
                    }

                    break;
                case Gap:
                    var force = area as PoliceForce ?? throw Bad(1, "a gap is of a police force.");
                    builder.AddGap(new FigureGap(force, period.Kind == PeriodKind.FinancialQuarter ? period.AsFinancialQuarter() : throw Bad(5, "a gap is of a financial quarter."), basis, Absence(batch, i)));
                    break;
                default:
                    throw Bad(0, $"'{figure}' is not a kind of figure: expected {RecordedCrimes}, {OutcomeCount}, {Missing} or {Gap}.");
            }
        }

        private ColumnarSchemaException Bad(int column, string message) => new(path, Schema.Columns[column].Name, message);

        private string Required(ColumnBatch batch, int column, int i) => batch.Text(column)[i] ?? throw Bad(column, "null where the schema requires a value.");

        private long Count(ColumnBatch batch, int i) => batch.Int64(13)[i] ?? throw Bad(13, "null in a row with a count.");

        private FigureAbsence Absence(ColumnBatch batch, int i)
        {
            var text = Required(batch, 14, i);
            return ColumnNames.ParseAbsence(text) ?? throw Bad(14, $"'{text}' is not a reason for an absent figure.");
        }

        private Area Area(ColumnBatch batch, int i)
        {
            var kindText = Required(batch, 1, i);
            var name = Required(batch, 2, i);
            var kind = ColumnNames.ParseKind(kindText) ?? throw Bad(1, $"'{kindText}' is not an area kind.");
            if (kind != AreaKind.Force)
            {
                return groups.TryGetValue((kind, name), out var group)
                    ? group
                    : throw new ColumnarSchemaException(path, AreaDirectory.Key, $"the {kindText} '{name}' is not among the groups the file declares.");
            }

            return _references.Force(batch.Text(3)[i], name, "area_name");
        }

        private ReportingPeriod Period(string text)
        {
            if (!_periods.TryGetValue(text, out var period))
            {
                period = ReportingPeriod.TryParse(text, out var parsed) ? parsed : throw Bad(5, $"'{text}' is not a reporting period.");
                _periods.Add(text, period);
            }

            return period;
        }

        private CrimeScope Scope(ColumnBatch batch, int i)
            => _references.Scope(Required(batch, 6, i), batch.Text(7)[i], batch.Text(8)[i], batch.Text(9)[i], "offence_code");

        private OutcomeType Outcome(ColumnBatch batch, int i) => _references.Outcome(Required(batch, 11, i), "outcome");
    }
}
