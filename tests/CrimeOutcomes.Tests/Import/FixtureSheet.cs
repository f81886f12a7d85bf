namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// One sheet of a fixture workbook: its name and its rows, every cell as text (an empty array is an empty row). The
/// rows are enumerated once, while the sheet is written, so they can be generated lazily.
/// </summary>
public sealed record FixtureSheet(string Name, IEnumerable<string[]> Rows);
