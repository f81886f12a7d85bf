namespace CrimeOutcomes;

/// <summary>What kind of flaw of the published data a <see cref="KnownDataIssue"/> is.</summary>
public enum KnownIssueKind
{
    /// <summary>Figures that are wrong with no marker in the file (Greater Manchester's 2019/20 out-of-court outcomes): no reader can detect it.</summary>
    UnmarkedFigures = 1,

    /// <summary>Force-quarters marked "N/A - data not provided": the force's figures for those years are partial.</summary>
    ForceQuartersNotProvided = 2,

    /// <summary>A force that leaves a table: its later years come from elsewhere or not at all.</summary>
    ForceLeavesTable = 3,

    /// <summary>A release with fewer than four quarters of its year (known from the data: its coverage lacks quarters "not in the release").</summary>
    PartialYearRelease = 4,
}
