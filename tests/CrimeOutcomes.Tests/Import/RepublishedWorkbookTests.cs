using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The outcomes open data as republished in 2024–26 (one xlsx workbook per financial year): Cover_sheet, Notes,
/// a Pivot sheet, then a data sheet whose name varies by year, with title lines above the header, renamed count
/// columns (some years with a "Number of " prefix), an "Offence Code Expired" column and the offence code before
/// the description. The figures must be exactly those of the same rows in the older csv layout.
/// </summary>
public sealed class RepublishedWorkbookTests : IDisposable
{
    private static readonly FixtureSpec Spec = new() { Years = ["2017/18"], QuarterWithQ = false };

    private static readonly ImportOptions ByCodeAndQuarter = ImportOptions.Default with { OffenceGrain = OffenceGrain.Code, ByQuarter = true };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ImportResult ReadAsCsv(IReadOnlyList<FixtureRow> rows, ImportOptions options)
    {
        var path = _dir.File("outcomes.csv");
        OpenDataFixtures.WriteCsv(path, Spec, rows);
        return new OutcomesOpenDataReader(options).Read(path);
    }

    private async Task<string> WriteAsync(string format, string dataSheet, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var path = _dir.File($"prc-outcomes-open-data-mar2018-tables-241024.{format}");
        if (format == "xlsx")
        {
            await OpenDataFixtures.WriteRepublishedXlsxAsync(path, dataSheet, headers, rows);
        }
        else
        {
            OpenDataFixtures.WriteRepublishedOds(path, dataSheet, headers, rows);
        }

        return path;
    }

    [Theory]
    [InlineData("xlsx", "Outcomes_open_data_2014-15", false)]
    [InlineData("xlsx", "Outcomes_open_data_2019_20", true)]
    [InlineData("xlsx", "Outcomes open data 2021_22", false)]
    [InlineData("ods", "Outcomes open data 2024_25", true)]
    public async Task The_data_sheet_is_found_by_its_header_whatever_its_name_and_gives_the_figures_of_the_same_rows_in_csv(string format, string dataSheet, bool numberOfPrefix)
    {
        var rows = OpenDataFixtures.Generate(31, Spec);
        var headers = numberOfPrefix ? OpenDataFixtures.WithNumberOfPrefix(OpenDataFixtures.RepublishedHeaders) : OpenDataFixtures.RepublishedHeaders;
        var csv = ReadAsCsv(rows, ByCodeAndQuarter);

        var result = new OutcomesOpenDataReader(ByCodeAndQuarter).Read(await WriteAsync(format, dataSheet, headers, rows.Select(OpenDataFixtures.RepublishedFields)));

        // Offence codes come from their own column although it moved before the description.
        result.Dataset.OutcomeCounts.Should().BeEquivalentTo(csv.Dataset.OutcomeCounts);
        result.Dataset.RecordedCrimes.Should().BeEquivalentTo(csv.Dataset.RecordedCrimes);
        var report = result.Report.Files.Single();
        report.Sheets.Should().Equal(new[] { dataSheet }, "the cover, notes and pivot sheets are not data");
        report.RowsRead.Should().Be(rows.Count);
        report.RowsRejected.Should().Be(0);
        report.CountsRead.Should().Be(csv.Report.Files.Single().CountsRead);
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public async Task The_pivot_sheet_adds_nothing_although_it_names_forces_of_the_data_with_counts()
    {
        var rows = OpenDataFixtures.Generate(32, Spec);
        var path = await WriteAsync("xlsx", "Outcomes_open_data_2017-18", OpenDataFixtures.RepublishedHeaders, rows.Select(OpenDataFixtures.RepublishedFields));

        var result = new OutcomesOpenDataReader().Read(path);

        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2017/18"), CrimeScope.AllCrime);
        result.Dataset.OutcomeCountFor(kent, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)
            .Should().Be(rows.Where(r => r.Force == "Kent " && r.OutcomeType == "16").Sum(r => r.Recorded));
        result.Report.Files.Single().SetAside.Select(s => s.Name).Should().Equal(new[] { "Action Fraud" }, "no 'Grand Total' row of the pivot was read");
    }

    [Fact]
    public async Task A_pivot_in_tabular_layout_whose_header_reads_like_the_data_header_is_skipped_for_the_values_caption_above_it()
    {
        // Only the second pivot of the Pivot sheet: "Values" over "Financial Year, Force Name, Outcome Type" and
        // both count columns' names (renamed captions). Without the caption rule this header row would be a table.
        var pivot = OpenDataFixtures.PivotRows.SkipWhile(r => !r.Contains("Values")).ToArray();
        ColumnMap.TryCreate(pivot[1], out _).Should().BeTrue("the header row alone reads like a data header");
        var rows = OpenDataFixtures.Generate(33, Spec);
        var path = _dir.File("tabular-pivot.xlsx");
        await OpenDataFixtures.WriteWorkbookXlsxAsync(path,
        [
            new FixtureSheet("Pivot", pivot),
            new FixtureSheet("Outcomes_open_data_2017-18", rows.Select(OpenDataFixtures.RepublishedFields).Prepend(OpenDataFixtures.RepublishedHeaders)),
        ]);

        var result = new OutcomesOpenDataReader().Read(path);

        result.Dataset.OutcomeCounts.Should().BeEquivalentTo(ReadAsCsv(rows, ImportOptions.Default).Dataset.OutcomeCounts);
        result.Report.Files.Single().Sheets.Should().Equal("Outcomes_open_data_2017-18");
    }

    [Fact]
    public async Task A_workbook_with_only_a_pivot_is_refused_for_having_no_data_sheet()
    {
        var path = _dir.File("pivot-only.xlsx");
        await OpenDataFixtures.WriteWorkbookXlsxAsync(path, [new FixtureSheet("Outcomes_open_data_2017-18", OpenDataFixtures.PivotRows)]);

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("*has no sheet with an open-data header row*");
    }
}
