namespace CrimeOutcomes.Json;

/// <summary>
/// How <see cref="CrimeOutcomesJson"/> reads and writes: the reference data that area and outcome references
/// resolve through, the limits that bound reading, and the layout of the text written. Immutable; change it
/// with a <see langword="with"/> expression.
/// </summary>
public sealed record CrimeOutcomesJsonOptions
{
    /// <summary>The default <see cref="MaxDepth"/>: 64 levels of nesting (the documents themselves need at most five).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default <see cref="MaxDocumentBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 256L * 1024 * 1024;

    /// <summary>The defaults: the default registry and catalogue, 64 levels, 256 MiB, indented output.</summary>
    public static CrimeOutcomesJsonOptions Default { get; } = new();

    /// <summary>The registry that force references (ONS codes or names) resolve through.</summary>
    public IForceRegistry Registry { get; init; } = ForceRegistry.Default;

    /// <summary>The catalogue that outcome codes resolve through.</summary>
    public IOutcomeCatalogue Catalogue { get; init; } = OutcomeCatalogue.Default;

    /// <summary>The deepest nesting accepted when reading (and allowed when writing), 1 to 1,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,000.</exception>
    public int MaxDepth
    {
        get;
        init => field = value is >= 1 and <= 1000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum depth must be between 1 and 1,000.");
    } = DefaultMaxDepth;

    /// <summary>The largest document read, in bytes of UTF-8 (a string is measured by its UTF-8 length); larger ones fail before parsing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and <see cref="Array.MaxLength"/> (documents are read into memory whole).</exception>
    public long MaxDocumentBytes
    {
        get;
        init => field = value is > 0 and <= 0x7FFFFFC7
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum document size must be between 1 byte and 2,147,483,591 bytes (Array.MaxLength).");
    } = DefaultMaxDocumentBytes;

    /// <summary>Whether written JSON is indented (true) or compact.</summary>
    public bool WriteIndented { get; init; } = true;
}
