namespace CrimeOutcomes.Columnar;

/// <summary>
/// An <see cref="OutcomeDataset"/> as a columnar file, a row per figure (schema <c>outcome-dataset</c>, its version in
/// the file's key-value metadata; see docs/columnar.md), and back: what was validated on import is not validated again,
/// so a notebook converts the published files once and reloads the dataset in a fraction of a second.
/// </summary>
public static class OutcomeDatasetFile
{
    /// <summary>The version of the dataset schema this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Rows a Parquet row group or Arrow record batch holds (and at most what is held in memory at once while writing rows).</summary>
    public const int RowGroupSize = 100_000;

    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="format">Its format (Parquet by default).</param>
    public static void Write(OutcomeDataset dataset, string path, ColumnarFormat format = ColumnarFormat.Parquet)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var metadata = new Dictionary<string, string>();
        if (AreaDirectory.Write(dataset.Keys.Select(k => k.Area)) is { } groups)
        {
            metadata[AreaDirectory.Key] = groups;
        }

        using var writer = Writers.Create(DatasetTable.Schema, path, format, metadata);
        foreach (var batch in DatasetTable.Batches(dataset, RowGroupSize))
        {
            writer.Write(batch);
        }
    }

    /// <summary>Reads a dataset written by <see cref="Write"/> as Parquet or Arrow (told apart by the file's first bytes).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The force registry and outcome catalogue to resolve references with (by default the defaults).</param>
    /// <returns>The dataset, with the figures written (its lists in the order of the file, which is sorted: see docs/columnar.md).</returns>
    /// <exception cref="ColumnarSchemaException">The file is not a dataset file of this schema version, lacks a column, or holds a value the schema does not allow.</exception>
    public static OutcomeDataset Read(string path, ColumnarReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var batches = new List<ColumnBatch>();
        var metadata = Readers.Read(DatasetTable.Schema, path, batches.Add);
        return DatasetTable.Read(batches, metadata.GetValueOrDefault(AreaDirectory.Key), options ?? ColumnarReadOptions.Default, path);
    }
}
