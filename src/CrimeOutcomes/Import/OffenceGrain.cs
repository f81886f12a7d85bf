namespace CrimeOutcomes.Import;

/// <summary>How finely an import keeps the offence classification: not at all, or by offence group, subgroup or code.</summary>
public enum OffenceGrain
{
    /// <summary>All offences together (the scope is all crime, or the offence groups or codes filtered to).</summary>
    None = 0,

    /// <summary>One figure per offence group ("Violence against the person").</summary>
    Group = 1,

    /// <summary>One figure per offence group and subgroup.</summary>
    Subgroup = 2,

    /// <summary>One figure per offence code ("8N"), with its group and subgroup.</summary>
    Code = 3,
}
