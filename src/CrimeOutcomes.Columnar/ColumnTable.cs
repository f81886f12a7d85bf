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
/// A batch of rows held column by column: text columns as <c>string?[]</c>, integers as <c>long?[]</c> or <c>int?[]</c>,
/// booleans as <c>bool[]</c>, each at least <see cref="Count"/> long.
/// </summary>
internal sealed class ColumnBatch
{
    public ColumnBatch(TableSchema schema, int capacity)
    {
        Schema = schema;
        Columns = schema.Columns.Select(c => c.Type switch
        {
            ColumnType.Text => (Array)new string?[capacity],
            ColumnType.Int64 => new long?[capacity],
            ColumnType.Int32 => new int?[capacity],
            _ => new bool[capacity],
        }).ToArray();
    }

    public ColumnBatch(TableSchema schema, Array[] columns, int count)
    {
        Schema = schema;
        Columns = columns;
        Count = count;
    }

    public TableSchema Schema { get; }

    public Array[] Columns { get; }

    public int Count { get; set; }

    // Kept with the batch, which writers use again: no large arrays made for each sort.
    private SortOrder.Scratch? _sortScratch;

    public int Capacity => Columns.Length == 0 ? 0 : Columns[0].Length;

    public string?[] Text(int column) => (string?[])Columns[column];

    public long?[] Int64(int column) => (long?[])Columns[column];

    public int?[] Int32(int column) => (int?[])Columns[column];

    public bool[] Boolean(int column) => (bool[])Columns[column];

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
                case string?[] text:
                    Permute(text, target.Text(c), order);
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
        var columns = new Array[Columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Array.CreateInstance(Columns[c].GetType().GetElementType()!, count);
            Array.Copy(Columns[c], start, columns[c], 0, count);
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
        private readonly Array[] _keys = keys.Select(k => batch.Columns[k]).ToArray();

        public int Compare(int x, int y)
        {
            foreach (var column in _keys)
            {
                var order = column switch
                {
                    string?[] text => NullsLast(text[x], text[y], static (a, b) => string.CompareOrdinal(a, b)),
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
/// the ranks and the row's position fit in 64 bits together, the rows are sorted as one 64-bit key each, which costs
/// far less than comparing rows column by column (the fallback).
/// </summary>
internal static class SortOrder
{
    /// <summary>The arrays a sort works in, kept for the next sort of a batch of the same size.</summary>
    internal sealed class Scratch
    {
        private int[] _order = [];
        private ulong[] _packed = [];
        private int[][] _ranks = [];

        public int[] Order(int count) => _order.Length >= count ? _order : _order = new int[count];

        public ulong[] Packed(int count) => _packed.Length >= count ? _packed : _packed = new ulong[count];

        public int[] Ranks(int key, int count)
        {
            if (_ranks.Length <= key)
            {
                Array.Resize(ref _ranks, key + 1);
            }

            return _ranks[key] is { } ranks && ranks.Length >= count ? ranks : _ranks[key] = new int[count];
        }
    }

    public static ReadOnlySpan<int> Of(ColumnBatch batch, Scratch scratch)
    {
        var count = batch.Count;
        var order = scratch.Order(count);
        var keys = batch.Schema.SortKeys;
        var ranks = new int[keys.Count][];
        var bits = new int[keys.Count];
        var positionBits = BitLength(count - 1);
        var total = positionBits;
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

        var packed = scratch.Packed(count).AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            ulong key = 0;
            for (var k = 0; k < ranks.Length; k++)
            {
                key = (key << bits[k]) | (uint)ranks[k][i];
            }

            packed[i] = (key << positionBits) | (uint)i;
        }

        packed.Sort();
        var mask = (1UL << positionBits) - 1;
        for (var i = 0; i < count; i++)
        {
            order[i] = (int)(packed[i] & mask);
        }

        return order.AsSpan(0, count);
    }

    private static int BitLength(int value) => value <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value);

    /// <summary>Each row's rank in the column (nulls after every value) into <paramref name="ranks"/>; returns the largest rank, or int.MaxValue for a range too wide to rank.</summary>
    private static int Ranks(Array column, int count, int[] ranks)
    {
        switch (column)
        {
            case string?[] text:
            {
                var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
                string? last = null;
                var lastCode = 0;
                for (var i = 0; i < count; i++)
                {
                    if (text[i] is not { } value)
                    {
                        ranks[i] = -1;
                        continue;
                    }

                    if (!ReferenceEquals(value, last))
                    {
                        if (!distinct.TryGetValue(value, out lastCode))
                        {
                            lastCode = distinct.Count;
                            distinct.Add(value, lastCode);
                        }

                        last = value;
                    }

                    ranks[i] = lastCode;
                }

                var byCode = new int[distinct.Count];
                var rank = 0;
                foreach (var (_, code) in distinct.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    byCode[code] = rank++;
                }

                for (var i = 0; i < count; i++)
                {
                    ranks[i] = ranks[i] < 0 ? distinct.Count : byCode[ranks[i]];
                }

                return distinct.Count;
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
