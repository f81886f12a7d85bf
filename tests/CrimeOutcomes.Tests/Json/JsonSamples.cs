using CrimeOutcomes.Json;

namespace CrimeOutcomes.Tests.Json;

/// <summary>Hand-built datasets and results that use every part of the JSON schema, for round trips and as fuzz seeds.</summary>
internal static class JsonSamples
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    public static PoliceForce WestMercia => Registry.Get("West Mercia");

    public static PoliceForce TransportPolice => Registry.Get("British Transport Police");

    public static ForceGroup RestOfEnglandAndWales { get; } = Registry.EnglandAndWales.Excluding(Registry.Get("West Mercia"));

    public static ForceGroup Sample { get; } = ForceGroup.Unlisted("Forces that answered \"yes\"", 12, Registry.England);

    /// <summary>
    /// Every kind of area (a force, BTP, a region, a country, England and Wales, "excluding", an unlisted group), every
    /// period kind, every basis, scopes with offence filters, negative counts (outcome 0, and a correction of outcome
    /// 16), 1A, long.MaxValue, missing figures (recorded crimes and outcome counts, of a force and of a group) and gaps
    /// (of a basis and of recorded crimes).
    /// </summary>
    public static OutcomeDataset Rich { get; } = BuildRich();

    public static string SeedStoryJson { get; } = CrimeOutcomesJson.Serialize(SeedStory.Dataset);

    public static string RichJson { get; } = CrimeOutcomesJson.Serialize(Rich);

    public static Ratio WestMerciaWithdrawal2016 { get; } = new OutcomeRatioCalculator().Calculate(
        SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);

    public static RatioChange RespondingForcesChange { get; } = new OutcomeRatioCalculator().YearOnYear(
        SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.RespondingForces, CalendarYear.Of(2016), SeedStory.Scope));

    /// <summary>
    /// West Midlands region summed from the forces that have figures in <see cref="Rich"/>: outcome 1 from both, the
    /// outcomes only one of them gives missing (16 not available for West Mercia), Staffordshire lacking 2020/21 Q2.
    /// </summary>
    public static AreaAggregate WestMidlandsAggregate { get; } = new AreaAggregator().Aggregate(
        Rich, Registry.RegionOf(Region.WestMidlands), FinancialYear.StartingIn(2020), CrimeScope.AllCrime, CountBasis.Recorded);

    /// <summary>West Mercia's withdrawal ratio for 2020/21 in <see cref="Rich"/>: no counts, since outcome 16 is not available.</summary>
    public static Ratio WestMerciaWithdrawalWithoutCounts { get; } = new OutcomeRatioCalculator().Calculate(
        Rich, RatioDefinition.Withdrawal, WestMercia, FinancialYear.StartingIn(2020), CrimeScope.AllCrime, CountBasis.Recorded);

    /// <summary>Staffordshire's outcomes 14 + 16 for 2020/21 with outcome 14 (not given) as zero: 9,876 / 70,456, Q2 lacking.</summary>
    public static Ratio StaffordshireMissingAsZero { get; } = new OutcomeRatioCalculator().Calculate(
        Rich, RatioDefinition.WithdrawalIncludingNoSuspect.CountingMissingOutcomesAsZero(), Registry.Get("Staffordshire"),
        FinancialYear.StartingIn(2020), CrimeScope.AllCrime, CountBasis.Recorded);

    /// <summary>All 43 forces of England and Wales, 8 of them lacking quarters of 2014/15 (as the 2014/15 tables do).</summary>
    public static Coverage EnglandAndWalesWithGaps { get; } = Coverage.OfComputed(Registry.EnglandAndWales, Registry.EnglandAndWales.Forces).WithGaps(
        new[] { "Bedfordshire", "Metropolitan Police", "Gwent", "Kent", "Surrey", "Sussex", "Thames Valley", "Wiltshire" }.Select((name, i) =>
            new FigureGap(Registry.Get(name), FinancialQuarter.Of(FinancialYear.StartingIn(2014), (i % 4) + 1), i % 2 == 0 ? CountBasis.Recorded : null, FigureAbsence.NotProvided)));

    private static OutcomeDataset BuildRich()
    {
        var year = FinancialYear.StartingIn(2020);
        var violence = CrimeScope.AllCrime.WithOffenceGroup("Violence against the person").WithOffenceSubgroup("Violence with injury").WithOffenceCode(OffenceCode.Parse("8N"));
        var builder = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(WestMercia, year, CrimeScope.AllCrime, 80_123)
            .AddOutcomeCount(WestMercia, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 5_001)
            .AddOutcomeCount(WestMercia, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedAlternateOffence, 12)
            .AddOutcomeCount(WestMercia, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.NotYetAssigned, -3)
            .AddOutcomeCount(WestMercia, year, CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.ChargedOrSummonsed, 5_400)
            .AddRecordedCrimes(Registry.Get("Staffordshire"), year, CrimeScope.AllCrime, 70_456)
            .AddOutcomeCount(Registry.Get("Staffordshire"), year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 4_321)
            .AddOutcomeCount(Registry.Get("Staffordshire"), year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 9_876)
            .AddRecordedCrimes(TransportPolice, FinancialQuarter.Of(year, 3), violence, 1_234)
            .AddOutcomeCount(TransportPolice, FinancialQuarter.Of(year, 3), violence, CountBasis.Closed, OutcomeType.DiversionaryActivity, 7)
            .AddRecordedCrimes(Registry.RegionOf(Region.Wales), year, CrimeScope.AllCrime, 250_000)
            .AddRecordedCrimes(Registry.Wales, year, CrimeScope.AllCrime, 250_000)
            .AddRecordedCrimes(Registry.EnglandAndWales, year, CrimeScope.AllCrime, 6_000_000)
            .AddRecordedCrimes(RestOfEnglandAndWales, year, CrimeScope.AllCrime, 5_919_877)
            .AddRecordedCrimes(Sample, CalendarYear.Of(2019), CrimeScope.Named("Hate crime \\ \"quoted\" – en dash £"), long.MaxValue)
            .AddOutcomeCount(Sample, CalendarYear.Of(2019), CrimeScope.Named("Hate crime \\ \"quoted\" – en dash £"), CountBasis.Unstated, OutcomeType.NoSuspectIdentified, 0)
            .AddOutcomeCount(TransportPolice, FinancialQuarter.Of(year, 3), violence, CountBasis.Closed, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, -2)
            .AddMissingOutcomeCount(new FigureKey(WestMercia, year, CrimeScope.AllCrime), CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, FigureAbsence.NotAvailable)
            .AddMissingRecordedCrimes(new FigureKey(TransportPolice, FinancialQuarter.Of(year, 4), violence), FigureAbsence.Suppressed)
            .AddMissingOutcomeCount(new FigureKey(Registry.EnglandAndWales, year, CrimeScope.AllCrime), CountBasis.Closed, OutcomeType.NotYetAssigned, FigureAbsence.NotApplicable)
            .AddGap(new FigureGap(Registry.Get("Staffordshire"), FinancialQuarter.Of(year, 2), CountBasis.Recorded, FigureAbsence.NotProvided))
            .AddGap(new FigureGap(TransportPolice, FinancialQuarter.Of(year, 1), null, FigureAbsence.NotProvided));
        return builder.Build();
    }
}
