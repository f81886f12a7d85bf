namespace CrimeOutcomes;

/// <summary>The words tables and messages use for count bases and absent figures.</summary>
public static class FigureNames
{
    /// <summary>"recorded basis", "closed basis" or "basis unstated", for tables and messages.</summary>
    /// <param name="basis">The count basis.</param>
    public static string ToDisplayName(this CountBasis basis) => basis switch
    {
        CountBasis.Recorded => "recorded basis",
        CountBasis.Closed => "closed basis",
        CountBasis.Unstated => "basis unstated",
        _ => ((int)basis).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The stable one-word name of a basis: "recorded", "closed" or "unstated", as the CLI's <c>--basis</c>, the JSON
    /// and the csv export write it (use it, not <c>ToString()</c>, which is ambiguous for a value with an obsolete alias).
    /// </summary>
    /// <param name="basis">The count basis.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined basis.</exception>
    public static string ToShortName(this CountBasis basis) => basis switch
    {
        CountBasis.Recorded => "recorded",
        CountBasis.Closed => "closed",
        CountBasis.Unstated => "unstated",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined count basis."),
    };

    /// <summary>Parses "recorded", "closed" or "unstated" (case-insensitive, spaces trimmed; "recorded basis" and "closed basis" too).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text names no basis; the message quotes it and lists the names.</exception>
    public static CountBasis ParseBasis(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = text.Trim();
        if (key.EndsWith(" basis", StringComparison.OrdinalIgnoreCase))
        {
            key = key[..^" basis".Length].TrimEnd();
        }

        foreach (var basis in Bases)
        {
            if (string.Equals(key, basis.ToShortName(), StringComparison.OrdinalIgnoreCase))
            {
                return basis;
            }
        }

        throw new FormatException($"'{text}' is not a count basis: expected 'recorded' (outcomes of crimes recorded in the period, the Home Office headline), 'closed' (outcomes assigned in the period) or 'unstated'.");
    }

    /// <summary>The defined bases, each once (<c>Enum.GetValues</c> would list the obsolete aliases too).</summary>
    internal static IReadOnlyList<CountBasis> Bases { get; } = [CountBasis.Recorded, CountBasis.Closed, CountBasis.Unstated];

    /// <summary>"not reported", "not applicable", "not available", "not provided", "suppressed" or "not in the release".</summary>
    /// <param name="absence">Why a figure is absent.</param>
    public static string ToDisplayName(this FigureAbsence absence) => absence switch
    {
        FigureAbsence.NotReported => "not reported",
        FigureAbsence.NotApplicable => "not applicable",
        FigureAbsence.NotAvailable => "not available",
        FigureAbsence.NotProvided => "not provided",
        FigureAbsence.Suppressed => "suppressed",
        FigureAbsence.NotInRelease => "not in the release",
        _ => absence.ToString(),
    };
}
