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

    public static string? Basis(CountBasis? basis) => basis switch
    {
        null => null,
        CountBasis.Recorded => "recorded_in_period",
        CountBasis.Closed => "assigned_in_period",
        _ => "unstated",
    };

    public static CountBasis? ParseBasis(string text) => text switch
    {
        "recorded_in_period" => CountBasis.Recorded,
        "assigned_in_period" => CountBasis.Closed,
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
