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

        var refusal = act.Should().Throw<ImportFormatException>().WithMessage("*'outcomes-a.csv' and 'outcomes-b.csv' both give Outcomes figures for 2020/21*").Which;
        refusal.File.Should().Be("outcomes-b.csv");
        refusal.Files.Should().Equal("outcomes-a.csv", "outcomes-b.csv");
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
