using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>
/// The sums of the count columns over a set of rows, one per basis: outcomes for offences recorded in the period,
/// outcomes assigned (closed) in the period, and recorded offences (the PRC tables' "Number of Offences").
/// </summary>
/// <param name="RecordedInPeriod">The sum of the recorded-basis column.</param>
/// <param name="AssignedInPeriod">The sum of the closed-basis column.</param>
/// <param name="RecordedCrimes">The sum of "Number of Offences" (or of an FOI table's recorded-crimes column).</param>
/// <param name="UnstatedBasis">The sum of outcome counts whose basis the source does not state (FOI tables).</param>
public readonly record struct CountTotals(long RecordedInPeriod, long AssignedInPeriod, long RecordedCrimes, long UnstatedBasis = 0)
{
    /// <summary>The sums of both, checked for overflow.</summary>
    /// <param name="left">One set of sums.</param>
    /// <param name="right">The other.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static CountTotals operator +(CountTotals left, CountTotals right) => new(
        checked(left.RecordedInPeriod + right.RecordedInPeriod),
        checked(left.AssignedInPeriod + right.AssignedInPeriod),
        checked(left.RecordedCrimes + right.RecordedCrimes),
        checked(left.UnstatedBasis + right.UnstatedBasis));

    /// <summary>The same as <see cref="op_Addition"/>.</summary>
    /// <param name="other">The sums to add.</param>
    public CountTotals Add(CountTotals other) => this + other;

    /// <summary>"recorded basis 1,234; closed basis 1,200; offences 0" (and "basis unstated …" when there are such counts).</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"recorded basis {RecordedInPeriod:N0}; closed basis {AssignedInPeriod:N0}; offences {RecordedCrimes:N0}")
           + (UnstatedBasis != 0 ? string.Create(CultureInfo.InvariantCulture, $"; basis unstated {UnstatedBasis:N0}") : string.Empty);
}
