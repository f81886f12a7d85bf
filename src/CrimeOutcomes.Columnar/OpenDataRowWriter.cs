using CrimeOutcomes.Import;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Writes the clean row-level table (schema <c>outcome-rows</c>, see docs/columnar.md) while the published files are
/// read: set it as <see cref="ImportOptions.RowSink"/>, read, then dispose it to finish the file. Rows are held a row
/// group at a time (<see cref="OutcomeDatasetFile.RowGroupSize"/>), so memory stays bounded whatever the file's size.
/// </summary>
/// <example>
/// <code>
/// using (var rows = OpenDataRowWriter.Create("rows.parquet", ColumnarFormat.Parquet))
/// {
///     new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = rows }).Read("outcomes.csv");
/// }
/// </code>
/// </example>
public sealed class OpenDataRowWriter : IOpenDataRowSink, IDisposable
{
    private readonly IBatchWriter _writer;
    private ColumnBatch _batch;
    private bool _disposed;

    private OpenDataRowWriter(IBatchWriter writer, int batchSize)
    {
        _writer = writer;
        _batch = new ColumnBatch(RowTable.Schema, batchSize);
    }

    /// <summary>The rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Starts a row-level table at <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="format">Its format.</param>
    /// <returns>The writer, to set as <see cref="ImportOptions.RowSink"/> and dispose when the reading is done.</returns>
    public static OpenDataRowWriter Create(string path, ColumnarFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new OpenDataRowWriter(Writers.Create(RowTable.Schema, path, format, new Dictionary<string, string>()), OutcomeDatasetFile.RowGroupSize);
    }

    /// <inheritdoc/>
    public void Add(in OpenDataRow row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RowTable.Add(_batch, row);
        RowsWritten++;
        if (_batch.Count == _batch.Capacity)
        {
            _writer.Write(_batch);
            _batch.Count = 0;
        }
    }

    /// <summary>Writes the last rows and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _writer.Write(_batch);
        }
        finally
        {
            _writer.Dispose();
        }
    }
}

/// <summary>The <see cref="IBatchWriter"/> of each format.</summary>
internal static class Writers
{
    public static IBatchWriter Create(TableSchema schema, string path, ColumnarFormat format, IReadOnlyDictionary<string, string> metadata) => format switch
    {
        ColumnarFormat.Parquet => ParquetBatchWriter.Create(schema, path, metadata),
        ColumnarFormat.Arrow => new ArrowTable.Writer(schema, path, metadata),
        ColumnarFormat.Csv => new CsvTable.Writer(schema, path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a columnar format."),
    };
}

/// <summary>Reads a file of either columnar format, told apart by its first bytes (PAR1 or ARROW1).</summary>
internal static class Readers
{
    public static IReadOnlyDictionary<string, string> Read(TableSchema schema, string path, Action<ColumnBatch> take)
    {
        Span<byte> start = stackalloc byte[6];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        return read >= 4 && start[..4].SequenceEqual("PAR1"u8) ? ParquetTable.ReadAsync(schema, path, take).GetAwaiter().GetResult()
            : read == 6 && start.SequenceEqual("ARROW1"u8) ? ArrowTable.Read(schema, path, take)
            : throw new ColumnarSchemaException(path, null, "neither a Parquet file nor an Arrow IPC file (it starts with neither PAR1 nor ARROW1).");
    }
}
