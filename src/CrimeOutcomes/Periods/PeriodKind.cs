namespace CrimeOutcomes;

/// <summary>What kind of period a <see cref="ReportingPeriod"/> holds.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year, January to December (FOI answers, the press).</summary>
    CalendarYear = 1,

    /// <summary>A financial year, April to March (Home Office publications).</summary>
    FinancialYear = 2,

    /// <summary>A quarter of a financial year.</summary>
    FinancialQuarter = 3,
}
