using Microsoft.Data.Analysis;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Datasets and row-level tables as Microsoft.Data.Analysis <see cref="DataFrame"/>s, which .NET Interactive renders as
/// tables in notebooks. The columns are those of the files (see docs/columnar.md); absent figures are null, never zero.
/// </summary>
public static class DataFrames
{
    /// <summary>The dataset as a data frame, a row per figure (the columns of the <c>outcome-dataset</c> schema).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The data frame.</returns>
    public static DataFrame ToDataFrame(this OutcomeDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Build(DatasetTable.Schema, DatasetTable.Batches(dataset, int.MaxValue));
    }

    /// <summary>A row-level Parquet or Arrow file (written by <see cref="OpenDataRowWriter"/>) as a data frame.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The data frame, a row per row of the file.</returns>
    /// <exception cref="ColumnarSchemaException">The file is not a row-level file of this schema version, or lacks a column.</exception>
    public static DataFrame ReadRowsAsDataFrame(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var batches = new List<ColumnBatch>();
        Readers.Read(RowTable.Schema, path, batches.Add);
        return Build(RowTable.Schema, batches);
    }

    private static DataFrame Build(TableSchema schema, IEnumerable<ColumnBatch> batches)
    {
        var all = batches.ToList();
        var columns = new DataFrameColumn[schema.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var name = schema.Columns[c].Name;
            var index = c;
            columns[c] = schema.Columns[c].Type switch
            {
                ColumnType.Text => new StringDataFrameColumn(name, all.SelectMany(b => b.Text(index).Take(b.Count))),
                ColumnType.Int64 => new PrimitiveDataFrameColumn<long>(name, all.SelectMany(b => b.Int64(index).Take(b.Count))),
                ColumnType.Int32 => new PrimitiveDataFrameColumn<int>(name, all.SelectMany(b => b.Int32(index).Take(b.Count))),
                _ => new BooleanDataFrameColumn(name, all.SelectMany(b => b.Boolean(index).Take(b.Count))),
            };
        }

        return new DataFrame(columns);
    }
}
