using Parquet;
using Parquet.Schema;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Writes and reads <see cref="ColumnBatch"/>es as Parquet: one row group a batch, text dictionary-encoded, integers
/// delta-encoded, pages Snappy-compressed.
/// </summary>
internal static class ParquetTable
{
    public static ParquetSchema ToParquet(TableSchema schema) => new(schema.Columns.Select(Field));

    private static DataField Field(ColumnSpec column) => column.Type switch
    {
        ColumnType.Text => new DataField<string>(column.Name, column.Nullable),
        ColumnType.Int64 => column.Nullable ? new DataField<long?>(column.Name) : new DataField<long>(column.Name),
        ColumnType.Int32 => column.Nullable ? new DataField<int?>(column.Name) : new DataField<int>(column.Name),
        _ => new DataField<bool>(column.Name),
    };

    /// <summary>
    /// The writing options of a schema. Parquet.Net 6 writes a column dictionary-encoded only when told to by an
    /// encoding hint (its default is plain): every text column is, since forces, periods, offences, outcomes and
    /// reasons repeat on every row; integers are delta-encoded (sorted rows make their deltas small).
    /// </summary>
    public static ParquetOptions Options(TableSchema schema)
    {
        var options = new ParquetOptions { DictionaryEncodingThreshold = 1.0 };
        foreach (var column in schema.Columns)
        {
            if (column.Type is ColumnType.Text)
            {
                options.ColumnEncodingHints[column.Name] = EncodingHint.Dictionary;
            }
            else if (column.Type is ColumnType.Int64 or ColumnType.Int32)
            {
                options.ColumnEncodingHints[column.Name] = EncodingHint.DeltaBinaryPacked;
            }
        }

        return options;
    }

    /// <summary>A writer of one file; each <see cref="WriteAsync"/> adds a row group.</summary>
    public sealed class Writer : IAsyncDisposable
    {
        private readonly Stream _stream;
        private readonly ParquetWriter _writer;
        private readonly DataField[] _fields;
        private long[] _longs = [];
        private int[] _ints = [];
        private ReadOnlyMemory<char>[] _text = [];
        private ReadOnlyMemory<char>?[] _nullableText = [];

        private Writer(Stream stream, ParquetWriter writer, DataField[] fields)
        {
            _stream = stream;
            _writer = writer;
            _fields = fields;
        }

        public static async Task<Writer> CreateAsync(TableSchema schema, Stream stream, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
        {
            var parquet = ToParquet(schema);
            var writer = await ParquetWriter.CreateAsync(parquet, stream, Options(schema), cancellationToken: cancellationToken).ConfigureAwait(false);
            var custom = new Dictionary<string, string>(metadata)
            {
                [TableSchema.NameKey] = schema.Name,
                [TableSchema.VersionKey] = schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            writer.CustomMetadata = custom;
            return new Writer(stream, writer, parquet.GetDataFields());
        }

        public async Task WriteAsync(ColumnBatch batch, CancellationToken cancellationToken = default)
        {
            if (batch.Count == 0)
            {
                return;
            }

            using var group = _writer.CreateRowGroup();
            for (var c = 0; c < _fields.Length; c++)
            {
                switch (batch.Columns[c])
                {
                    case string?[] text:
                        await WriteText(group, _fields[c], text, batch.Count, cancellationToken).ConfigureAwait(false);
                        break;
                    case long?[] longs when _fields[c].IsNullable:
                        await group.WriteAsync<long>(_fields[c], new ReadOnlyMemory<long?>(longs, 0, batch.Count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case long?[] longs:
                        await group.WriteAsync<long>(_fields[c], Required(longs, batch.Count, ref _longs), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case int?[] ints when _fields[c].IsNullable:
                        await group.WriteAsync<int>(_fields[c], new ReadOnlyMemory<int?>(ints, 0, batch.Count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case int?[] ints:
                        await group.WriteAsync<int>(_fields[c], Required(ints, batch.Count, ref _ints), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case bool[] flags:
                        await group.WriteAsync<bool>(_fields[c], new ReadOnlyMemory<bool>(flags, 0, batch.Count), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            group.CompleteValidate();
        }

        /// <summary>
        /// A text column as memory over the strings, in a buffer kept for the next row group. The string overload of
        /// Parquet.Net would build such an array for every column of every row group, large enough to go to the large
        /// object heap and make the collector run often.
        /// </summary>
        private Task WriteText(ParquetRowGroupWriter group, DataField field, string?[] text, int count, CancellationToken cancellationToken)
        {
            if (field.IsNullable)
            {
                if (_nullableText.Length < count)
                {
                    _nullableText = new ReadOnlyMemory<char>?[text.Length];
                }

                for (var i = 0; i < count; i++)
                {
                    _nullableText[i] = text[i]?.AsMemory();
                }

                return group.WriteAsync<ReadOnlyMemory<char>>(field, _nullableText.AsMemory(0, count), cancellationToken: cancellationToken);
            }

            if (_text.Length < count)
            {
                _text = new ReadOnlyMemory<char>[text.Length];
            }

            for (var i = 0; i < count; i++)
            {
                _text[i] = text[i].AsMemory();
            }

            return group.WriteAsync<ReadOnlyMemory<char>>(field, _text.AsMemory(0, count), cancellationToken: cancellationToken);
        }

        /// <summary>The values of a column that has no nulls, in a buffer kept for the next row group (no large array made for each).</summary>
        private static ReadOnlyMemory<T> Required<T>(T?[] values, int count, ref T[] buffer)
            where T : struct
        {
            if (buffer.Length < count)
            {
                buffer = new T[values.Length];
            }

            for (var i = 0; i < count; i++)
            {
                buffer[i] = values[i]!.Value;
            }

            return buffer.AsMemory(0, count);
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

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
                var columns = new Array[chosen.Length];
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
