namespace CrimeOutcomes.Statistics;

/// <summary>Two ratios that cannot be compared as proportions, and why.</summary>
public sealed class NotComparable : ProportionComparison
{
    internal NotComparable(Ratio from, Ratio to, NotComparableReason reason, string explanation)
        : base(from, to)
    {
        Reason = reason;
        Explanation = explanation;
    }

    /// <inheritdoc/>
    public override bool IsComparable => false;

    /// <summary>The reason, as a value.</summary>
    public NotComparableReason Reason { get; }

    /// <summary>The reason in words, naming the values that differ.</summary>
    public string Explanation { get; }

    /// <summary>"not comparable: The count bases differ: …".</summary>
    public override string ToString() => "not comparable: " + Explanation;
}
