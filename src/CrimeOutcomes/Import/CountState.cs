namespace CrimeOutcomes.Import;

/// <summary>What the cells summed into one figure held: numbers, markers of absent figures (by meaning), or both.</summary>
[Flags]
internal enum CountState : byte
{
    None = 0,
    Number = 1,
    NotApplicable = 2,
    NotAvailable = 4,
    NotProvided = 8,
    Suppressed = 16,
}

/// <summary>Between <see cref="CountState"/> and <see cref="FigureAbsence"/>.</summary>
internal static class CountStates
{
    public static CountState Of(FigureAbsence absence) => absence switch
    {
        FigureAbsence.NotApplicable => CountState.NotApplicable,
        FigureAbsence.NotProvided => CountState.NotProvided,
        FigureAbsence.Suppressed => CountState.Suppressed,
        _ => CountState.NotAvailable,
    };

    /// <summary>Whether the cells held at least one number: the figure is their sum.</summary>
    public static bool HasNumber(this CountState state) => (state & CountState.Number) != 0;

    /// <summary>Why a figure whose cells held only markers is absent: the most telling of them (not provided, suppressed, not available, not applicable).</summary>
    public static FigureAbsence Absence(this CountState state)
        => (state & CountState.NotProvided) != 0 ? FigureAbsence.NotProvided
            : (state & CountState.Suppressed) != 0 ? FigureAbsence.Suppressed
            : (state & CountState.NotAvailable) != 0 ? FigureAbsence.NotAvailable
            : (state & CountState.NotApplicable) != 0 ? FigureAbsence.NotApplicable
            : FigureAbsence.NotReported;
}
