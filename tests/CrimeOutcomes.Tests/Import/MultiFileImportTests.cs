using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

public sealed class MultiFileImportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, FixtureSpec spec, int seed, out IReadOnlyList<FixtureRow> rows)
    {
        rows = OpenDataFixtures.Generate(seed, spec);
        var path = _dir.File(name);
        OpenDataFixtures.WriteCsv(path, spec, rows);
        return path;
    }

    private static long Withdrawals(OutcomeDataset data, string year)
        => data.OutcomeCountFor(new FigureKey(ForceRegistry.Default.Get("West Mercia"), FinancialYear.Parse(year), CrimeScope.AllCrime), CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)!.Value;

    private static long Expected(IEnumerable<FixtureRow> rows, string year)
        => rows.Where(r => r.Force == "West Mercia" && r.FinancialYear == year && r.OutcomeType == "16").Sum(r => r.Recorded);

    [Fact]
    public void Files_of_different_years_make_one_dataset()
    {
        var a = Write("prc-outcomes-open-data-mar2020-tables-200716.csv", new FixtureSpec { Years = ["2019/20"] }, 11, out var rowsA);
        var b = Write("prc-outcomes-open-data-mar2021-tables-210722.csv", new FixtureSpec { Years = ["2020/21"], QuarterWithQ = false }, 12, out var rowsB);

        var result = new OutcomesOpenDataReader().Read([a, b]);

        Withdrawals(result.Dataset, "2019/20").Should().Be(Expected(rowsA, "2019/20"));
        Withdrawals(result.Dataset, "2020/21").Should().Be(Expected(rowsB, "2020/21"));
        result.Report.Files.Select(f => f.ReleaseDate).Should().Equal(new DateOnly(2020, 7, 16), new DateOnly(2021, 7, 22));
    }

    [Fact]
    public void A_re_issued_file_replaces_the_older_release_of_the_same_year_instead_of_adding_to_it()
    {
        var older = Write("prc-outcomes-open-data-mar2021-tables-210722.csv", new FixtureSpec { Years = ["2020/21"] }, 13, out _);
        var newer = Write("prc-outcomes-open-data-mar2021-tables-240425.csv", new FixtureSpec { Years = ["2020/21"] }, 14, out var revised);

        // Given newest first or last, the 2024 release wins.
        foreach (var order in new[] { new[] { older, newer }, [newer, older] })
        {
            var result = new OutcomesOpenDataReader().Read(order);

            Withdrawals(result.Dataset, "2020/21").Should().Be(Expected(revised, "2020/21"));
            var replaced = result.Report.Files.Single(f => f.ReleaseDate == new DateOnly(2021, 7, 22));
            replaced.SupersededYears.Should().Equal(FinancialYear.Parse("2020/21"));
            replaced.SupersededBy.Should().EndWith("-240425.csv");
        }
    }

    [Fact]
    public void Two_files_for_the_same_year_without_release_dates_are_refused()
    {
        var a = Write("outcomes-a.csv", new FixtureSpec(), 15, out _);
        var b = Write("outcomes-b.csv", new FixtureSpec(), 16, out _);

        var act = () => new OutcomesOpenDataReader().Read([a, b]);

        var refusal = act.Should().Throw<ImportFormatException>().WithMessage("*outcomes-a.csv' and '*outcomes-b.csv' both give Outcomes figures for 2020/21*").Which;
        refusal.File.Should().Be(b);
        refusal.Files.Should().Equal(a, b);
    }

    [Fact]
    public void Two_releases_with_the_same_name_in_different_folders_are_told_apart_by_their_paths()
    {
        const string name = "prc-outcomes-open-data-mar2021-tables-240425.csv";
        var first = Path.Combine(_dir.Path, "first", name);
        var second = Path.Combine(_dir.Path, "second", name);
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        var spec = new FixtureSpec { Years = ["2020/21"] };
        OpenDataFixtures.WriteCsv(first, spec, OpenDataFixtures.Generate(21, spec));
        OpenDataFixtures.WriteCsv(second, spec, OpenDataFixtures.Generate(22, spec));

        var act = () => new OutcomesOpenDataReader().Read([first, second]);

        var refusal = act.Should().Throw<ImportFormatException>().Which;
        refusal.Files.Should().Equal(first, second);
        refusal.Message.Should().Contain($"'{first}' and '{second}'");
        var reports = new[] { first, second }.Select(path => new OutcomesOpenDataReader().Read(path).Report.Files.Single()).ToList();
        reports.Select(r => r.File).Should().Equal(first, second);
        reports.Select(r => r.FileName).Should().Equal(name, name);
    }

    [Fact]
    public void A_report_names_the_file_as_given_and_its_name_beside_it()
    {
        var path = Write("outcomes.csv", new FixtureSpec(), 23, out _);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        var report = new OutcomesOpenDataReader().Read(relative).Report.Files.Single();

        report.File.Should().Be(relative);
        report.FileName.Should().Be("outcomes.csv");
    }

    [Fact]
    public void A_missing_column_is_named_in_Column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-year-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Force Name,Outcome Type,Force outcomes for offences recorded in quarter\nKent,16,3\n");
        try
        {
            var act = () => new OutcomesOpenDataReader().Read(path);

            var error = act.Should().Throw<ImportFormatException>().Which;
            error.Column.Should().Be("Financial Year");
            error.MissingColumns.Should().Equal("Financial Year");
            error.Files.Should().Equal(error.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Financial Year,Police Area,Outcome Type,Force outcomes for offences recorded in quarter\n2020/21,Kent,16,3\n", new[] { "Force Name" })]
    [InlineData("Financial Year,Force Name,Outcome,Count\n2020/21,Kent,16,3\n", new[] { "Outcome Type", "Force outcomes for offences recorded in quarter" })]
    [InlineData("Financial Year,Force Name,Outcome Type,Total\n2020/21,Kent,16,3\n", new[] { "Force outcomes for offences recorded in quarter" })]
    [InlineData("Financial Year,Area,Number of Offences\n2020/21,Kent,3\n", new[] { "Force Name" })]
    public void A_header_row_that_is_no_table_names_the_columns_it_lacks(string csv, string[] missing)
    {
        var path = _dir.File("not-a-table.csv");
        File.WriteAllText(path, csv);

        var act = () => new OutcomesOpenDataReader().Read(path);

        var error = act.Should().Throw<ImportFormatException>().WithMessage("*is not an outcomes open-data table*").Which;
        error.MissingColumns.Should().Equal(missing);
        error.Column.Should().Be(missing[0]);
        error.File.Should().Be("not-a-table.csv");
    }

    [Fact]
    public void The_alternate_offence_table_of_the_same_year_adds_its_outcomes_instead_of_replacing_the_main_table()
    {
        var main = Write("prc-outcomes-open-data-mar2021-tables-240425.csv", new FixtureSpec(), 17, out var mainRows);
        // The alternate-offence file: outcome 1A (a subset of 1) for the same forces, year and offences, released on another day.
        var alternate = mainRows.Where(r => r.OutcomeType == "1").Select(r => r with { OutcomeType = "1A", OutcomeDescription = "Charged or summonsed for an alternate offence" }).ToArray();
        var alternatePath = _dir.File("prc-outcomes-alternate-offence-mar2021-210722.csv");
        OpenDataFixtures.WriteCsv(alternatePath, new FixtureSpec(), alternate);

        var result = new OutcomesOpenDataReader().Read([main, alternatePath]);

        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        var charged = mainRows.Where(r => r.Force == "Kent " && r.OutcomeType == "1").Sum(r => r.Recorded);
        result.Dataset.OutcomeCountFor(kent, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed).Should().Be(charged);
        result.Dataset.OutcomeCountFor(kent, CountBasis.Recorded, OutcomeType.ChargedAlternateOffence).Should().Be(charged);
        result.Report.Files.Should().OnlyContain(f => f.SupersededYears.Count == 0);

        // Recorded crimes are derived from the main table's outcomes only: 1A is a subset of 1, never added to it.
        result.Dataset.RecordedCrimesFor(kent).Should().Be(mainRows.Where(r => r.Force == "Kent ").Sum(r => r.Recorded));
    }
}
