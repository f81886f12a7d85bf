namespace CrimeOutcomes.Tests.Figures;

public class DatasetContentsTests
{
    private static readonly PoliceForce Kent = ForceRegistry.Default.Get("Kent");
    private static readonly CrimeScope Violence = CrimeScope.AllCrime.WithOffenceGroup("Violence against the person");
    private static readonly FinancialYear Year = FinancialYear.Parse("2020/21");

    private static OutcomeDataset Filtered() => new OutcomeDatasetBuilder()
        .AddRecordedCrimes(Kent, Year, Violence, 100)
        .AddOutcomeCount(Kent, Year, Violence, CountBasis.Recorded, OutcomeType.Parse("16"), 20)
        .AddOutcomeCount(Kent, Year, Violence, CountBasis.Closed, OutcomeType.Parse("16"), 22)
        .Build();

    [Fact]
    public void A_dataset_lists_its_scopes_periods_areas_and_bases()
    {
        var data = Filtered();

        data.Scopes.Should().Equal(Violence);
        data.Periods.Should().Equal((ReportingPeriod)Year);
        data.Areas.Should().Equal(Kent);
        data.Bases.Should().Equal(CountBasis.Recorded, CountBasis.Closed);
    }

    [Fact]
    public void Asking_for_all_crime_after_a_filtered_import_names_what_the_dataset_holds_and_the_nearest()
    {
        var act = () => new OutcomeRatioCalculator().Calculate(Filtered(), RatioDefinition.Withdrawal, Kent, Year, CrimeScope.AllCrime, CountBasis.Recorded);

        act.Should().Throw<KeyNotFoundException>()
            .Where(e => e.Message.Contains($"holds scopes '{Violence}'", StringComparison.Ordinal))
            .Where(e => e.Message.Contains("periods '2020/21'", StringComparison.Ordinal))
            .Where(e => e.Message.Contains("bases 'recorded basis', 'closed basis'", StringComparison.Ordinal))
            .Where(e => e.Message.Contains($"Nearest the request: {Violence}, 2020/21.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_nearest_period_is_named_when_the_year_is_not_held()
    {
        var act = () => new OutcomeRatioCalculator().Calculate(Filtered(), RatioDefinition.Withdrawal, ForceRegistry.Default.EnglandAndWales, FinancialYear.Parse("2021/22"), Violence, CountBasis.Recorded);

        act.Should().Throw<KeyNotFoundException>().Where(e => e.Message.Contains($"Nearest the request: {Violence}, 2020/21, for Kent.", StringComparison.Ordinal));
    }
}
