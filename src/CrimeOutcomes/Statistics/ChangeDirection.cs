namespace CrimeOutcomes.Statistics;

/// <summary>The direction a worded change claim states.</summary>
public enum ChangeDirection
{
    /// <summary>"rose", "increased", "went up", "grew", "climbed".</summary>
    Up = 1,

    /// <summary>"fell", "decreased", "went down", "dropped", "declined".</summary>
    Down = 2,

    /// <summary>"unchanged", "stayed the same", "stable".</summary>
    Unchanged = 3,
}
