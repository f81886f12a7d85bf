namespace CrimeOutcomes;

/// <summary>
/// Where an outcome type stood in the outcomes framework during a period. A count of an outcome type that was not
/// in the framework is never a zero: a series says "not in the framework that year" instead.
/// </summary>
public enum FrameworkStatus
{
    /// <summary>Forces could not assign the outcome at any time in the period (22 before April 2019, 21 before January 2016).</summary>
    NotInFramework = 0,

    /// <summary>The outcome was introduced or withdrawn during the period: its counts cover part of it only (21 in 2015/16, 19 in 2025/26).</summary>
    PartOfPeriod = 1,

    /// <summary>Recording the outcome was voluntary for part or all of the period (22 from April 2019 to March 2021): forces differ in their use of it.</summary>
    Voluntary = 2,

    /// <summary>Every force could, and had to, assign the outcome throughout the period.</summary>
    InFramework = 3,
}
