namespace CrimeOutcomes.Import;

/// <summary>How many count cells of one column of a file held one marker of an absent figure instead of a number.</summary>
/// <param name="Column">The column's header as written.</param>
/// <param name="Marker">The marker as written in the file ("--", "N/A - data not provided"; empty for blank cells).</param>
/// <param name="Absence">What it means.</param>
/// <param name="Cells">How many cells held it.</param>
public sealed record MarkerTally(string Column, string Marker, FigureAbsence Absence, long Cells)
{
    /// <summary>"'--' (not applicable) in 'Force outcomes recorded in quarter': 21,472 cells".</summary>
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(Marker.Length == 0 ? "blank" : $"'{Marker}'")} ({Absence.ToDisplayName()}) in '{Column}': {Cells:N0} cell{(Cells == 1 ? string.Empty : "s")}");
}
