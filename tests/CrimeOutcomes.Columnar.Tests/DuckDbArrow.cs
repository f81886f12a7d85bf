using System.Runtime.InteropServices;
using Apache.Arrow.C;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>
/// An Arrow IPC file as a DuckDB table, without DuckDB's arrow extension (<c>read_arrow</c>, which would have to be
/// downloaded): Apache.Arrow reads the file and hands its record batches as they are (text still
/// <c>dictionary&lt;values=utf8, indices=int32&gt;</c>) through the Arrow C stream interface to the Arrow scan in
/// DuckDB's core, <c>duckdb_arrow_scan</c> of its C API, which DuckDB.NET does not wrap. DuckDB converts the Arrow
/// types itself (dictionaries of strings to <c>VARCHAR</c>) and does all the SQL.
/// </summary>
/// <remarks>
/// <para>
/// <c>duckdb_arrow_scan</c> registers a view over the stream, which this copies at once, <c>SELECT *</c>, into a
/// temporary table, then drops the view and releases the stream (closing the file). Querying the view itself would
/// be wrong, not only slow: the C API's scan leaves the projection and the filters of a query to the stream (which a
/// plain C stream cannot apply) and then reads the columns it gets by position as if they were the ones it asked for,
/// so a query that reads some of the columns, or has a WHERE clause, reads the wrong columns and unfiltered rows
/// (tried on DuckDB 1.5.6: <c>SELECT q, count(*) FROM view GROUP BY q</c> gave another column's values, and a WHERE
/// clause kept every row; see duckdb/duckdb pull request 16050). <c>SELECT *</c> without a filter asks for every
/// column in order, which is what the stream gives. The copy also lets a test run several queries, where the stream
/// can be read only once.
/// </para>
/// <para>
/// The C API never releases the schemas it asks the stream for, so each load leaves a little memory behind (the
/// process grew about 5 KB a load over 2,000 loads of a small file), which a test process can afford.
/// </para>
/// </remarks>
internal static partial class DuckDbArrow
{
    /// <summary>A setup step for <see cref="DuckDb.Query"/>: loads the Arrow IPC file at <paramref name="path"/> as table <paramref name="table"/>.</summary>
    public static Action<DuckDBConnection> Table(string path, string table) => connection => Load(connection, path, table);

    /// <summary>Loads the Arrow IPC file at <paramref name="path"/> into a new temporary table <paramref name="table"/> (a plain SQL name) of <paramref name="connection"/>.</summary>
    public static unsafe void Load(DuckDBConnection connection, string path, string table)
    {
        var view = table + "_arrow_stream";
        var stream = CArrowArrayStream.Create();
        try
        {
            // The exported stream owns the reader, which owns the file: releasing the stream disposes of both.
            CArrowArrayStreamExporter.ExportArrayStream(new ArrowFileReader(File.OpenRead(path)), stream);
            if (ArrowScan(connection.NativeConnection, view, stream) != DuckDBState.Success)
            {
                throw new InvalidOperationException($"duckdb_arrow_scan refused the Arrow C stream of {path}.");
            }

            try
            {
                Execute(connection, $"CREATE TEMP TABLE {table} AS SELECT * FROM {view}");
            }
            finally
            {
                Execute(connection, $"DROP VIEW IF EXISTS {view}");
            }
        }
        finally
        {
            // After the view is gone, so DuckDB holds no pointer to it: releases the stream, then frees the struct.
            CArrowArrayStream.Free(stream);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// <c>duckdb_state duckdb_arrow_scan(duckdb_connection connection, const char *table_name, duckdb_arrow_stream arrow)</c>:
    /// registers a view <paramref name="tableName"/> that reads <paramref name="stream"/>, which stays the caller's to release.
    /// </summary>
    [LibraryImport("duckdb", EntryPoint = "duckdb_arrow_scan", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial DuckDBState ArrowScan(DuckDBNativeConnection connection, string tableName, CArrowArrayStream* stream);
}
