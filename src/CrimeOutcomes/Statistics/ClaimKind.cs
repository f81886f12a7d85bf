namespace CrimeOutcomes.Statistics;

/// <summary>What a worded claim says about the figures.</summary>
public enum ClaimKind
{
    /// <summary>The size of a proportion: "a third", "just under 50 per cent", "one in seven".</summary>
    Proportion = 1,

    /// <summary>The direction of a change: "rose", "fell", "unchanged".</summary>
    Direction = 2,

    /// <summary>A change as a multiple: "doubled", "more than doubled", "nearly halved", "tripled".</summary>
    Multiple = 3,

    /// <summary>A change by an amount: "rose by 10 per cent", "fell by a third", "rose by 4 percentage points".</summary>
    ChangeBy = 4,
}
