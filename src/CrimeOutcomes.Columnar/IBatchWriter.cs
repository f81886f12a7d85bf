namespace CrimeOutcomes.Columnar;

/// <summary>A file being written batch by batch (a Parquet row group, an Arrow record batch, csv lines).</summary>
internal interface IBatchWriter : IDisposable
{
    void Write(ColumnBatch batch);
}

/// <summary>The Parquet <see cref="IBatchWriter"/>: the synchronous face of <see cref="ParquetTable.Writer"/>.</summary>
internal sealed class ParquetBatchWriter(ParquetTable.Writer writer) : IBatchWriter
{
    public static ParquetBatchWriter Create(TableSchema schema, string path, IReadOnlyDictionary<string, string> metadata)
        => new(ParquetTable.Writer.CreateAsync(schema, new SynchronousStream(Files.Create(path)), metadata).GetAwaiter().GetResult());

    public void Write(ColumnBatch batch) => OnThisThread.Run(() => writer.WriteAsync(batch));

    public void Dispose() => OnThisThread.Run(() => writer.DisposeAsync().AsTask());
}

/// <summary>The files the writers write.</summary>
internal static class Files
{
    /// <summary>Creates (or replaces) a file with a 1 MiB buffer: the writers hand it many small pieces (page headers, pages).</summary>
    public static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
}

/// <summary>
/// A writable stream whose asynchronous writes are done synchronously on the caller's thread. Parquet.Net writes
/// asynchronously; given a file stream opened for synchronous use, each write that passes its buffer would be handed
/// to the thread pool, whose threads then spin waiting for more work: on a small machine that costs the reading a
/// core. The row groups are written on a thread of their own (<see cref="BackgroundBatchWriter"/>), which may block.
/// </summary>
internal sealed class SynchronousStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        inner.Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        inner.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        inner.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Runs asynchronous code to its end on the calling thread: continuations posted to the synchronization context
/// (Parquet.Net yields once for each column it writes) run here, not on the thread pool, whose idle threads would
/// otherwise spin between the small pieces of work and take a core from the reading.
/// </summary>
internal sealed class OnThisThread : SynchronizationContext
{
    private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public static void Run(Func<Task> work)
    {
        var previous = Current;
        using var context = new Pump();
        SetSynchronizationContext(context.Context);
        try
        {
            var task = work();
            task.ContinueWith(_ => context.Context._queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var (callback, state) in context.Context._queue.GetConsumingEnumerable())
            {
                callback(state);
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous sends are not supported.");

    /// <summary>Owns the context's queue.</summary>
    private sealed class Pump : IDisposable
    {
        public OnThisThread Context { get; } = new();

        public void Dispose() => Context._queue.Dispose();
    }
}
