using CrimeOutcomes.Import;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Writes the clean row-level table (schema <c>outcome-rows</c>, see docs/columnar.md) while the published files are
/// read: set it as <see cref="ImportOptions.RowSink"/>, read, then dispose it to finish the file. Rows are held in row
/// groups of <see cref="OutcomeDatasetFile.RowGroupSize"/>, each sorted and written on a thread of the writer's own
/// while the next fills. A large csv file is read on every core while its rows are written (the writer is an
/// <see cref="IParallelOpenDataRowSink"/>: each reading thread fills row groups of its own), with one row group's
/// buffers in memory for each reading thread and three more, whatever the file's size.
/// </summary>
/// <example>
/// <code>
/// using (var rows = OpenDataRowWriter.Create("rows.parquet", ColumnarFormat.Parquet))
/// {
///     new OutcomesOpenDataReader(ImportOptions.Default with { RowSink = rows }).Read("outcomes.csv");
/// }
/// </code>
/// </example>
public sealed class OpenDataRowWriter : IParallelOpenDataRowSink, IDisposable
{
    private readonly BackgroundBatchWriter _writer;
    private readonly RowGroupFiller _own;
    // Every filler made, each thread sink's given back to the idle ones when its thread is done (with its part-filled
    // row group, which the next thread goes on filling): as many as threads read at once, whatever the files.
    private readonly List<RowGroupFiller> _fillers = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<RowGroupFiller> _idle = [];
    private bool _disposed;

    private OpenDataRowWriter(IBatchWriter writer, int batchSize)
    {
        _writer = new BackgroundBatchWriter(writer, RowTable.Schema, batchSize);
        _own = new RowGroupFiller(_writer);
        _fillers.Add(_own);
    }

    /// <summary>The rows written so far (read it when the reading is done: threads may still be adding before).</summary>
    public long RowsWritten
    {
        get
        {
            lock (_fillers)
            {
                return _fillers.Sum(f => f.Rows);
            }
        }
    }

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
    /// <remarks>
    /// The row is copied into the current row group's buffer; a full buffer is sorted (by force, financial year,
    /// quarter, offence code and outcome type) and written on another thread while the next one fills.
    /// </remarks>
    public void Add(in OpenDataRow row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _own.Add(row);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each reading thread fills row groups of its own, which the writing thread sorts and writes as they fill; a csv
    /// file is then read on every core while its rows are written, not on one.
    /// </remarks>
    public IOpenDataRowSink CreateThreadSink()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var filler))
        {
            filler = new RowGroupFiller(_writer);
            lock (_fillers)
            {
                _fillers.Add(filler);
            }
        }

        return new ThreadSink(this, filler);
    }

    /// <summary>Writes the last rows and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Complete(_fillers.Select(f => f.Batch).OfType<ColumnBatch>());
    }

    /// <summary>
    /// The row group being filled by one thread at a time, handed to the writing thread when full. Its buffers are taken
    /// with the first row (a filler that gets none, such as the writer's own when the rows come from thread sinks,
    /// holds none).
    /// </summary>
    private sealed class RowGroupFiller(BackgroundBatchWriter writer)
    {
        private readonly RowEncoder _encoder = new();

        public ColumnBatch? Batch { get; private set; }

        public long Rows { get; private set; }

        public void Add(in OpenDataRow row)
        {
            var batch = Batch;
            if (batch is null)
            {
                Batch = batch = writer.Rent();
                _encoder.Start(batch);
            }

            _encoder.Add(row);
            Rows++;
            if (batch.Count == batch.Capacity)
            {
                writer.Write(batch);
                Batch = null;
            }
        }
    }

    /// <summary>One reading thread's sink: its filler, given back to the idle ones when the thread is done.</summary>
    private sealed class ThreadSink(OpenDataRowWriter owner, RowGroupFiller filler) : IOpenDataRowSink, IDisposable
    {
        private RowGroupFiller? _filler = filler;

        public void Add(in OpenDataRow row)
        {
            ObjectDisposedException.ThrowIf(_filler is null, this);
            _filler.Add(row);
        }

        public void Dispose()
        {
            if (_filler is { } done)
            {
                _filler = null;
                owner._idle.Add(done);
            }
        }
    }
}

/// <summary>
/// Sorts full batches and writes them to an <see cref="IBatchWriter"/> on a thread of its own, so that the reading
/// goes on while a row group is sorted and encoded. At most two batches wait (one being sorted, one queued) beside the
/// one being filled and the sorted one being written, and their buffers are used again: the memory is four row groups
/// whatever the table's size.
/// </summary>
internal sealed class BackgroundBatchWriter : IDisposable
{
    private readonly IBatchWriter _writer;
    private readonly TableSchema _schema;
    private readonly int _capacity;
    // Blocking hand-over, never through the thread pool (whose woken threads would spin and take a core).
    private readonly System.Collections.Concurrent.BlockingCollection<ColumnBatch> _queue = new(boundedCapacity: 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<ColumnBatch> _free = [];
    private readonly Task _writing;

    public BackgroundBatchWriter(IBatchWriter writer, TableSchema schema, int capacity)
    {
        _writer = writer;
        _schema = schema;
        _capacity = capacity;
        _writing = Task.Factory.StartNew(WriteQueued, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>An empty batch to fill.</summary>
    public ColumnBatch Rent()
    {
        if (!_free.TryTake(out var batch))
        {
            batch = new ColumnBatch(_schema, _capacity);
        }

        batch.Clear();
        return batch;
    }

    /// <summary>Queues <paramref name="filled"/> to be sorted and written (waiting while one is queued); its buffers come back through <see cref="Rent"/>.</summary>
    public void Write(ColumnBatch filled)
    {
        try
        {
            _queue.Add(filled);
        }
        catch (InvalidOperationException)
        {
            // The writing thread failed and closed the queue: its exception is the one to see.
            _writing.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Writes the part-filled batches <paramref name="last"/>, waits for every batch to be written, and disposes the writer.</summary>
    public void Complete(IEnumerable<ColumnBatch> last)
    {
        try
        {
            foreach (var batch in last)
            {
                if (batch.Count > 0)
                {
                    Write(batch);
                }
            }
        }
        finally
        {
            _queue.CompleteAdding();
            try
            {
                _writing.GetAwaiter().GetResult();
            }
            finally
            {
                _writer.Dispose();
                Dispose();
            }
        }
    }

    /// <summary>Frees the queue (after <see cref="Complete"/>, which calls it).</summary>
    public void Dispose() => _queue.Dispose();

    private void WriteQueued()
    {
        // The sorting is done here, not on the reading thread: that thread is the longer of the two.
        var sorted = new ColumnBatch(_schema, _capacity);
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                batch.SortInto(sorted);
                _free.Add(batch);
                _writer.Write(sorted);
            }
        }
        catch
        {
            _queue.CompleteAdding();
            throw;
        }
    }
}

/// <summary>The <see cref="IBatchWriter"/> of each format.</summary>
internal static class Writers
{
    public static IBatchWriter Create(TableSchema schema, string path, ColumnarFormat format, IReadOnlyDictionary<string, string> metadata) => format switch
    {
        ColumnarFormat.Parquet => new ParquetFormat.ParquetFileWriter(schema, Files.Create(path), metadata),
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
