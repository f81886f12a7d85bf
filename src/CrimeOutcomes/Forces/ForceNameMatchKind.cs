namespace CrimeOutcomes;

/// <summary>What a name read from a file turned out to be.</summary>
public enum ForceNameMatchKind
{
    /// <summary>A police force.</summary>
    Force = 1,

    /// <summary>A known row that is not a force: Action Fraud, CIFAS, UK Finance, or a total (England and Wales, a region, "Total").</summary>
    NonForce = 2,

    /// <summary>Nothing known; see the suggestions.</summary>
    Unknown = 3,
}
