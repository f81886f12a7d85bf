namespace CrimeOutcomes.Import;

/// <summary>Which Home Office table a file or sheet holds, told apart by its column headers.</summary>
public enum OpenDataTableKind
{
    /// <summary>The police recorded crime and outcomes open data: outcome counts on one or both count bases.</summary>
    Outcomes = 1,

    /// <summary>Police recorded crime by police force area (the PRC tables): "Number of Offences".</summary>
    RecordedCrime = 2,

    /// <summary>A Freedom of Information style wide table: area, year, recorded crimes, one column per outcome type.</summary>
    FoiTable = 3,
}
