using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CrimeOutcomes.Columnar.ParquetFormat;

/// <summary>
/// Writes a <see cref="TableSchema"/>'s batches as a Parquet file, one row group a batch and one Snappy-compressed data
/// page a column chunk: text dictionary-encoded (a dictionary page of the chunk's distinct values, then their indexes in
/// the RLE / bit-packed hybrid), integers DELTA_BINARY_PACKED, booleans PLAIN, nulls as definition levels, and each
/// chunk's statistics (nulls, smallest and largest value), by which engines skip row groups. Files are read back by
/// Parquet.Net (and DuckDB, pandas, Spark).
/// </summary>
/// <remarks>
/// Parquet.Net 6 writes the same encodings, but builds each text dictionary in a hash table sized for the whole column
/// chunk: for the row-level table (100,000 rows a group, ten text columns) that is some 3 MB of large-object garbage a
/// column, which set the conversion's speed and peak memory. Here a batch's text columns come with their codes into
/// their distinct values (<see cref="TextColumn"/>), which become the dictionary indexes with no hashing, and the
/// buffers are kept from one row group to the next.
/// </remarks>
internal sealed class ParquetFileWriter : IBatchWriter
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    // Parquet's enums (parquet.thrift).
    private const int TypeBoolean = 0, TypeInt32 = 1, TypeInt64 = 2, TypeByteArray = 6;
    private const int Required = 0, Optional = 1;
    private const int ConvertedUtf8 = 0;
    private const int EncodingPlain = 0, EncodingRle = 3, EncodingDeltaBinaryPacked = 5, EncodingRleDictionary = 8;
    private const int CodecSnappy = 1;
    private const int PageData = 0, PageDictionary = 2;

    private readonly TableSchema _schema;
    private readonly Stream _stream;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly List<RowGroupEntry> _rowGroups = [];
    private readonly ArrayBufferWriter<byte> _body = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _header = new(256);
    private byte[] _compressed = new byte[1 << 16];
    private int[]? _indexes;
    private int[]? _places;
    private int[]? _used;
    private int[]? _levels;
    private long[]? _numbers;
    private long _position;
    private bool _disposed;

    public ParquetFileWriter(TableSchema schema, Stream stream, IReadOnlyDictionary<string, string> metadata)
    {
        _schema = schema;
        _stream = stream;
        _metadata = metadata;
        Write(Magic);
    }

    /// <summary>Writes <paramref name="batch"/> (of this writer's schema) as a row group; an empty batch writes nothing.</summary>
    public void Write(ColumnBatch batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var chunks = new ColumnChunkEntry[_schema.Columns.Count];
        for (var c = 0; c < chunks.Length; c++)
        {
            var column = _schema.Columns[c];
            chunks[c] = column.Type switch
            {
                ColumnType.Text => WriteText(column, batch.Text(c), batch.Count),
                ColumnType.Int64 => WriteNumbers(column, batch.Int64(c), batch.Count),
                ColumnType.Int32 => WriteNumbers(column, batch.Int32(c), batch.Count),
                _ => WriteBooleans(column, batch.Boolean(c), batch.Count),
            };
        }

        _rowGroups.Add(new RowGroupEntry(chunks, batch.Count));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ColumnChunkEntry WriteText(ColumnSpec column, TextColumn text, int count)
    {
        // The column's codes index its distinct values; the chunk's dictionary holds those its rows use, in order of
        // first use, and each code is mapped to its place there once.
        var codes = text.Codes(count);
        var values = text.Values;
        var place = ReusableArray.AtLeast(ref _places, values.Count);
        place.AsSpan(0, values.Count).Fill(-1);
        var used = ReusableArray.AtLeast(ref _used, values.Count);
        var distinct = 0;
        var indexes = ReusableArray.AtLeast(ref _indexes, count);
        var levels = column.Nullable ? ReusableArray.AtLeast(ref _levels, count) : null;
        var present = 0;
        for (var i = 0; i < count; i++)
        {
            var code = codes[i];
            if (code < 0)
            {
                if (!column.Nullable)
                {
                    throw new InvalidOperationException($"Column '{column.Name}' is not nullable, but row {i} of the batch is null.");
                }

                levels![i] = 0;
                continue;
            }

            if (levels is not null)
            {
                levels[i] = 1;
            }

            var index = place[code];
            if (index < 0)
            {
                index = place[code] = distinct;
                used[distinct++] = code;
            }

            indexes[present++] = index;
        }

        var start = _position;
        long? dictionaryOffset = null;
        var uncompressed = 0L;
        var encodings = new List<int>();
        byte[]? min = null, max = null;
        if (distinct > 0)
        {
            dictionaryOffset = _position;
            _body.ResetWrittenCount();
            foreach (var code in used.AsSpan(0, distinct))
            {
                var value = values[code];
                var length = Encoding.UTF8.GetByteCount(value);
                var span = _body.GetSpan(4 + length);
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                Encoding.UTF8.GetBytes(value, span[4..]);
                // The chunk's smallest and largest values in the order Parquet defines for UTF-8: unsigned bytes.
                var bytes = span.Slice(4, length);
                if (min is null || bytes.SequenceCompareTo(min) < 0)
                {
                    min = bytes.ToArray();
                }

                if (max is null || bytes.SequenceCompareTo(max) > 0)
                {
                    max = bytes.ToArray();
                }

                _body.Advance(4 + length);
            }

            uncompressed += WritePage(PageDictionary, distinct, EncodingPlain);
            encodings.Add(EncodingPlain);
            encodings.Add(EncodingRleDictionary);
        }
        else
        {
            encodings.Add(EncodingPlain);
        }

        if (column.Nullable)
        {
            encodings.Add(EncodingRle);
        }

        var dataOffset = _position;
        _body.ResetWrittenCount();
        WriteLevels(levels, count);
        if (present > 0)
        {
            var width = ParquetEncodings.BitWidth((ulong)Math.Max(0, distinct - 1));
            _body.GetSpan(1)[0] = (byte)width;
            _body.Advance(1);
            ParquetEncodings.WriteHybrid(_body, indexes.AsSpan(0, present), width);
        }

        uncompressed += WritePage(PageData, count, present > 0 ? EncodingRleDictionary : EncodingPlain);
        return new ColumnChunkEntry(column, TypeByteArray, encodings, count, uncompressed, _position - start, dataOffset, dictionaryOffset, new Statistics(count - present, min, max));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ColumnChunkEntry WriteNumbers<T>(ColumnSpec column, T?[] values, int count)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var numbers = ReusableArray.AtLeast(ref _numbers, count);
        var levels = column.Nullable ? ReusableArray.AtLeast(ref _levels, count) : null;
        var present = 0;
        long min = long.MaxValue, max = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } value)
            {
                var number = long.CreateTruncating(value);
                numbers[present++] = number;
                min = Math.Min(min, number);
                max = Math.Max(max, number);
                if (levels is not null)
                {
                    levels[i] = 1;
                }
            }
            else if (levels is not null)
            {
                levels[i] = 0;
            }
            else
            {
                throw new InvalidOperationException($"Column '{column.Name}' is not nullable, but row {i} of the batch is null.");
            }
        }

        var start = _position;
        _body.ResetWrittenCount();
        WriteLevels(levels, count);
        var int32 = column.Type == ColumnType.Int32;
        ParquetEncodings.WriteDeltaBinaryPacked(_body, numbers.AsSpan(0, present), int32);
        var uncompressed = WritePage(PageData, count, EncodingDeltaBinaryPacked);
        var statistics = present == 0
            ? new Statistics(count, null, null)
            : new Statistics(count - present, PlainInteger(min, int32), PlainInteger(max, int32));
        return new ColumnChunkEntry(column, int32 ? TypeInt32 : TypeInt64, column.Nullable ? [EncodingDeltaBinaryPacked, EncodingRle] : [EncodingDeltaBinaryPacked], count, uncompressed, _position - start, start, null, statistics);
    }

    private ColumnChunkEntry WriteBooleans(ColumnSpec column, bool[] values, int count)
    {
        var start = _position;
        var flags = values.AsSpan(0, count);
        _body.ResetWrittenCount();
        ParquetEncodings.WritePlainBooleans(_body, flags);
        var uncompressed = WritePage(PageData, count, EncodingPlain);
        var statistics = new Statistics(0, [flags.Contains(false) ? (byte)0 : (byte)1], [flags.Contains(true) ? (byte)1 : (byte)0]);
        return new ColumnChunkEntry(column, TypeBoolean, [EncodingPlain], count, uncompressed, _position - start, start, null, statistics);
    }

    /// <summary>An integer statistic as Parquet stores it: the value PLAIN-encoded, little-endian in 4 or 8 bytes.</summary>
    private static byte[] PlainInteger(long value, bool int32)
    {
        var bytes = new byte[int32 ? 4 : 8];
        if (int32)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)value);
        }
        else
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        }

        return bytes;
    }

    /// <summary>Definition levels (nullable columns only): their byte length, then the levels in the hybrid encoding of width 1.</summary>
    private void WriteLevels(int[]? levels, int count)
    {
        if (levels is null)
        {
            return;
        }

        var lengthAt = _body.WrittenCount;
        _body.GetSpan(4);
        _body.Advance(4);
        ParquetEncodings.WriteHybrid(_body, levels.AsSpan(0, count), 1);
        var length = _body.WrittenCount - lengthAt - 4;
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(_body.WrittenMemory).Span.Slice(lengthAt, 4), length);
    }

    /// <summary>Compresses the page body held in <c>_body</c> and writes it after its header; returns its uncompressed size with the header.</summary>
    private long WritePage(int type, int values, int encoding)
    {
        var body = _body.WrittenSpan;
        var bound = Snappier.Snappy.GetMaxCompressedLength(body.Length);
        if (_compressed.Length < bound)
        {
            _compressed = new byte[Math.Max(bound, _compressed.Length * 2)];
        }

        var compressed = Snappier.Snappy.Compress(body, _compressed);
        _header.ResetWrittenCount();
        var thrift = new ThriftCompactWriter(_header);
        thrift.I32Field(1, type);
        thrift.I32Field(2, body.Length);
        thrift.I32Field(3, compressed);
        if (type == PageData)
        {
            thrift.BeginStructField(5);
            thrift.I32Field(1, values);
            thrift.I32Field(2, encoding);
            thrift.I32Field(3, EncodingRle);
            thrift.I32Field(4, EncodingRle);
            thrift.EndStruct();
        }
        else
        {
            thrift.BeginStructField(7);
            thrift.I32Field(1, values);
            thrift.I32Field(2, encoding);
            thrift.EndStruct();
        }

        thrift.EndMessage();
        var headerLength = _header.WrittenCount;
        Write(_header.WrittenSpan);
        Write(_compressed.AsSpan(0, compressed));
        return headerLength + body.Length;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _position += bytes.Length;
    }

    /// <summary>Writes the footer (schema, row groups, key-value metadata) and closes the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _header.ResetWrittenCount();
            WriteFooter(new ThriftCompactWriter(_header));
            Write(_header.WrittenSpan);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, _header.WrittenCount);
            Write(length);
            Write(Magic);
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void WriteFooter(ThriftCompactWriter thrift)
    {
        thrift.I32Field(1, 1);
        thrift.StructListField(2, _schema.Columns.Count + 1);
        thrift.BeginStruct();
        thrift.StringField(4, "schema");
        thrift.I32Field(5, _schema.Columns.Count);
        thrift.EndStruct();
        foreach (var column in _schema.Columns)
        {
            thrift.BeginStruct();
            thrift.I32Field(1, PhysicalType(column));
            thrift.I32Field(3, column.Nullable ? Optional : Required);
            thrift.StringField(4, column.Name);
            if (column.Type == ColumnType.Text)
            {
                thrift.I32Field(6, ConvertedUtf8);
                thrift.BeginStructField(10);
                thrift.BeginStructField(1);
                thrift.EndStruct();
                thrift.EndStruct();
            }

            thrift.EndStruct();
        }

        thrift.I64Field(3, _rowGroups.Sum(g => (long)g.Rows));
        thrift.StructListField(4, _rowGroups.Count);
        foreach (var group in _rowGroups)
        {
            WriteRowGroupMetadata(thrift, group);
        }

        var keyValues = _metadata.Concat(new Dictionary<string, string>
        {
            [TableSchema.NameKey] = _schema.Name,
            [TableSchema.VersionKey] = _schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray();
        thrift.StructListField(5, keyValues.Length);
        foreach (var (key, value) in keyValues)
        {
            thrift.BeginStruct();
            thrift.StringField(1, key);
            thrift.StringField(2, value);
            thrift.EndStruct();
        }

        thrift.StringField(6, $"CrimeOutcomes.Columnar version {typeof(ParquetFileWriter).Assembly.GetName().Version}");
        // Every column's statistics are in the order its type defines (text: unsigned bytes), so readers use them.
        thrift.StructListField(7, _schema.Columns.Count);
        foreach (var _ in _schema.Columns)
        {
            thrift.BeginStruct();
            thrift.BeginStructField(1);
            thrift.EndStruct();
            thrift.EndStruct();
        }

        thrift.EndMessage();
    }

    private void WriteRowGroupMetadata(ThriftCompactWriter thrift, RowGroupEntry group)
    {
        thrift.BeginStruct();
        thrift.StructListField(1, group.Columns.Length);
        foreach (var chunk in group.Columns)
        {
            thrift.BeginStruct();
            thrift.I64Field(2, chunk.DictionaryOffset ?? chunk.DataOffset);
            thrift.BeginStructField(3);
            thrift.I32Field(1, chunk.PhysicalType);
            thrift.I32ListField(2, chunk.Encodings);
            thrift.StringListField(3, [chunk.Column.Name]);
            thrift.I32Field(4, CodecSnappy);
            thrift.I64Field(5, chunk.Values);
            thrift.I64Field(6, chunk.UncompressedSize);
            thrift.I64Field(7, chunk.CompressedSize);
            thrift.I64Field(9, chunk.DataOffset);
            if (chunk.DictionaryOffset is { } dictionaryOffset)
            {
                thrift.I64Field(11, dictionaryOffset);
            }

            thrift.BeginStructField(12);
            thrift.I64Field(3, chunk.Statistics.NullCount);
            if (chunk.Statistics is { Min: { } min, Max: { } max })
            {
                thrift.BinaryField(5, max);
                thrift.BinaryField(6, min);
            }

            thrift.EndStruct();
            thrift.EndStruct();
            thrift.EndStruct();
        }

        thrift.I64Field(2, group.Columns.Sum(c => c.UncompressedSize));
        thrift.I64Field(3, group.Rows);
        thrift.EndStruct();
    }

    private static int PhysicalType(ColumnSpec column) => column.Type switch
    {
        ColumnType.Text => TypeByteArray,
        ColumnType.Int64 => TypeInt64,
        ColumnType.Int32 => TypeInt32,
        _ => TypeBoolean,
    };

    private sealed record ColumnChunkEntry(ColumnSpec Column, int PhysicalType, IReadOnlyList<int> Encodings, long Values, long UncompressedSize, long CompressedSize, long DataOffset, long? DictionaryOffset, Statistics Statistics);

    /// <summary>A column chunk's nulls and its smallest and largest values as Parquet stores them (none when all are null).</summary>
    private sealed record Statistics(long NullCount, byte[]? Min, byte[]? Max);

    private sealed record RowGroupEntry(ColumnChunkEntry[] Columns, int Rows);
}
