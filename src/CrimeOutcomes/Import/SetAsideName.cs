namespace CrimeOutcomes.Import;

/// <summary>
/// A known non-force name (Action Fraud, CIFAS, UK Finance, a total row) whose rows were set aside rather than
/// kept: they are not police force figures, and adding them would double count or mix in fraud.
/// </summary>
/// <param name="Name">The name as written (trimmed).</param>
/// <param name="Rows">How many rows carried it.</param>
/// <param name="Counts">The sums of their count columns.</param>
public sealed record SetAsideName(string Name, long Rows, CountTotals Counts);
