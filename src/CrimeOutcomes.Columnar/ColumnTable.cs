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

/// <summary>A named, versioned list of columns: the schema of one kind of file.</summary>
internal sealed record TableSchema(string Name, int Version, IReadOnlyList<ColumnSpec> Columns)
{
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

    public int Capacity => Columns.Length == 0 ? 0 : Columns[0].Length;

    public string?[] Text(int column) => (string?[])Columns[column];

    public long?[] Int64(int column) => (long?[])Columns[column];

    public int?[] Int32(int column) => (int?[])Columns[column];

    public bool[] Boolean(int column) => (bool[])Columns[column];
}
