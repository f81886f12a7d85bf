using CrimeOutcomes.Import;

namespace CrimeOutcomes.Columnar;

/// <summary>Reads back the row-level table written by <see cref="OpenDataRowWriter"/> and sums it to any grain.</summary>
public static class OpenDataRowTable
{
    /// <summary>The version of the row-level schema this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// Sums the rows of a row-level Parquet or Arrow file to <paramref name="grain"/> as the importer does: every outcome type of
    /// the table for every key (zero when a key has no row for it), a figure whose cells all held markers missing with the
    /// marker's reason (never zero), and recorded crimes derived from the recorded-basis counts. Gaps are not rebuilt.
    /// One row group is held in memory at a time.
    /// </summary>
    /// <param name="path">The Parquet or Arrow file.</param>
    /// <param name="grain">The grain (by default force × financial year × outcome type).</param>
    /// <param name="options">The force registry and outcome catalogue to resolve references with.</param>
    /// <returns>The dataset at that grain.</returns>
    /// <exception cref="ColumnarSchemaException">The file is not a row-level file of this schema version, or lacks a column.</exception>
    public static OutcomeDataset Aggregate(string path, RowAggregation? grain = null, ColumnarReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var summing = new RowSums(grain ?? RowAggregation.Default, options ?? ColumnarReadOptions.Default, path);
        Readers.Read(RowTable.Schema, path, summing.Add);
        return summing.Build();
    }

    private sealed class RowSums(RowAggregation grain, ColumnarReadOptions options, string path)
    {
        private readonly References _references = new(options, path);
        private readonly Dictionary<(FigureKey Key, OutcomeType Outcome), Sum> _sums = [];

        public void Add(ColumnBatch batch)
        {
            var forceCode = batch.Text(0);
            var forceName = batch.Text(1);
            var year = batch.Text(2);
            var quarter = batch.Int32(3);
            var outcome = batch.Text(7);
            var recorded = batch.Int64(9);
            var recordedAbsence = batch.Text(10);
            var assigned = batch.Int64(11);
            var assignedAbsence = batch.Text(12);
            for (var i = 0; i < batch.Count; i++)
            {
                var force = _references.Force(forceCode[i], forceName[i]!, "force_name");
                var financialYear = FinancialYear.Parse(year[i]!);
                ReportingPeriod period = grain.ByQuarter
                    ? FinancialQuarter.Of(financialYear, quarter[i] ?? throw new ColumnarSchemaException(path, "quarter", "null in a file summed by quarter."))
                    : financialYear;
                var key = new FigureKey(force, period, Scope(batch, i));
                ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sums, (key, _references.Outcome(outcome[i]!, "outcome")), out _);
                sum.Recorded.Add(recorded[i], recordedAbsence[i]);
                sum.Assigned.Add(assigned[i], assignedAbsence[i]);
            }
        }

        public OutcomeDataset Build()
        {
            var builder = new OutcomeDatasetBuilder();
            var outcomes = _sums.Keys.Select(k => k.Outcome).Distinct().Order().ToArray();
            var keys = _sums.Keys.Select(k => k.Key).Distinct()
                .OrderBy(k => k.Area.Name, StringComparer.Ordinal).ThenBy(k => k.Period).ThenBy(k => k.Scope.ToString(), StringComparer.Ordinal);
            foreach (var key in keys)
            {
                long derived = 0;
                FigureAbsence? derivedAbsence = null;
                foreach (var outcome in outcomes)
                {
                    var found = _sums.TryGetValue((key, outcome), out var sum);
                    var absence = Add(builder, key, CountBasis.Recorded, outcome, found ? sum.Recorded : null);
                    Add(builder, key, CountBasis.Closed, outcome, found ? sum.Assigned : null);
                    if (!outcome.IsSubset)
                    {
                        derivedAbsence ??= absence;
                        derived = checked(derived + (found ? sum.Recorded.Total : 0));
                    }
                }

                if (grain.DeriveRecordedCrimes)
                {
                    if (derivedAbsence is { } absence)
                    {
                        builder.AddMissingRecordedCrimes(key, absence);
                    }
                    else if (derived >= 0)
                    {
                        builder.AddRecordedCrimes(key, derived);
                    }
                }
            }

            return builder.Build();
        }

        private static FigureAbsence? Add(OutcomeDatasetBuilder builder, FigureKey key, CountBasis basis, OutcomeType outcome, BasisSum? sum)
        {
            if (sum is { HasNumber: false, Absence: { } absence })
            {
                builder.AddMissingOutcomeCount(key, basis, outcome, absence);
                return absence;
            }

            builder.AddOutcomeCount(key, basis, outcome, sum?.Total ?? 0);
            return null;
        }

        private CrimeScope Scope(ColumnBatch batch, int i) => _references.Scope(
            grain.BaseScope,
            grain.OffenceGrain >= OffenceGrain.Group ? batch.Text(4)[i] : null,
            grain.OffenceGrain >= OffenceGrain.Subgroup ? batch.Text(5)[i] : null,
            grain.OffenceGrain >= OffenceGrain.Code ? batch.Text(6)[i] : null,
            "offence_code");
    }

    private struct Sum
    {
        public BasisSum Recorded;
        public BasisSum Assigned;
    }

    /// <summary>One basis's sum of a key: the numbers added, and the most telling reason when cells held only markers.</summary>
    private struct BasisSum
    {
        public long Total;
        public bool HasNumber;
        public FigureAbsence? Absence;

        public void Add(long? count, string? absence)
        {
            if (count is { } value)
            {
                Total = checked(Total + value);
                HasNumber = true;
            }
            else if (absence is not null && ColumnNames.ParseAbsence(absence) is { } reason && (Absence is null || Rank(reason) > Rank(Absence.Value)))
            {
                Absence = reason;
            }
        }

        // As the importer: not provided, then suppressed, not available, not applicable.
        private static int Rank(FigureAbsence absence) => absence switch
        {
            FigureAbsence.NotProvided => 4,
            FigureAbsence.Suppressed => 3,
            FigureAbsence.NotAvailable => 2,
            FigureAbsence.NotApplicable => 1,
            _ => 0,
        };
    }
}
