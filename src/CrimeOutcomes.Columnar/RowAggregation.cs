namespace CrimeOutcomes.Columnar;

/// <summary>The grain the rows of a row-level table are summed to by <see cref="OpenDataRowTable.Aggregate"/>.</summary>
public sealed record RowAggregation
{
    /// <summary>Force × financial year × outcome type, all offences together: the grain of a default import.</summary>
    public static RowAggregation Default { get; } = new();

    /// <summary>Whether figures are kept per financial quarter (true) or summed to financial years (false, the default).</summary>
    public bool ByQuarter { get; init; }

    /// <summary>How finely the offence classification is kept; <see cref="Import.OffenceGrain.None"/> (the default) sums all offences.</summary>
    public Import.OffenceGrain OffenceGrain { get; init; } = Import.OffenceGrain.None;

    /// <summary>The scope the figures are of, narrowed by offence group, subgroup and code at finer grains (by default all crime).</summary>
    public CrimeScope BaseScope { get; init; } = CrimeScope.AllCrime;

    /// <summary>Whether recorded crimes are derived from the outcome counts on the recorded basis, as the importer does (true by default).</summary>
    public bool DeriveRecordedCrimes { get; init; } = true;
}
