namespace CrimeOutcomes.Tests.Calculations;

/// <summary>
/// A hand-made West Midlands region for 2020/21 with Warwickshire missing. Every expected figure in the tests
/// that use it is worked out by hand in the comments beside the assertions.
/// </summary>
internal static class RegionFixture
{
    public static readonly ForceRegistry Registry = ForceRegistry.Default;
    public static readonly ForceGroup Region = Registry.RegionOf(CrimeOutcomes.Region.WestMidlands);
    public static readonly PoliceForce WestMidlands = Registry.Get("West Midlands");
    public static readonly PoliceForce Staffordshire = Registry.Get("Staffordshire");
    public static readonly PoliceForce WestMercia = Registry.Get("West Mercia");
    public static readonly PoliceForce Warwickshire = Registry.Get("Warwickshire");
    public static readonly FinancialYear Year = FinancialYear.Parse("2020/21");
    public static readonly CrimeScope Scope = CrimeScope.AllCrime;

    //                 recorded  o0   o1  o14  o15  o16  o18   assigned (no 0)  suspect-identified (1+15+16)
    // West Midlands      1,000  280  70   50  100  200  300   720              370
    // Staffordshire        500  140  40   20   60   90  150   360              190
    // West Mercia          400  130  30   10   50   80  100   270              160
    // Warwickshire      (no figures)
    public static OutcomeDataset Build(OutcomeDatasetBuilder? builder = null)
    {
        builder ??= new OutcomeDatasetBuilder();
        Add(builder, WestMidlands, 1_000, 280, 70, 50, 100, 200, 300);
        Add(builder, Staffordshire, 500, 140, 40, 20, 60, 90, 150);
        Add(builder, WestMercia, 400, 130, 30, 10, 50, 80, 100);
        return builder.Build();
    }

    public static void Add(OutcomeDatasetBuilder builder, Area area, long recorded, long o0, long o1, long o14, long o15, long o16, long o18, ReportingPeriod? period = null)
    {
        var key = new FigureKey(area, period ?? Year, Scope);
        const CountBasis basis = CountBasis.Recorded;
        builder.AddRecordedCrimes(key, recorded)
            .AddOutcomeCount(key, basis, OutcomeType.NotYetAssigned, o0)
            .AddOutcomeCount(key, basis, OutcomeType.ChargedOrSummonsed, o1)
            .AddOutcomeCount(key, basis, OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport, o14)
            .AddOutcomeCount(key, basis, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, o15)
            .AddOutcomeCount(key, basis, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, o16)
            .AddOutcomeCount(key, basis, OutcomeType.NoSuspectIdentified, o18);
    }
}
