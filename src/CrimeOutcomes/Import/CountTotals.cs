using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>
/// The sums of the count columns over a set of rows, one per basis: outcomes for offences recorded in the period,
/// outcomes assigned (closed) in the period, and recorded offences (the PRC tables' "Number of Offences").
/// </summary>
/// <param name="Recorded">The sum of the recorded-basis column (<see cref="CountBasis.Recorded"/>).</param>
/// <param name="Closed">The sum of the closed-basis column (<see cref="CountBasis.Closed"/>).</param>
/// <param name="RecordedCrimes">The sum of "Number of Offences" (or of an FOI table's recorded-crimes column).</param>
/// <param name="UnstatedBasis">The sum of outcome counts whose basis the source does not state (FOI tables).</param>
public readonly record struct CountTotals(long Recorded, long Closed, long RecordedCrimes, long UnstatedBasis = 0)
{
    /// <summary>The former name of <see cref="Recorded"/>.</summary>
    [Obsolete("Use Recorded: the bases are named recorded and closed.")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public long RecordedInPeriod { get => Recorded; init => Recorded = value; }

    /// <summary>The former name of <see cref="Closed"/>.</summary>
    [Obsolete("Use Closed: the bases are named recorded and closed.")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public long AssignedInPeriod { get => Closed; init => Closed = value; }

    /// <summary>The sums of both, checked for overflow.</summary>
    /// <param name="left">One set of sums.</param>
    /// <param name="right">The other.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static CountTotals operator +(CountTotals left, CountTotals right) => new(
        checked(left.Recorded + right.Recorded),
        checked(left.Closed + right.Closed),
        checked(left.RecordedCrimes + right.RecordedCrimes),
        checked(left.UnstatedBasis + right.UnstatedBasis));

    /// <summary>The same as <see cref="op_Addition"/>.</summary>
    /// <param name="other">The sums to add.</param>
    public CountTotals Add(CountTotals other) => this + other;

    /// <summary>"recorded basis 1,234; closed basis 1,200; offences 0" (and "basis unstated …" when there are such counts).</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"recorded basis {Recorded:N0}; closed basis {Closed:N0}; offences {RecordedCrimes:N0}")
           + (UnstatedBasis != 0 ? string.Create(CultureInfo.InvariantCulture, $"; basis unstated {UnstatedBasis:N0}") : string.Empty);
}
