namespace CrimeOutcomes.Columnar;

/// <summary>The value types of the columnar schemas.</summary>
internal enum ColumnType
{
    /// <summary>UTF-8 text, dictionary-encoded.</summary>
    Text,

    /// <summary>A 64-bit signed integer.</summary>
    Int64,

    /// <summary>A 32-bit signed integer.</summary>
    Int32,

    /// <summary>A boolean.</summary>
    Boolean,
}

/// <summary>One column of a schema: its name, type, whether it may be null, and what it holds.</summary>
internal sealed record ColumnSpec(string Name, ColumnType Type, bool Nullable, string Description);

/// <summary>
/// A named, versioned list of columns: the schema of one kind of file, and the columns its rows are sorted by within
/// each row group (text in ordinal order, numbers ascending, nulls last: what SQL's ORDER BY gives on these columns).
/// </summary>
internal sealed record TableSchema(string Name, int Version, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> SortedBy)
{
    private int[]? _sortKeys;

    /// <summary>The indexes of <see cref="SortedBy"/>.</summary>
    public IReadOnlyList<int> SortKeys => _sortKeys ??= SortedBy.Select(IndexOf).ToArray();

    public const string NameKey = "crimeoutcomes.schema";
    public const string VersionKey = "crimeoutcomes.schema_version";

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"The {Name} schema has no column '{column}'.", nameof(column));
    }

    /// <summary>Checks the schema name and version a file declares, naming the file when they are not these.</summary>
    public void Check(IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue(NameKey, out var name) || name != Name)
        {
            throw new ColumnarSchemaException(path, null,
                $"not a CrimeOutcomes {Name} file: its key-value metadata has {(name is null ? $"no '{NameKey}'" : $"'{NameKey}' = '{name}'")}, where '{Name}' was expected.");
        }

        if (!metadata.TryGetValue(VersionKey, out var version) || version != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new ColumnarSchemaException(path, null,
                $"written with version {version ?? "(none)"} of the {Name} schema; this library reads version {Version}.");
        }
    }
}

/// <summary>
/// A batch of rows held column by column: text columns as <see cref="TextColumn"/>s, integers as <c>long?[]</c> or
/// <c>int?[]</c>, booleans as <c>bool[]</c>, each at least <see cref="Count"/> long.
/// </summary>
internal sealed class ColumnBatch
{
    public ColumnBatch(TableSchema schema, int capacity)
        : this(schema, schema.Columns.Select(c => c.Type switch
        {
            ColumnType.Text => (object)new TextColumn(capacity),
            ColumnType.Int64 => new long?[capacity],
            ColumnType.Int32 => new int?[capacity],
            _ => new bool[capacity],
        }).ToArray(), 0)
    {
    }

    /// <summary>A batch of these columns (not copied); text given as <c>string?[]</c> is taken as a <see cref="TextColumn"/> of them.</summary>
    public ColumnBatch(TableSchema schema, object[] columns, int count)
    {
        Schema = schema;
        Columns = columns.Select(c => c is string?[] text ? new TextColumn(text) : c).ToArray();
        Count = count;
        // Each column also held by its type, so that a row's values are stored with no cast.
        _text = Columns.Select(c => c as TextColumn).ToArray();
        _int64 = Columns.Select(c => c as long?[]).ToArray();
        _int32 = Columns.Select(c => c as int?[]).ToArray();
        _boolean = Columns.Select(c => c as bool[]).ToArray();
        Capacity = Columns.Length == 0 ? 0 : Columns[0] switch
        {
            TextColumn first => first.Count,
            var array => ((Array)array).Length,
        };
    }

    private readonly TextColumn?[] _text;
    private readonly long?[]?[] _int64;
    private readonly int?[]?[] _int32;
    private readonly bool[]?[] _boolean;

    public TableSchema Schema { get; }

    public object[] Columns { get; }

    public int Count { get; set; }

    // Kept with the batch, which writers use again: no large arrays made for each sort.
    private SortOrder.Scratch? _sortScratch;

    public int Capacity { get; }

    public TextColumn Text(int column) => _text[column] ?? NotOfType<TextColumn>(column, "text");

    /// <summary>Empties the batch to be filled again from its first row (its text columns forget their values).</summary>
    public void Clear()
    {
        Count = 0;
        foreach (var column in Columns)
        {
            (column as TextColumn)?.Clear();
        }
    }

    public long?[] Int64(int column) => _int64[column] ?? NotOfType<long?[]>(column, "a 64-bit integer");

    public int?[] Int32(int column) => _int32[column] ?? NotOfType<int?[]>(column, "a 32-bit integer");

    public bool[] Boolean(int column) => _boolean[column] ?? NotOfType<bool[]>(column, "a boolean");

    // Thrown from a method of its own, so that the column getters are inlined.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private T NotOfType<T>(int column, string type) => throw new InvalidOperationException($"Column {column} of a {Schema.Name} batch is not {type}.");

    /// <summary>
    /// Writes this batch's rows into <paramref name="target"/> (of the same schema and at least this capacity) in the
    /// order of the schema's sort columns; rows equal on them keep their order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void SortInto(ColumnBatch target)
    {
        var order = SortOrder.Of(this, _sortScratch ??= new SortOrder.Scratch());
        for (var c = 0; c < Columns.Length; c++)
        {
            switch (Columns[c])
            {
                case TextColumn text:
                    text.CopyPermuted(target.Text(c), order);
                    break;
                case long?[] longs:
                    Permute(longs, target.Int64(c), order);
                    break;
                case int?[] ints:
                    Permute(ints, target.Int32(c), order);
                    break;
                case bool[] flags:
                    Permute(flags, target.Boolean(c), order);
                    break;
            }
        }

        target.Count = Count;
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as a batch of their own.</summary>
    public ColumnBatch Slice(int start, int count)
    {
        var columns = new object[Columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            if (Columns[c] is TextColumn text)
            {
                columns[c] = text.Slice(start, count);
                continue;
            }

            var array = (Array)Columns[c];
            var slice = Array.CreateInstance(array.GetType().GetElementType()!, count);
            Array.Copy(array, start, slice, 0, count);
            columns[c] = slice;
        }

        return new ColumnBatch(Schema, columns, count);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Permute<T>(T[] from, T[] to, ReadOnlySpan<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            to[i] = from[order[i]];
        }
    }

    /// <summary>Compares two rows of a batch by the sort columns, then by position (so the sort is stable).</summary>
    internal sealed class RowOrder(ColumnBatch batch, IReadOnlyList<int> keys) : IComparer<int>
    {
        private readonly object[] _keys = keys.Select(k => batch.Columns[k]).ToArray();

        public int Compare(int x, int y)
        {
            foreach (var column in _keys)
            {
                var order = column switch
                {
                    TextColumn text => NullsLast(text[x], text[y], static (a, b) => string.CompareOrdinal(a, b)),
                    long?[] longs => NullsLast(longs[x], longs[y]),
                    int?[] ints => NullsLast(ints[x], ints[y]),
                    bool[] flags => flags[x].CompareTo(flags[y]),
                    _ => 0,
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return x.CompareTo(y);
        }

        private static int NullsLast<T>(T? a, T? b)
            where T : struct, IComparable<T>
            => a is { } left ? (b is { } right ? left.CompareTo(right) : -1) : (b is null ? 0 : 1);

        private static int NullsLast(string? a, string? b, Func<string, string, int> compare)
            => ReferenceEquals(a, b) ? 0 : a is null ? 1 : b is null ? -1 : compare(a, b);
    }
}

/// <summary>
/// The order of a batch's rows by its schema's sort columns. Each sort column's values are ranked (text among its
/// distinct values in ordinal order, integers by their offset from the smallest, nulls after every value), and where
/// the ranks fit in 64 bits together, the rows are sorted by one 64-bit key each, a byte of it a pass (a radix sort),
/// which costs far less than comparing rows column by column (the fallback).
/// </summary>
internal static class SortOrder
{
    /// <summary>The arrays a sort works in, kept for the next sort of a batch of the same size.</summary>
    internal sealed class Scratch
    {
        private int[]? _order;
        private ulong[]? _packed;
        private ulong[]? _spareKeys;
        private int[]? _spareOrder;
        private int[]?[] _ranks = [];

        public int[] Order(int count) => ReusableArray.AtLeast(ref _order, count);

        public ulong[] Packed(int count) => ReusableArray.AtLeast(ref _packed, count);

        public ulong[] SpareKeys(int count) => ReusableArray.AtLeast(ref _spareKeys, count);

        public int[] SpareOrder(int count) => ReusableArray.AtLeast(ref _spareOrder, count);

        public int[] Ranks(int key, int count)
        {
            if (_ranks.Length <= key)
            {
                Array.Resize(ref _ranks, key + 1);
            }

            return ReusableArray.AtLeast(ref _ranks[key], count);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<int> Of(ColumnBatch batch, Scratch scratch)
    {
        var count = batch.Count;
        var order = scratch.Order(count);
        var keys = batch.Schema.SortKeys;
        var ranks = new int[keys.Count][];
        var bits = new int[keys.Count];
        var total = 0;
        for (var k = 0; k < keys.Count && total <= 64; k++)
        {
            ranks[k] = scratch.Ranks(k, count);
            var largest = Ranks(batch.Columns[keys[k]], count, ranks[k]);
            bits[k] = largest == int.MaxValue ? 65 : BitLength(largest);
            total += bits[k];
        }

        if (total > 64)
        {
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, 0, count, new ColumnBatch.RowOrder(batch, keys));
            return order.AsSpan(0, count);
        }

        // The ranks packed into one key a row, then sorted by its bytes from the lowest (a radix sort: a few passes over
        // the rows, each stable, so rows with equal keys keep their order).
        var packed = scratch.Packed(count).AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            ulong key = 0;
            for (var k = 0; k < ranks.Length; k++)
            {
                key = (key << bits[k]) | (uint)ranks[k][i];
            }

            packed[i] = key;
            order[i] = i;
        }

        var sorted = RadixSort(packed, order.AsSpan(0, count), scratch.SpareKeys(count).AsSpan(0, count), scratch.SpareOrder(count).AsSpan(0, count), total);
        if (!sorted.Overlaps(order))
        {
            sorted.CopyTo(order);
        }

        return order.AsSpan(0, count);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> (of <paramref name="keyBits"/> bits) and <paramref name="order"/> with them, a byte a
    /// pass from the lowest, stably, using the spare buffers; returns the order sorted (in <paramref name="order"/> or
    /// <paramref name="spareOrder"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Span<int> RadixSort(Span<ulong> keys, Span<int> order, Span<ulong> spareKeys, Span<int> spareOrder, int keyBits)
    {
        Span<int> starts = stackalloc int[256];
        for (var shift = 0; shift < keyBits; shift += 8)
        {
            starts.Clear();
            foreach (var key in keys)
            {
                starts[(int)((key >> shift) & 0xFF)]++;
            }

            var next = 0;
            for (var digit = 0; digit < starts.Length; digit++)
            {
                var size = starts[digit];
                starts[digit] = next;
                next += size;
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var at = starts[(int)((keys[i] >> shift) & 0xFF)]++;
                spareKeys[at] = keys[i];
                spareOrder[at] = order[i];
            }

            var keysWere = keys;
            keys = spareKeys;
            spareKeys = keysWere;
            var orderWas = order;
            order = spareOrder;
            spareOrder = orderWas;
        }

        return order;
    }

    private static int BitLength(int value) => value <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value);

    /// <summary>Each row's rank in the column (nulls after every value) into <paramref name="ranks"/>; returns the largest rank, or int.MaxValue for a range too wide to rank.</summary>
    private static int Ranks(object column, int count, int[] ranks)
    {
        switch (column)
        {
            case TextColumn text:
            {
                // The codes index distinct values: rank those (a few hundred at most), then look each row's up.
                var codes = text.Codes(count);
                var values = text.Values;
                var byRank = Enumerable.Range(0, values.Count).OrderBy(code => values[code], StringComparer.Ordinal).ToArray();
                var byCode = new int[values.Count];
                for (var rank = 0; rank < byRank.Length; rank++)
                {
                    byCode[byRank[rank]] = rank;
                }

                for (var i = 0; i < count; i++)
                {
                    ranks[i] = codes[i] < 0 ? values.Count : byCode[codes[i]];
                }

                return values.Count;
            }

            case long?[] longs:
                return Offsets(longs, count, ranks);
            case int?[] ints:
                return Offsets(ints, count, ranks);
            case bool[] flags:
                for (var i = 0; i < count; i++)
                {
                    ranks[i] = flags[i] ? 1 : 0;
                }

                return 1;
            default:
                return int.MaxValue;
        }
    }

    private static int Offsets<T>(T?[] values, int count, int[] ranks)
        where T : struct, System.Numerics.INumber<T>
    {
        long min = long.MaxValue, max = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } value)
            {
                var number = long.CreateTruncating(value);
                min = Math.Min(min, number);
                max = Math.Max(max, number);
            }
        }

        if (min > max)
        {
            Array.Clear(ranks, 0, count);
            return 0;
        }

        if (max - min >= 1 << 24)
        {
            return int.MaxValue;
        }

        var nulls = (int)(max - min) + 1;
        for (var i = 0; i < count; i++)
        {
            ranks[i] = values[i] is { } value ? (int)(long.CreateTruncating(value) - min) : nulls;
        }

        return nulls;
    }
}
