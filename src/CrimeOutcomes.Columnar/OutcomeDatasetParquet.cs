namespace CrimeOutcomes.Columnar;

/// <summary>
/// An <see cref="OutcomeDataset"/> as a Parquet file, a row per figure (schema <c>outcome-dataset</c>, version in the
/// file's key-value metadata; see docs/columnar.md), and back: what was validated on import is not validated again, so a
/// notebook converts the published files once and reloads the dataset in a fraction of a second.
/// </summary>
public static class OutcomeDatasetParquet
{
    /// <summary>The version of the dataset schema this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Rows a row group holds (and at most what is held in memory at once while writing).</summary>
    public const int RowGroupSize = 100_000;

    /// <summary>Writes <paramref name="dataset"/> to a Parquet file at <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The file to write.</param>
    public static void Write(OutcomeDataset dataset, string path) => WriteAsync(dataset, path).GetAwaiter().GetResult();

    /// <summary>Writes <paramref name="dataset"/> to a Parquet file at <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static async Task WriteAsync(OutcomeDataset dataset, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var metadata = new Dictionary<string, string>();
        if (AreaDirectory.Write(dataset.Keys.Select(k => k.Area)) is { } groups)
        {
            metadata[AreaDirectory.Key] = groups;
        }

        var writer = await ParquetTable.Writer.CreateAsync(DatasetTable.Schema, File.Create(path), metadata, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var batch in DatasetTable.Batches(dataset, RowGroupSize))
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a dataset written by <see cref="Write"/>.</summary>
    /// <param name="path">The Parquet file.</param>
    /// <param name="options">The force registry and outcome catalogue to resolve references with (by default the defaults).</param>
    /// <returns>The dataset, equal to the one written.</returns>
    /// <exception cref="ColumnarSchemaException">The file is not a dataset file of this schema version, lacks a column, or holds a value the schema does not allow.</exception>
    public static OutcomeDataset Read(string path, ColumnarReadOptions? options = null) => ReadAsync(path, options).GetAwaiter().GetResult();

    /// <summary>Reads a dataset written by <see cref="Write"/>.</summary>
    /// <param name="path">The Parquet file.</param>
    /// <param name="options">The force registry and outcome catalogue to resolve references with (by default the defaults).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The dataset, equal to the one written.</returns>
    /// <exception cref="ColumnarSchemaException">The file is not a dataset file of this schema version, lacks a column, or holds a value the schema does not allow.</exception>
    public static async Task<OutcomeDataset> ReadAsync(string path, ColumnarReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (metadata, batches) = await ParquetTable.ReadAsync(DatasetTable.Schema, path, cancellationToken).ConfigureAwait(false);
        return DatasetTable.Read(batches, metadata.GetValueOrDefault(AreaDirectory.Key), options ?? ColumnarReadOptions.Default, path);
    }
}
