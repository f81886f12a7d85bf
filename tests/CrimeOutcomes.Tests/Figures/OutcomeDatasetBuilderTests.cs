namespace CrimeOutcomes.Tests.Figures;

public class OutcomeDatasetBuilderTests
{
    private static readonly PoliceForce Kent = ForceRegistry.Default.Get("Kent");
    private static readonly ReportingPeriod Year = FinancialYear.Parse("2021/22");

    [Fact]
    public void A_duplicate_figure_is_rejected_with_its_key()
    {
        var builder = new OutcomeDatasetBuilder().AddRecordedCrimes(Kent, Year, CrimeScope.AllCrime, 10);
        var act = () => builder.AddRecordedCrimes(Kent, Year, CrimeScope.AllCrime, 10);
        act.Should().Throw<ArgumentException>().WithMessage("The dataset already has recorded crimes for Kent, 2021/22, All crime*duplicate*");

        builder.AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 3);
        var again = () => builder.AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 3);
        again.Should().Throw<ArgumentException>().WithMessage("*count of outcome 1 for Kent, 2021/22, All crime (recorded basis)*");
    }

    [Fact]
    public void Negative_recorded_crimes_are_rejected_and_negative_outcome_counts_kept_as_corrections()
    {
        var builder = new OutcomeDatasetBuilder();
        var recorded = () => builder.AddRecordedCrimes(Kent, Year, CrimeScope.AllCrime, -1);
        recorded.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Recorded crimes for Kent, 2021/22, All crime cannot be negative*");

        // The published tables correct earlier quarters with negative counts, of any outcome type, on either basis.
        builder.AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.CommunityResolution, -2);
        builder.AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.NotYetAssigned, -7);
        var data = builder.Build();
        var key = new FigureKey(Kent, Year, CrimeScope.AllCrime);
        data.OutcomeCountFor(key, CountBasis.Recorded, OutcomeType.NotYetAssigned).Should().Be(-7);
        data.OutcomeCountFor(key, CountBasis.Closed, OutcomeType.CommunityResolution).Should().Be(-2);
    }

    [Fact]
    public void A_missing_figure_is_kept_apart_from_a_zero_and_cannot_also_be_given()
    {
        var key = new FigureKey(Kent, Year, CrimeScope.AllCrime);
        var builder = new OutcomeDatasetBuilder()
            .AddOutcomeCount(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 0)
            .AddMissingOutcomeCount(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, FigureAbsence.Suppressed)
            .AddMissingRecordedCrimes(key, FigureAbsence.NotProvided);
        var data = builder.Build();

        data.OutcomeCountFor(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().Be(0);
        data.MissingFor(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().BeNull();
        data.OutcomeCountFor(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports).Should().BeNull();
        data.MissingFor(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports).Should().Be(FigureAbsence.Suppressed);
        data.MissingFor(key, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed).Should().Be(FigureAbsence.NotReported);
        data.RecordedCrimesFor(key).Should().BeNull();
        data.MissingFor(key, CountBasis.Recorded, null).Should().Be(FigureAbsence.NotProvided);
        data.MissingFigures.Should().HaveCount(2);

        var again = () => builder.AddOutcomeCount(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, 5);
        again.Should().Throw<ArgumentException>().WithMessage("*already has a count of outcome 15*or has it as missing*");
        var recordedAgain = () => builder.AddRecordedCrimes(key, 10);
        recordedAgain.Should().Throw<ArgumentException>().WithMessage("*already has recorded crimes*");
    }

    [Fact]
    public void The_same_numbers_under_different_scopes_periods_or_bases_are_different_figures()
    {
        var violence = CrimeScope.AllCrime.WithOffenceGroup("Violence against the person");
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(Kent, Year, CrimeScope.AllCrime, 100)
            .AddRecordedCrimes(Kent, Year, violence, 40)
            .AddRecordedCrimes(Kent, CalendarYear.Of(2021), CrimeScope.AllCrime, 90)
            .AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed, 5)
            .AddOutcomeCount(Kent, Year, CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.ChargedOrSummonsed, 6)
            .Build();

        data.RecordedCrimesFor(new FigureKey(Kent, Year, CrimeScope.AllCrime.WithOffenceGroup("VIOLENCE AGAINST THE  PERSON"))).Should().Be(40, "scope names are matched after normalising");
        data.RecordedCrimesFor(new FigureKey(Kent, CalendarYear.Of(2021), CrimeScope.AllCrime)).Should().Be(90);
        data.BasesFor(new FigureKey(Kent, Year, CrimeScope.AllCrime)).Should().Equal(CountBasis.Recorded, CountBasis.Closed);
        data.Keys.Should().HaveCount(3);
        data.Periods.Should().Equal((ReportingPeriod)CalendarYear.Of(2021), Year);
        OutcomeDataset.IsPublishedAggregate(data.Keys[0]).Should().BeFalse();
    }

    [Fact]
    public void The_seed_dataset_holds_every_printed_figure()
    {
        var data = SeedStory.Dataset;
        data.RecordedCrimes.Should().HaveCount(4);
        data.OutcomeCounts.Should().HaveCount(8);
        var national2015 = new FigureKey(SeedStory.RespondingForces, CalendarYear.Of(2015), SeedStory.Scope);
        data.RecordedCrimesFor(national2015).Should().Be(393_551);
        data.OutcomeCountFor(national2015, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().Be(117_196);
        data.OutcomeCountFor(national2015, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports).Should().Be(90_204);
        OutcomeDataset.IsPublishedAggregate(national2015).Should().BeTrue();
        var westMercia2016 = new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        data.RecordedCrimesFor(westMercia2016).Should().Be(10_829);
        data.OutcomeCountFor(westMercia2016, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports).Should().Be(1_953);
    }

    [Fact]
    public void Offence_codes_parse_and_reject()
    {
        OffenceCode.Parse(" 92a ").Value.Should().Be("92A");
        OffenceCode.Parse("8N").Value.Should().Be("8N");
        var act = () => OffenceCode.Parse("A8");
        act.Should().Throw<FormatException>().WithMessage("'A8' is not an offence code*");
    }
}
