using Parquet;
using Parquet.Schema;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Reads <see cref="ColumnBatch"/>es from Parquet with Parquet.Net, one row group a batch, checking the columns against
/// the schema (the files are written by <see cref="ParquetFormat.ParquetFileWriter"/>).
/// </summary>
internal static class ParquetTable
{
    /// <summary>The file's key-value metadata, checked against <paramref name="schema"/>, and its row groups as batches.</summary>
    public static async Task<(IReadOnlyDictionary<string, string> Metadata, List<ColumnBatch> Batches)> ReadAsync(TableSchema schema, string path, CancellationToken cancellationToken = default)
    {
        var batches = new List<ColumnBatch>();
        var metadata = await ReadAsync(schema, path, batches.Add, cancellationToken).ConfigureAwait(false);
        return (metadata, batches);
    }

    /// <summary>
    /// Checks the file's schema and hands its row groups to <paramref name="take"/> one at a time (so only one is held in
    /// memory); returns the file's key-value metadata.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(TableSchema schema, string path, Action<ColumnBatch> take, CancellationToken cancellationToken = default)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ColumnarSchemaException(path, null, $"not a Parquet file ({e.Message}).");
        }

        await using (reader.ConfigureAwait(false))
        {
            var metadata = reader.CustomMetadata ?? new Dictionary<string, string>();
            schema.Check(metadata.AsReadOnly(), path);
            var fields = reader.Schema.GetDataFields();
            var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var chosen = new DataField[schema.Columns.Count];
            for (var c = 0; c < chosen.Length; c++)
            {
                var column = schema.Columns[c];
                chosen[c] = byName.TryGetValue(column.Name, out var field)
                    ? field
                    : throw new ColumnarSchemaException(path, column.Name, $"missing: version {schema.Version} of the {schema.Name} schema has it.");
                var expected = column.Type switch
                {
                    ColumnType.Text => typeof(string),
                    ColumnType.Int64 => typeof(long),
                    ColumnType.Int32 => typeof(int),
                    _ => typeof(bool),
                };
                // Parquet.Net reports text columns as ReadOnlyMemory<char> (or bytes) from version 6, as string before.
                var actual = field.ClrType.IsGenericType && field.ClrType.GetGenericTypeDefinition() == typeof(ReadOnlyMemory<>) ? typeof(string) : field.ClrType;
                if (actual != expected)
                {
                    throw new ColumnarSchemaException(path, column.Name, $"holds {actual.Name} where the schema has {expected.Name}.");
                }
            }

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var columns = new object[chosen.Length];
                for (var c = 0; c < chosen.Length; c++)
                {
                    switch (schema.Columns[c].Type)
                    {
                        case ColumnType.Text:
                            var text = new string?[count];
                            await group.ReadAsync(chosen[c], text.AsMemory()!, cancellationToken: cancellationToken).ConfigureAwait(false);
                            columns[c] = text;
                            break;
                        case ColumnType.Int64:
                            columns[c] = chosen[c].IsNullable ? await ReadNullable<long>(group, chosen[c], count, cancellationToken).ConfigureAwait(false) : (await Read<long>(group, chosen[c], count, cancellationToken).ConfigureAwait(false)).Select(v => (long?)v).ToArray();
                            break;
                        case ColumnType.Int32:
                            columns[c] = chosen[c].IsNullable ? await ReadNullable<int>(group, chosen[c], count, cancellationToken).ConfigureAwait(false) : (await Read<int>(group, chosen[c], count, cancellationToken).ConfigureAwait(false)).Select(v => (int?)v).ToArray();
                            break;
                        default:
                            columns[c] = await Read<bool>(group, chosen[c], count, cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }

                take(new ColumnBatch(schema, columns, count));
            }

            return metadata.AsReadOnly();
        }
    }

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task<T[]> Read<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[count];
        await group.ReadAsync<T>(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return values;
    }
}
