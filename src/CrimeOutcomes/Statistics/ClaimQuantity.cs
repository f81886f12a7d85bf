namespace CrimeOutcomes.Statistics;

/// <summary>A quantity read from a claim, as an exact fraction of one (50 per cent = 50 / 100, a third = 1 / 3).</summary>
internal readonly record struct ClaimQuantity(long Numerator, long Denominator, bool IsFractionWord, int Decimals, bool IsPoints, string Words);
