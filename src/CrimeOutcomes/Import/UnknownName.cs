namespace CrimeOutcomes.Import;

/// <summary>A force name the registry does not know, how often it occurred, and the nearest known names.</summary>
/// <param name="Name">The name as written (trimmed).</param>
/// <param name="Rows">How many rows carried it (all rejected).</param>
/// <param name="Suggestions">The nearest known force names, nearest first.</param>
public sealed record UnknownName(string Name, long Rows, IReadOnlyList<string> Suggestions);
