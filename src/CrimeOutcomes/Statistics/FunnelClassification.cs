namespace CrimeOutcomes.Statistics;

/// <summary>Where a unit's proportion lies against the funnel's control limits (a value on a limit counts as inside it).</summary>
public enum FunnelClassification
{
    /// <summary>Below the lower 99.8 % limit: far below the target, beyond what chance alone plausibly explains.</summary>
    Below998 = -2,

    /// <summary>Below the lower 95 % limit but within the 99.8 % limits.</summary>
    Below95 = -1,

    /// <summary>Within the 95 % limits: consistent with the target given the denominator.</summary>
    Within = 0,

    /// <summary>Above the upper 95 % limit but within the 99.8 % limits.</summary>
    Above95 = 1,

    /// <summary>Above the upper 99.8 % limit.</summary>
    Above998 = 2,
}
