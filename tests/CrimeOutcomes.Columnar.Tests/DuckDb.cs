using System.Globalization;
using DuckDB.NET.Data;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>DuckDB over our files: what a team that outgrows one machine would run.</summary>
internal static class DuckDb
{
    public static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Runs <paramref name="sql"/> on a new in-memory database and returns each row's columns as text (null as null),
    /// in order; <paramref name="setup"/>, if given, first prepares the connection (<see cref="DuckDbArrow.Table"/>
    /// loads an Arrow file as a table).
    /// </summary>
    public static List<string?[]> Query(string sql, Action<DuckDBConnection>? setup = null)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        setup?.Invoke(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The outcome counts of a dataset file summed in SQL by force, year, outcome type and basis, as
    /// "force|period|outcome|basis" → sum. <paramref name="source"/> is what the SQL reads (<c>read_parquet(…)</c>, or
    /// the table that <paramref name="setup"/> loads).
    /// </summary>
    public static Dictionary<string, long> OutcomeSums(string source, Action<DuckDBConnection>? setup = null)
        => Query($"""
            SELECT area_name, period, outcome, basis, sum(count)::BIGINT
            FROM {source}
            WHERE figure = 'outcome_count'
            GROUP BY ALL
            """, setup).ToDictionary(r => $"{r[0]}|{r[1]}|{r[2]}|{r[3]}", r => long.Parse(r[4]!, CultureInfo.InvariantCulture));

    /// <summary>The same sums computed from the dataset itself.</summary>
    public static Dictionary<string, long> OutcomeSums(OutcomeDataset dataset)
        => dataset.OutcomeCounts
            .GroupBy(f => $"{f.Key.Area.Name}|{f.Key.Period}|{f.Outcome.Code}|{FigureNames.ToShortName(f.Basis)}")
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Count));
}
