using CrimeOutcomes.Import;
using CrimeOutcomes.Json;

namespace CrimeOutcomes.Tests.Figures;

public class CountBasisNamesTests
{
    [Fact]
    public void The_bases_have_one_vocabulary()
    {
        CountBasis.Recorded.ToShortName().Should().Be("recorded");
        CountBasis.Closed.ToShortName().Should().Be("closed");
        CountBasis.Unstated.ToShortName().Should().Be("unstated");
        CountBasis.Recorded.ToDisplayName().Should().Be("recorded basis");
        CountBasis.Closed.ToDisplayName().Should().Be("closed basis");
        FigureNames.ParseBasis(" Closed ").Should().Be(CountBasis.Closed);
        FigureNames.ParseBasis("recorded basis").Should().Be(CountBasis.Recorded);
        FluentActions.Invoking(() => FigureNames.ParseBasis("assigned")).Should().Throw<FormatException>().WithMessage("'assigned'*'recorded'*'closed'*");
    }

#pragma warning disable CS0618 // the obsolete names must still compile and mean the same
    [Fact]
    public void The_former_names_still_compile_and_are_the_same_values()
    {
        CountBasis.RecordedInPeriod.Should().Be(CountBasis.Recorded);
        CountBasis.AssignedInPeriod.Should().Be(CountBasis.Closed);
        CountBasis.AssignedInPeriod.ToShortName().Should().Be("closed");

        var totals = new CountTotals(5, 7, 0) with { RecordedInPeriod = 6 };
        totals.Recorded.Should().Be(6);
        totals.AssignedInPeriod.Should().Be(totals.Closed).And.Be(7);
    }
#pragma warning restore CS0618

    [Fact]
    public void Json_writes_the_new_names_and_reads_the_former_ones()
    {
        var kent = ForceRegistry.Default.Get("Kent");
        var year = FinancialYear.Parse("2020/21");
        var data = new OutcomeDatasetBuilder()
            .AddOutcomeCount(kent, year, CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.Parse("16"), 3)
            .Build();

        var json = CrimeOutcomesJson.Serialize(data);
        json.Should().Contain("\"closed\"").And.NotContain("assignedInPeriod");

        var former = CrimeOutcomesJson.DeserializeDataset(json.Replace("\"closed\"", "\"assignedInPeriod\"", StringComparison.Ordinal));
        former.OutcomeCountFor(new FigureKey(kent, year, CrimeScope.AllCrime), CountBasis.Closed, OutcomeType.Parse("16")).Should().Be(3);
    }

    [Fact]
    public void Csv_export_writes_the_short_name()
    {
        var kent = ForceRegistry.Default.Get("Kent");
        var data = new OutcomeDatasetBuilder()
            .AddOutcomeCount(kent, FinancialYear.Parse("2020/21"), CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.Parse("16"), 3)
            .Build();
        using var writer = new StringWriter();

        CrimeOutcomes.Export.CsvExport.WriteDataset(data, writer);

        writer.ToString().Should().Contain(",closed,16,3,");
    }

    [Fact]
    public void A_dataset_with_both_bases_asks_which_and_says_how()
    {
        var kent = ForceRegistry.Default.Get("Kent");
        var year = FinancialYear.Parse("2020/21");
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(kent, year, CrimeScope.AllCrime, 100)
            .AddOutcomeCount(kent, year, CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.Parse("16"), 20)
            .AddOutcomeCount(kent, year, CrimeScope.AllCrime, CountBasis.Closed, OutcomeType.Parse("16"), 25)
            .Build();
        var calculator = new OutcomeRatioCalculator();

        FluentActions.Invoking(() => calculator.Calculate(data, RatioDefinition.Withdrawal, kent, year, CrimeScope.AllCrime))
            .Should().Throw<InvalidOperationException>()
            .WithMessage("*recorded basis, closed basis*CountBasis.Recorded*Home Office headline*CountBasis.Closed*");
        calculator.Calculate(data, RatioDefinition.Withdrawal, kent, year, CrimeScope.AllCrime, CountBasis.Closed).Numerator.Should().Be(25);
    }
}
