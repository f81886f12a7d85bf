using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// Writes and reads <see cref="ColumnBatch"/>es as an Arrow IPC file: one record batch a batch, every text column
/// dictionary-encoded (int32 indexes into one dictionary of the column's distinct values).
/// </summary>
/// <remarks>
/// An Arrow IPC file carries one dictionary per column, written before the first record batch (the file format allows
/// no replacement, and Apache.Arrow writes no deltas), but the distinct values of a streamed table are known only at its
/// end. So the writer spools the batches, text as indexes, to a temporary Arrow stream beside the file, and at the end
/// writes the file from it with the finished dictionaries: one batch at a time, memory bounded.
/// </remarks>
internal static class ArrowTable
{
    private static readonly DictionaryType TextDictionary = new(Int32Type.Default, StringType.Default, ordered: false);

    private static Schema ToArrow(TableSchema schema, IReadOnlyDictionary<string, string> metadata, Func<ColumnType, IArrowType> typeOf)
    {
        var builder = new Schema.Builder();
        foreach (var column in schema.Columns)
        {
            builder.Field(new Field(column.Name, typeOf(column.Type), column.Nullable));
        }

        foreach (var (key, value) in metadata)
        {
            builder.Metadata(key, value);
        }

        builder.Metadata(TableSchema.NameKey, schema.Name);
        builder.Metadata(TableSchema.VersionKey, schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.Build();
    }

    /// <summary>The type of a column in the file: text as a dictionary of strings.</summary>
    private static IArrowType FileType(ColumnType type) => type == ColumnType.Text ? TextDictionary : SpoolType(type);

    /// <summary>The type of a column in the spool: text as its dictionary indexes.</summary>
    private static IArrowType SpoolType(ColumnType type) => type switch
    {
        ColumnType.Text => Int32Type.Default,
        ColumnType.Int64 => Int64Type.Default,
        ColumnType.Int32 => Int32Type.Default,
        _ => BooleanType.Default,
    };

    public sealed class Writer : IBatchWriter
    {
        private readonly string _path;
        private readonly string _spoolPath;
        private readonly TableSchema _schema;
        private readonly IReadOnlyDictionary<string, string> _metadata;
        private readonly Schema _spoolSchema;
        private readonly FileStream _spool;
        private readonly ArrowStreamWriter _spoolWriter;
        private readonly TextDictionaryBuilder?[] _dictionaries;
        private bool _disposed;

        public Writer(TableSchema schema, string path, IReadOnlyDictionary<string, string> metadata)
        {
            _path = path;
            _schema = schema;
            _metadata = metadata;
            _spoolSchema = ToArrow(schema, metadata, SpoolType);
            _dictionaries = schema.Columns.Select(c => c.Type == ColumnType.Text ? new TextDictionaryBuilder() : null).ToArray();
            var full = Path.GetFullPath(path);
            _spoolPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.spool");
            _spool = new FileStream(_spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
            _spoolWriter = new ArrowStreamWriter(_spool, _spoolSchema, leaveOpen: true);
        }

        public void Write(ColumnBatch batch)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var arrays = new IArrowArray[batch.Columns.Length];
            for (var c = 0; c < arrays.Length; c++)
            {
                arrays[c] = batch.Columns[c] switch
                {
                    TextColumn text => _dictionaries[c]!.Indexes(text, batch.Count),
                    long?[] longs => Build(new Int64Array.Builder(), longs, batch.Count, (b, v) => b.Append(v), b => b.AppendNull()),
                    int?[] ints => Build(new Int32Array.Builder(), ints, batch.Count, (b, v) => b.Append(v), b => b.AppendNull()),
                    bool[] flags => Flags(flags, batch.Count),
                    _ => throw new InvalidOperationException("Not a column of the schema."),
                };
            }

            _spoolWriter.WriteRecordBatch(new RecordBatch(_spoolSchema, arrays, batch.Count));
        }

        /// <summary>Writes the file from the spool, with the dictionaries complete, and deletes the spool.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _spoolWriter.WriteEnd();
                _spool.Flush();
                _spool.Position = 0;
                var dictionaries = _dictionaries.Select(d => d?.Build()).ToArray();
                var schema = ToArrow(_schema, _metadata, FileType);
                using var file = Files.Create(_path);
                using var writer = new ArrowFileWriter(file, schema, leaveOpen: true);
                writer.WriteStart();
                using (var spooled = new ArrowStreamReader(_spool, leaveOpen: true))
                {
                    while (spooled.ReadNextRecordBatch() is { } batch)
                    {
                        using (batch)
                        {
                            var arrays = new IArrowArray[batch.ColumnCount];
                            for (var c = 0; c < arrays.Length; c++)
                            {
                                arrays[c] = dictionaries[c] is { } dictionary ? new DictionaryArray(TextDictionary, batch.Column(c), dictionary) : batch.Column(c);
                            }

                            writer.WriteRecordBatch(new RecordBatch(schema, arrays, batch.Length));
                        }
                    }
                }

                writer.WriteEnd();
            }
            finally
            {
                _spoolWriter.Dispose();
                _spool.Dispose();
            }
        }

        private static BooleanArray Flags(bool[] values, int count)
        {
            var builder = new BooleanArray.Builder();
            for (var i = 0; i < count; i++)
            {
                builder.Append(values[i]);
            }

            return builder.Build();
        }

        private static IArrowArray Build<T, TBuilder>(TBuilder builder, T?[] values, int count, Action<TBuilder, T> append, Action<TBuilder> appendNull)
            where T : struct
            where TBuilder : IArrowArrayBuilder<IArrowArray>
        {
            for (var i = 0; i < count; i++)
            {
                if (values[i] is { } value)
                {
                    append(builder, value);
                }
                else
                {
                    appendNull(builder);
                }
            }

            return builder.Build(default);
        }
    }

    /// <summary>The distinct values of one text column in order of first appearance, and each value's index.</summary>
    private sealed class TextDictionaryBuilder
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public Int32Array Indexes(TextColumn text, int count)
        {
            // The batch's codes index its distinct values: each is looked up in the file's dictionary once.
            var codes = text.Codes(count);
            var values = text.Values;
            var indexes = new int[values.Count];
            for (var code = 0; code < indexes.Length; code++)
            {
                if (!_indexes.TryGetValue(values[code], out indexes[code]))
                {
                    indexes[code] = _values.Count;
                    _indexes.Add(values[code], indexes[code]);
                    _values.Add(values[code]);
                }
            }

            var builder = new Int32Array.Builder().Reserve(count);
            foreach (var code in codes)
            {
                if (code < 0)
                {
                    builder.AppendNull();
                }
                else
                {
                    builder.Append(indexes[code]);
                }
            }

            return builder.Build();
        }

        public StringArray Build()
        {
            var builder = new StringArray.Builder();
            foreach (var value in _values)
            {
                builder.Append(value);
            }

            return builder.Build();
        }
    }

    /// <summary>Checks the file's schema and hands its record batches to <paramref name="take"/> one at a time; returns its metadata.</summary>
    public static IReadOnlyDictionary<string, string> Read(TableSchema schema, string path, Action<ColumnBatch> take)
    {
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var arrow = reader.Schema;
        var metadata = arrow.Metadata ?? new Dictionary<string, string>();
        schema.Check(metadata, path);
        var indexes = new int[schema.Columns.Count];
        for (var c = 0; c < indexes.Length; c++)
        {
            var column = schema.Columns[c];
            indexes[c] = arrow.GetFieldIndex(column.Name);
            if (indexes[c] < 0)
            {
                throw new ColumnarSchemaException(path, column.Name, $"missing: version {schema.Version} of the {schema.Name} schema has it.");
            }

            var actual = arrow.GetFieldByIndex(indexes[c]).DataType;
            // Text is read dictionary-encoded (as written) or plain (as another writer may have it).
            var plain = actual is DictionaryType { ValueType.TypeId: ArrowTypeId.String } ? ArrowTypeId.String : actual.TypeId;
            var expected = column.Type == ColumnType.Text ? ArrowTypeId.String : SpoolType(column.Type).TypeId;
            if (plain != expected)
            {
                throw new ColumnarSchemaException(path, column.Name, $"holds {actual.Name} where the schema has {(column.Type == ColumnType.Text ? "utf8" : SpoolType(column.Type).Name)}.");
            }
        }

        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                var count = batch.Length;
                var columns = new object[indexes.Length];
                for (var c = 0; c < indexes.Length; c++)
                {
                    var array = batch.Column(indexes[c]);
                    columns[c] = array switch
                    {
                        DictionaryArray { Dictionary: StringArray values, Indices: Int32Array codes } => Decode(values, codes, count),
                        StringArray text => Enumerable.Range(0, count).Select(i => text.GetString(i)).ToArray(),
                        Int64Array longs => Enumerable.Range(0, count).Select(i => longs.GetValue(i)).ToArray(),
                        Int32Array ints => Enumerable.Range(0, count).Select(i => ints.GetValue(i)).ToArray(),
                        BooleanArray flags => Enumerable.Range(0, count).Select(i => flags.GetValue(i) ?? false).ToArray(),
                        _ => throw new ColumnarSchemaException(path, schema.Columns[c].Name, "not a column of a type the schema has."),
                    };
                }

                take(new ColumnBatch(schema, columns, count));
            }
        }

        return metadata;
    }

    /// <summary>A dictionary-encoded text column as strings, each distinct value made once.</summary>
    private static string?[] Decode(StringArray values, Int32Array codes, int count)
    {
        var distinct = new string[values.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            distinct[i] = values.GetString(i);
        }

        var text = new string?[count];
        for (var i = 0; i < count; i++)
        {
            text[i] = codes.GetValue(i) is { } code ? distinct[code] : null;
        }

        return text;
    }
}
