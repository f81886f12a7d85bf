namespace CrimeOutcomes.Import;

/// <summary>How <see cref="FoiTableReader"/> reads a Freedom of Information style wide table. Immutable; use <c>with</c>.</summary>
public sealed record FoiTableOptions
{
    /// <summary>The defaults: strict, all crime, basis unstated.</summary>
    public static FoiTableOptions Default { get; } = new();

    /// <summary>Whether the first malformed row throws (true, the default) or is collected in the report (false).</summary>
    public bool Strict { get; init; } = true;

    /// <summary>Which crimes the table counts (an FOI answer about domestic abuse: <see cref="CrimeScope.DomesticAbuseRelated"/>).</summary>
    public CrimeScope Scope { get; init; } = CrimeScope.AllCrime;

    /// <summary>The basis of the outcome counts; FOI answers rarely say, so <see cref="CountBasis.Unstated"/> by default.</summary>
    public CountBasis Basis { get; init; } = CountBasis.Unstated;

    /// <summary>The outcome types column headers are resolved against.</summary>
    public IOutcomeCatalogue Catalogue { get; init; } = OutcomeCatalogue.Default;

    /// <summary>The forces area names are resolved against.</summary>
    public IForceRegistry Registry { get; init; } = ForceRegistry.Default;

    /// <summary>The most rejected rows listed one by one in the report.</summary>
    public int MaxRejectedRowsListed { get; init; } = 1_000;

    /// <summary>
    /// The longest line read, in characters: 1 Mi by default (a typed table's line is under a hundred). A longer line
    /// stops the read with an <see cref="ImportLimitException"/> before it is buffered.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>
    /// The most distinct area names a table may have that the registry does not know, in lenient mode: 1,000 by
    /// default. Each costs a search for suggestions; past the limit the read stops with an <see cref="ImportLimitException"/>.
    /// </summary>
    public int MaxUnknownAreaNames { get; init; } = 1_000;
}
