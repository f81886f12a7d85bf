namespace CrimeOutcomes;

/// <summary>What kind of <see cref="Area"/> this is.</summary>
public enum AreaKind
{
    /// <summary>A single police force (its police force area, or a national force).</summary>
    Force = 1,

    /// <summary>A region of England, or Wales in the regional tables.</summary>
    Region = 2,

    /// <summary>England or Wales.</summary>
    Country = 3,

    /// <summary>England and Wales together, the territory of the Home Office statistics.</summary>
    EnglandAndWales = 4,

    /// <summary>Any other named group of forces: "the 36 forces that answered", "England and Wales excluding West Mercia".</summary>
    Group = 5,
}
