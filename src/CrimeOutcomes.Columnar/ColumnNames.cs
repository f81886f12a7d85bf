namespace CrimeOutcomes.Columnar;

/// <summary>The text the columnar files use for enumerations: lower snake case, stable across versions of the schema.</summary>
internal static class ColumnNames
{
    public static string Kind(AreaKind kind) => kind switch
    {
        AreaKind.Force => "force",
        AreaKind.Region => "region",
        AreaKind.Country => "country",
        AreaKind.EnglandAndWales => "england_and_wales",
        _ => "group",
    };

    public static AreaKind? ParseKind(string? text) => text switch
    {
        "force" => AreaKind.Force,
        "region" => AreaKind.Region,
        "country" => AreaKind.Country,
        "england_and_wales" => AreaKind.EnglandAndWales,
        "group" => AreaKind.Group,
        _ => null,
    };

    public static string PeriodKind(PeriodKind kind) => kind switch
    {
        CrimeOutcomes.PeriodKind.CalendarYear => "calendar_year",
        CrimeOutcomes.PeriodKind.FinancialYear => "financial_year",
        _ => "financial_quarter",
    };

    /// <summary>The basis by its short name (recorded, closed, unstated), as the JSON format and the CLI name it.</summary>
    public static string? Basis(CountBasis? basis) => basis is { } value ? FigureNames.ToShortName(value) : null;

    public static CountBasis? ParseBasis(string text) => text switch
    {
        "recorded" => CountBasis.Recorded,
        "closed" => CountBasis.Closed,
        "unstated" => CountBasis.Unstated,
        _ => null,
    };

    public static string? Absence(FigureAbsence? absence) => absence switch
    {
        null => null,
        FigureAbsence.NotReported => "not_reported",
        FigureAbsence.NotApplicable => "not_applicable",
        FigureAbsence.NotAvailable => "not_available",
        FigureAbsence.NotProvided => "not_provided",
        _ => "suppressed",
    };

    public static FigureAbsence? ParseAbsence(string text) => text switch
    {
        "not_reported" => FigureAbsence.NotReported,
        "not_applicable" => FigureAbsence.NotApplicable,
        "not_available" => FigureAbsence.NotAvailable,
        "not_provided" => FigureAbsence.NotProvided,
        "suppressed" => FigureAbsence.Suppressed,
        _ => null,
    };
}
