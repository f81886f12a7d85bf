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
