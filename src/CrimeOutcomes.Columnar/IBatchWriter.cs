namespace CrimeOutcomes.Columnar;

/// <summary>A file being written batch by batch (a Parquet row group, an Arrow record batch, csv lines).</summary>
internal interface IBatchWriter : IDisposable
{
    void Write(ColumnBatch batch);
}

/// <summary>The files the writers write.</summary>
internal static class Files
{
    /// <summary>Creates (or replaces) a file with a 1 MiB buffer: the writers hand it many small pieces (page headers, pages).</summary>
    public static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
}
