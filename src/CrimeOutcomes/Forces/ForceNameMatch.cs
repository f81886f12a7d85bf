namespace CrimeOutcomes;

/// <summary>The result of matching a name read from a file against an <see cref="IForceRegistry"/>.</summary>
/// <param name="Text">The name as read.</param>
/// <param name="Kind">A force, a known non-force row, or unknown.</param>
/// <param name="Force">The force, when <paramref name="Kind"/> is <see cref="ForceNameMatchKind.Force"/>.</param>
/// <param name="Suggestions">For an unknown name, the nearest known force names, nearest first; otherwise empty.</param>
public sealed record ForceNameMatch(string Text, ForceNameMatchKind Kind, PoliceForce? Force, IReadOnlyList<string> Suggestions);
