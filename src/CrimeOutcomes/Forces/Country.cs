namespace CrimeOutcomes;

/// <summary>The country a police force serves.</summary>
public enum Country
{
    /// <summary>England.</summary>
    England = 1,

    /// <summary>Wales.</summary>
    Wales = 2,

    /// <summary>Great Britain as a whole: national forces with no police force area (British Transport Police).</summary>
    GreatBritain = 3,
}
