using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

public sealed class WorkbookReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly FixtureSpec Spec = new() { Years = ["2020/21"], QuarterWithQ = false };

    private string WriteCsv(IReadOnlyList<FixtureRow> rows)
    {
        var path = _dir.File("outcomes.csv");
        OpenDataFixtures.WriteCsv(path, Spec, rows);
        return path;
    }

    private async Task<string> WriteXlsxAsync(IReadOnlyList<string[]> rows)
    {
        var path = _dir.File("prc-outcomes-open-data-mar2021-tables-240425.xlsx");
        await OpenDataFixtures.WriteXlsxAsync(path, OpenDataFixtures.NewHeaders, rows);
        return path;
    }

    private string WriteOds(IReadOnlyList<string[]> rows)
    {
        var path = _dir.File("prc-outcomes-open-data-mar2021-tables-240425.ods");
        OpenDataFixtures.WriteOds(path, [("2020_21", OpenDataFixtures.NewHeaders, rows)]);
        return path;
    }

    [Fact]
    public async Task An_xlsx_workbook_gives_the_same_figures_and_report_as_the_csv_of_its_data_sheet()
    {
        var rows = OpenDataFixtures.Generate(21, Spec);
        var csv = new OutcomesOpenDataReader().Read(WriteCsv(rows));

        var xlsx = new OutcomesOpenDataReader().Read(await WriteXlsxAsync(rows.Select(OpenDataFixtures.Fields).ToArray()));

        xlsx.Dataset.OutcomeCounts.Should().BeEquivalentTo(csv.Dataset.OutcomeCounts);
        var report = xlsx.Report.Files.Single();
        report.Sheets.Should().Equal("Data");
        report.ReleaseDate.Should().Be(new DateOnly(2024, 4, 25));
        report.RowsRead.Should().Be(rows.Count);
        report.CountsRead.Should().Be(csv.Report.Files.Single().CountsRead);
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void An_ods_workbook_gives_the_same_figures_as_the_csv_with_repeated_cells_and_rows_expanded()
    {
        var rows = OpenDataFixtures.Generate(22, Spec);
        var csv = new OutcomesOpenDataReader().Read(WriteCsv(rows));

        var ods = new OutcomesOpenDataReader().Read(WriteOds(rows.Select(OpenDataFixtures.Fields).ToArray()));

        ods.Dataset.OutcomeCounts.Should().BeEquivalentTo(csv.Dataset.OutcomeCounts);
        var report = ods.Report.Files.Single();
        report.Sheets.Should().Equal("2020_21");
        report.RowsRead.Should().Be(rows.Count, "the million repeated empty rows at the sheet's end are formatting, not rows");
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void An_ods_row_repeated_by_number_rows_repeated_counts_once_per_repeat()
    {
        var row = OpenDataFixtures.Fields(OpenDataFixtures.Generate(23, Spec).First(r => r.Force == "Kent " && r.OutcomeType == "16" && r.Recorded > 0));
        var path = _dir.File("repeated.ods");
        OpenDataFixtures.WriteOds(path, [("Data", OpenDataFixtures.NewHeaders, new[] { row, row, row })]);

        var result = new OutcomesOpenDataReader().Read(path);

        var key = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.OutcomeCountFor(key, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)
            .Should().Be(3 * long.Parse(row[10], System.Globalization.CultureInfo.InvariantCulture));
        result.Report.Files.Single().RowsRead.Should().Be(3);
    }

    [Fact]
    public async Task A_malformed_row_in_a_sheet_is_located_by_sheet_row_and_column()
    {
        var rows = OpenDataFixtures.Generate(24, Spec).Select(OpenDataFixtures.Fields).ToArray();
        rows[41][9] = "Outcome 99";

        var xlsx = () => new OutcomesOpenDataReader().Read(WriteOds(rows));
        var ods = async () => new OutcomesOpenDataReader().Read(await WriteXlsxAsync(rows));

        // ods: a title row, then the header on row 2, so data row 42 is sheet row 44; xlsx: header on row 1, data row 42 on row 43.
        var odsError = xlsx.Should().Throw<ImportFormatException>().Which;
        odsError.Location!.Sheet.Should().Be("2020_21");
        odsError.LineOrRow.Should().Be(44);
        odsError.Column.Should().Be("Outcome Type");
        odsError.Message.Should().StartWith("prc-outcomes-open-data-mar2021-tables-240425.ods, sheet '2020_21', row 44, column 'Outcome Type': 'Outcome 99'");
        var xlsxError = (await ods.Should().ThrowAsync<ImportFormatException>()).Which;
        xlsxError.Location.Should().Be(new ImportLocation("prc-outcomes-open-data-mar2021-tables-240425.xlsx", "Data", 43, "Outcome Type"));
    }

    [Fact]
    public void A_multi_sheet_recorded_crime_workbook_gives_recorded_crimes_that_replace_the_derived_ones()
    {
        var outcomes = OpenDataFixtures.Generate(25, new FixtureSpec { Years = ["2019/20", "2020/21"] });
        var outcomesPath = _dir.File("outcomes-tables-240425.csv");
        OpenDataFixtures.WriteCsv(outcomesPath, new FixtureSpec(), outcomes);

        // PRC rows: force × quarter × offence code with a number of offences; one sheet per year plus non-force rows.
        var random = new Random(25);
        string[][] Sheet(string year) =>
        [
            .. from quarter in new[] { "Q1", "Q2", "Q3", "Q4" }
               from force in new[] { "West Mercia", "Kent", "Action Fraud" }
               from offence in OpenDataFixtures.Offences
               select new[] { year, quarter, force, offence.Description, offence.Group, offence.Subgroup, offence.Code, random.Next(0, 500).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ];
        var y1920 = Sheet("2019/20");
        var y2021 = Sheet("2020/21");
        var prcPath = _dir.File("prc-pfa-mar2013-onwards-tables-240425.ods");
        OpenDataFixtures.WriteOds(prcPath, [("2019_20", OpenDataFixtures.RecordedCrimeHeaders, y1920), ("2020_21", OpenDataFixtures.RecordedCrimeHeaders, y2021)]);

        var result = new OutcomesOpenDataReader().Read([outcomesPath, prcPath]);

        var prc = result.Report.Files.Single(f => f.Kind == OpenDataTableKind.RecordedCrime);
        prc.Sheets.Should().Equal("2019_20", "2020_21");
        prc.SetAside.Single().Rows.Should().Be(2 * 4 * OpenDataFixtures.Offences.Count);
        prc.Reconciles.Should().BeTrue();
        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.RecordedCrimesFor(kent).Should().Be(y2021.Where(r => r[2] == "Kent").Sum(r => long.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture)));

        // Forces that the recorded-crime table lacks keep the recorded crimes derived from their outcomes.
        var met = new FigureKey(ForceRegistry.Default.Get("Metropolitan Police"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.RecordedCrimesFor(met).Should().Be(outcomes.Where(r => r.Force.StartsWith("Metropolitan", StringComparison.Ordinal) && r.FinancialYear == "2020/21").Sum(r => r.Recorded));
    }
}
