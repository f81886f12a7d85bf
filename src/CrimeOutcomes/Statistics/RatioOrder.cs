namespace CrimeOutcomes.Statistics;

/// <summary>Orders ratios by their exact value.</summary>
internal static class RatioOrder
{
    /// <summary>Compares a/b with c/d exactly: a·d against c·b in 128-bit integers (both denominators non-zero).</summary>
    public static int Compare(Ratio left, Ratio right)
        => ((Int128)left.Numerator * right.Denominator).CompareTo((Int128)right.Numerator * left.Denominator);
}
