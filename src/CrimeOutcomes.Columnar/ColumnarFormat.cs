namespace CrimeOutcomes.Columnar;

/// <summary>The file formats the tables are written in.</summary>
public enum ColumnarFormat
{
    /// <summary>Apache Parquet: compressed columns, dictionary-encoded text, row groups of <see cref="OutcomeDatasetFile.RowGroupSize"/> rows.</summary>
    Parquet = 1,

    /// <summary>An Arrow IPC file (Feather version 2): record batches that memory-map straight into Arrow engines.</summary>
    Arrow = 2,

    /// <summary>Comma-separated values with a header row, UTF-8, RFC 4180 quoting; null as an empty cell.</summary>
    Csv = 3,
}
