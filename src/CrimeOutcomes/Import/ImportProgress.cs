namespace CrimeOutcomes.Import;

/// <summary>How far a read has got through one file.</summary>
/// <param name="File">The file being read.</param>
/// <param name="Done">Bytes (csv, ods) or rows (xlsx) processed so far.</param>
/// <param name="Total">The file's size in the same unit, or 0 when not known in advance.</param>
public readonly record struct ImportProgress(string File, long Done, long Total);
