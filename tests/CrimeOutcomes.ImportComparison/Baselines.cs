using System.Globalization;
using CrimeOutcomes.Import;
using DuckDB.NET.Data;
using ExcelDataReader;
using MiniExcelLibs;

namespace CrimeOutcomes.ImportComparison;

/// <summary>The same job done four ways: sum both count columns by force × financial year × outcome type for one offence group.</summary>
internal static class Baselines
{
    /// <summary>CrimeOutcomes: every force name resolved, every code parsed, every group text checked, every row accounted for.</summary>
    public static string Ours(string path)
    {
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGroups = [SepBaseline.Group] }).Read(path);
        var report = result.Report;
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Dataset.OutcomeCounts.Count:N0} figures; rows read {report.RowsRead:N0}, kept {report.RowsKept:N0}, filtered {report.RowsFiltered:N0}, set aside {report.RowsSetAside:N0}, rejected {report.RowsRejected:N0}; reconciles {report.Reconciles}; kept recorded-basis total {report.Files.Sum(f => f.CountsKept.Recorded):N0}");
    }

    /// <summary>
    /// CrimeOutcomes with its default options (every offence, by force × financial year, strict), on any file it accepts
    /// (csv, csv.gz …). The checksums: both bases summed over the figures, and over every row read.
    /// </summary>
    public static string OursAll(string path)
    {
        var result = new OutcomesOpenDataReader(ImportOptions.Default).Read(path);
        var report = result.Report;
        long recorded = 0, closed = 0;
        foreach (var figure in result.Dataset.OutcomeCounts)
        {
            if (figure.Basis == CountBasis.Recorded)
            {
                recorded += figure.Count;
            }
            else if (figure.Basis == CountBasis.Closed)
            {
                closed += figure.Count;
            }
        }

        var read = report.Files.Aggregate(default(CountTotals), (sum, f) => sum + f.CountsRead);
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Dataset.OutcomeCounts.Count:N0} figures, {result.Dataset.MissingFigures.Count:N0} missing; rows read {report.RowsRead:N0}, kept {report.RowsKept:N0}, set aside {report.RowsSetAside:N0}, rejected {report.RowsRejected:N0}; reconciles {report.Reconciles}; figures: recorded basis {recorded:N0}, closed basis {closed:N0}; rows read: recorded basis {read.Recorded:N0}, closed basis {read.Closed:N0}");
    }

    /// <summary>The default import with the row-level table written as Parquet while the file streams.</summary>
    public static string OursRowsParquet(string path, string output)
    {
        using var rows = CrimeOutcomes.Columnar.OpenDataRowWriter.Create(output, CrimeOutcomes.Columnar.ColumnarFormat.Parquet);
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = rows }).Read(path);
        return string.Create(CultureInfo.InvariantCulture, $"{rows.RowsWritten:N0} rows; {result.Dataset.OutcomeCounts.Count:N0} outcome counts");
    }

    /// <summary>The default import handing every kept row to a sink that only counts them.</summary>
    public static string OursRowsDiscarded(string path)
    {
        var sink = new CountingSink();
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = sink }).Read(path);
        return string.Create(CultureInfo.InvariantCulture, $"{sink.Rows:N0} rows; {result.Dataset.OutcomeCounts.Count:N0} outcome counts");
    }

    /// <summary>Counts the rows handed over, on every reading thread as the row writers take them.</summary>
    private sealed class CountingSink : IParallelOpenDataRowSink
    {
        private long _rows;

        public long Rows => Interlocked.Read(ref _rows);

        public void Add(in OpenDataRow row) => Interlocked.Increment(ref _rows);

        public IOpenDataRowSink CreateThreadSink() => new ThreadCounter(this);

        private sealed class ThreadCounter(CountingSink owner) : IOpenDataRowSink, IDisposable
        {
            private long _rows;

            public void Add(in OpenDataRow row) => _rows++;

            public void Dispose() => Interlocked.Add(ref owner._rows, _rows);
        }
    }

    /// <summary>The default import, then the dataset written as Parquet.</summary>
    public static string OursDatasetParquet(string path, string output)
    {
        var result = new OutcomesOpenDataReader().Read(path);
        CrimeOutcomes.Columnar.OutcomeDatasetFile.Write(result.Dataset, output);
        return string.Create(CultureInfo.InvariantCulture, $"{result.Dataset.OutcomeCounts.Count:N0} outcome counts written");
    }

    /// <summary>DuckDB over our row-level Parquet: both count columns summed by force × year × outcome type.</summary>
    public static string DuckDbParquet(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT force_name, financial_year, outcome, sum(recorded)::BIGINT, sum(closed)::BIGINT
            FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long groups = 0, recorded = 0;
        while (reader.Read())
        {
            groups++;
            recorded += reader.IsDBNull(3) ? 0 : Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{groups:N0} groups; recorded basis {recorded:N0}");
    }

    /// <summary>DuckDB over every row: the real file's marker <c>--</c> read as NULL, both count columns summed by force × year × outcome type.</summary>
    public static string DuckDbAll(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            SELECT "Force Name", "Financial Year", "Outcome Type",
                   sum("Force outcomes for offences recorded in quarter")::BIGINT AS recorded,
                   sum("Force outcomes recorded in quarter")::BIGINT AS closed
            FROM read_csv('{{path.Replace("'", "''", StringComparison.Ordinal)}}', header = true, nullstr = '--',
                          types = {'Force outcomes for offences recorded in quarter': 'BIGINT', 'Force outcomes recorded in quarter': 'BIGINT'})
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long groups = 0, recorded = 0, closed = 0, closedNull = 0;
        while (reader.Read())
        {
            groups++;
            recorded += reader.IsDBNull(3) ? 0 : Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
            if (reader.IsDBNull(4))
            {
                closedNull++;
            }
            else
            {
                closed += Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{groups:N0} groups ({closedNull:N0} with no closed-basis figure); recorded basis {recorded:N0}, closed basis {closed:N0}");
    }

    public static string DuckDb(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "Force Name", "Financial Year", "Outcome Type",
                   sum("Force outcomes for offences recorded in quarter")::BIGINT AS recorded,
                   sum("Force outcomes recorded in quarter")::BIGINT AS closed
            FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true)
            WHERE "Offence Group" = '{SepBaseline.Group}'
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long groups = 0;
        decimal total = 0;
        while (reader.Read())
        {
            groups++;
            total += Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{groups:N0} groups; recorded-basis total {total:N0}");
    }

    public static string ExcelDataReaderCells(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        long rows = 0, chars = 0;
        do
        {
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    chars += Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Length ?? 0;
                }
            }
        }
        while (reader.NextResult());
        return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {chars:N0} characters");
    }

    public static string MiniExcelCells(string path)
    {
        long rows = 0, chars = 0;
        foreach (var sheet in MiniExcel.GetSheetNames(path))
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
            {
                rows++;
                foreach (var value in row.Values)
                {
                    chars += Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0;
                }
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {chars:N0} characters");
    }
}
