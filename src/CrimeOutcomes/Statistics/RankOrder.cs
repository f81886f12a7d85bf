namespace CrimeOutcomes.Statistics;

/// <summary>Which end of a ranking is rank 1.</summary>
public enum RankOrder
{
    /// <summary>The highest proportion is rank 1.</summary>
    HighestFirst = 1,

    /// <summary>The lowest proportion is rank 1.</summary>
    LowestFirst = 2,
}
