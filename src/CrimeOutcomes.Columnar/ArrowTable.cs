using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace CrimeOutcomes.Columnar;

/// <summary>Writes and reads <see cref="ColumnBatch"/>es as an Arrow IPC file: one record batch a batch.</summary>
internal static class ArrowTable
{
    private static Schema ToArrow(TableSchema schema, IReadOnlyDictionary<string, string> metadata)
    {
        var builder = new Schema.Builder();
        foreach (var column in schema.Columns)
        {
            builder.Field(new Field(column.Name, TypeOf(column.Type), column.Nullable));
        }

        foreach (var (key, value) in metadata)
        {
            builder.Metadata(key, value);
        }

        builder.Metadata(TableSchema.NameKey, schema.Name);
        builder.Metadata(TableSchema.VersionKey, schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.Build();
    }

    private static IArrowType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Text => StringType.Default,
        ColumnType.Int64 => Int64Type.Default,
        ColumnType.Int32 => Int32Type.Default,
        _ => BooleanType.Default,
    };

    public sealed class Writer : IBatchWriter
    {
        private readonly Stream _stream;
        private readonly Schema _schema;
        private readonly ArrowFileWriter _writer;
        private bool _empty = true;

        public Writer(TableSchema schema, string path, IReadOnlyDictionary<string, string> metadata)
        {
            _schema = ToArrow(schema, metadata);
            _stream = File.Create(path);
            _writer = new ArrowFileWriter(_stream, _schema, leaveOpen: false);
        }

        public void Write(ColumnBatch batch)
        {
            if (batch.Count == 0 && !_empty)
            {
                return;
            }

            _empty = false;
            var arrays = new IArrowArray[batch.Columns.Length];
            for (var c = 0; c < arrays.Length; c++)
            {
                arrays[c] = batch.Columns[c] switch
                {
                    string?[] text => Text(text, batch.Count),
                    long?[] longs => Build(new Int64Array.Builder(), longs, batch.Count, (b, v) => b.Append(v), b => b.AppendNull()),
                    int?[] ints => Build(new Int32Array.Builder(), ints, batch.Count, (b, v) => b.Append(v), b => b.AppendNull()),
                    bool[] flags => Flags(flags, batch.Count),
                    _ => throw new InvalidOperationException("Not a column of the schema."),
                };
            }

            _writer.WriteRecordBatch(new RecordBatch(_schema, arrays, batch.Count));
        }

        public void Dispose()
        {
            try
            {
                if (_empty)
                {
                    _writer.WriteStart();
                }

                _writer.WriteEnd();
            }
            finally
            {
                _writer.Dispose();
                _stream.Dispose();
            }
        }

        private static StringArray Text(string?[] values, int count)
        {
            var builder = new StringArray.Builder();
            for (var i = 0; i < count; i++)
            {
                if (values[i] is { } value)
                {
                    builder.Append(value);
                }
                else
                {
                    builder.AppendNull();
                }
            }

            return builder.Build();
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

            if (arrow.GetFieldByIndex(indexes[c]).DataType.TypeId != TypeOf(column.Type).TypeId)
            {
                throw new ColumnarSchemaException(path, column.Name, $"holds {arrow.GetFieldByIndex(indexes[c]).DataType.Name} where the schema has {TypeOf(column.Type).Name}.");
            }
        }

        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                var count = batch.Length;
                var columns = new System.Array[indexes.Length];
                for (var c = 0; c < indexes.Length; c++)
                {
                    var array = batch.Column(indexes[c]);
                    columns[c] = array switch
                    {
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
}
