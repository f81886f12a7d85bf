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
        => new(ParquetTable.Writer.CreateAsync(schema, File.Create(path), metadata).GetAwaiter().GetResult());

    public void Write(ColumnBatch batch) => writer.WriteAsync(batch).GetAwaiter().GetResult();

    public void Dispose() => writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
