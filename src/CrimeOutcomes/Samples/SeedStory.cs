namespace CrimeOutcomes;

/// <summary>
/// The figures that started the project, embedded: Freedom of Information figures obtained by a law firm from 36
/// police forces about domestic abuse-related crimes where a suspect was named but no further action was taken,
/// as a regional newspaper printed them in 2017. Years are calendar years as printed; the count basis is unstated.
/// </summary>
public static class SeedStory
{
    /// <summary>"The 36 responding forces": the national figures are a published aggregate over the forces that answered, which the story did not list.</summary>
    public static ForceGroup RespondingForces { get; } =
        ForceGroup.Unlisted("36 responding forces", 36, ForceRegistry.Default.EnglandAndWales);

    /// <summary>West Mercia, the force the story compares with the rest.</summary>
    public static PoliceForce WestMercia { get; } = ForceRegistry.Default.Get("West Mercia Police");

    /// <summary>The years the story printed (calendar years as printed).</summary>
    public static IReadOnlyList<CalendarYear> Years { get; } = [CalendarYear.Of(2015), CalendarYear.Of(2016)];

    /// <summary>The scope of every figure: domestic abuse-related crime.</summary>
    public static CrimeScope Scope => CrimeScope.DomesticAbuseRelated;

    /// <summary>The count basis: the story does not say.</summary>
    public static CountBasis Basis => CountBasis.Unstated;

    /// <summary>The story's worded claims, as printed.</summary>
    public static IReadOnlyList<string> Claims { get; } =
    [
        "Overall a third of domestic violence cases are discontinued because the victim has withdrawn their support for a prosecution",
        "However, in West Mercia the figure is just under 50 per cent.",
    ];

    /// <summary>The printed table: for West Mercia and the 36 responding forces, 2015 and 2016, recorded domestic abuse-related crimes and outcomes 16 and 15.</summary>
    public static OutcomeDataset Dataset { get; } = Build();

    private static OutcomeDataset Build()
    {
        var builder = new OutcomeDatasetBuilder();
        Add(builder, WestMercia, 2015, recorded: 9_773, outcome16: 4_519, outcome15: 2_128);
        Add(builder, WestMercia, 2016, recorded: 10_829, outcome16: 5_523, outcome15: 1_953);
        Add(builder, RespondingForces, 2015, recorded: 393_551, outcome16: 117_196, outcome15: 90_204);
        Add(builder, RespondingForces, 2016, recorded: 438_349, outcome16: 164_510, outcome15: 102_295);
        return builder.Build();
    }

    private static void Add(OutcomeDatasetBuilder builder, Area area, int year, long recorded, long outcome16, long outcome15)
    {
        var key = new FigureKey(area, CalendarYear.Of(year), CrimeScope.DomesticAbuseRelated);
        builder.AddRecordedCrimes(key, recorded)
            .AddOutcomeCount(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, outcome16)
            .AddOutcomeCount(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, outcome15);
    }
}
