namespace CrimeOutcomes;

/// <summary>What the denominator of an outcome rate counts.</summary>
public enum RatioDenominator
{
    /// <summary>Crimes recorded in the period: the Home Office headline ("recorded basis").</summary>
    RecordedCrimes = 1,

    /// <summary>All assigned outcomes: every outcome type except 0 ("not yet assigned") and the subsets 1A, 2A and 3A.</summary>
    AssignedOutcomes = 2,

    /// <summary>Assigned outcomes where a suspect was identified: every assigned outcome whose <see cref="OutcomeType.SuspectIdentified"/> is true (so not 14, 18, 19 or 20).</summary>
    SuspectIdentifiedOutcomes = 3,
}
