using System.Globalization;
using CrimeOutcomes.Export;

namespace CrimeOutcomes.Tests.Export;

public sealed class CsvExportTests
{
    [Fact]
    public void Writes_every_figure_of_a_dataset_in_long_form_with_exact_counts()
    {
        var text = new StringWriter();

        CsvExport.WriteDataset(SeedStory.Dataset, text);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].Should().Be("area,area_kind,area_code,period,period_kind,scope,offence_group,offence_subgroup,offence_code,measure,basis,outcome,count,missing");
        // 4 keys × (recorded crimes + outcomes 15 and 16).
        lines.Should().HaveCount(1 + 4 * 3);
        lines.Should().Contain("West Mercia,Force,E23000016,2016,CalendarYear,Domestic abuse-related,,,,outcome,unstated,16,5523,");
        lines.Should().Contain("36 responding forces,Group,,2015,CalendarYear,Domestic abuse-related,,,,recorded_crimes,,,393551,");
    }

    [Fact]
    public void A_missing_figure_is_written_with_an_empty_count_and_its_reason_never_as_zero()
    {
        var city = ForceRegistry.Default.Get("City of London");
        var key = new FigureKey(city, CalendarYear.Of(2017), CrimeScope.AllCrime);
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(key, 1_200)
            .AddMissingOutcomeCount(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, FigureAbsence.NotAvailable)
            .AddOutcomeCount(key, CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports, 0)
            .Build();
        var text = new StringWriter();

        CsvExport.WriteDataset(data, text);
        var ratio = new OutcomeRatioCalculator().Calculate(data, RatioDefinition.Withdrawal, key);
        var ratios = new StringWriter();
        CsvExport.WriteRatios([ratio], ratios);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Contain("\"London, City of\",Force,E23000034,2017,CalendarYear,All crime,,,,outcome,unstated,16,,NotAvailable");
        lines.Should().Contain("\"London, City of\",Force,E23000034,2017,CalendarYear,All crime,,,,outcome,unstated,15,0,");
        ratios.ToString().Split('\n')[1].TrimEnd('\r').Should().Be(
            "\"London, City of\",Force,E23000034,2017,All crime,withdrawal (outcome 16),outcome 16,,recorded crimes,,,unstated,1,1,1 force,"
            + "\"no figure: outcome 16 for London, City of, 2017, All crime (basis unstated): not available\"");
    }

    [Fact]
    public void Writes_ratios_with_exact_numerator_denominator_and_coverage_quoting_names_with_commas()
    {
        var calculator = new OutcomeRatioCalculator();
        var data = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(ForceRegistry.Default.Get("City of London"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime, 4_000)
            .AddOutcomeCount(ForceRegistry.Default.Get("City of London"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, 300)
            .Build();
        var ratio = calculator.Calculate(data, RatioDefinition.Withdrawal, ForceRegistry.Default.Get("City of London"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        var text = new StringWriter();

        CsvExport.WriteRatios([ratio], text);

        var line = text.ToString().Split('\n')[1].TrimEnd('\r');
        // 300 / 4,000 = 7.5 %.
        line.Should().Be(string.Create(CultureInfo.InvariantCulture,
            $"\"London, City of\",Force,E23000034,2020/21,All crime,withdrawal (outcome 16),outcome 16,300,recorded crimes,4000,7.5,recorded,1,1,1 force,"));
    }
}
