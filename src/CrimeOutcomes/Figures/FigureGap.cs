namespace CrimeOutcomes;

/// <summary>
/// A force-quarter whose figures the source marks as absent ("N/A - data not provided": Bedfordshire, the
/// Metropolitan Police and six other forces lack quarters of 2014/15). A figure of that force for a period that
/// contains the quarter is partial: it sums the quarters that were provided, and its coverage says so.
/// </summary>
/// <param name="Force">The force.</param>
/// <param name="Quarter">The quarter that lacks figures.</param>
/// <param name="Basis">The count basis that lacks them; null for recorded crimes (a recorded-crime table).</param>
/// <param name="Absence">Why.</param>
public sealed record FigureGap(PoliceForce Force, FinancialQuarter Quarter, CountBasis? Basis, FigureAbsence Absence)
{
    /// <summary>Whether the gap lies in <paramref name="period"/> (the quarter itself, or a financial year that contains it).</summary>
    /// <param name="period">The period.</param>
    public bool FallsIn(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.FinancialQuarter => period.AsFinancialQuarter() == Quarter,
        PeriodKind.FinancialYear => period.AsFinancialYear() == Quarter.Year,
        _ => false,
    };

    /// <summary>"Bedfordshire, 2014/15 Q4 (recorded basis): not provided".</summary>
    public override string ToString()
        => $"{Force.Name}, {Quarter}{(Basis is { } basis ? $" ({basis.ToDisplayName()})" : string.Empty)}: {Absence.ToDisplayName()}";
}
