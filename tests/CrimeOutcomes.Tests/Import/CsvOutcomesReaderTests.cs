using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

public sealed class CsvOutcomesReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // The fixture's force names as written, and the force each one is (checked by hand against the reference table).
    private static readonly Dictionary<string, string> ForceOf = new()
    {
        ["West Mercia"] = "West Mercia",
        ["Metropolitan Police[Note 6]"] = "Metropolitan Police",
        ["Kent "] = "Kent",
        ["Devon & Cornwall"] = "Devon & Cornwall",
    };

    public void Dispose() => _dir.Dispose();

    private string Write(string name, FixtureSpec spec, IReadOnlyList<FixtureRow> rows)
    {
        var path = _dir.File(name);
        OpenDataFixtures.WriteCsv(path, spec, rows);
        return path;
    }

    [Fact]
    public void Sums_every_force_year_and_outcome_to_the_counts_of_the_rows_and_accounts_for_every_row()
    {
        var spec = new FixtureSpec();
        var rows = OpenDataFixtures.Generate(1, spec);
        var result = new OutcomesOpenDataReader().Read(Write("outcomes.csv", spec, rows));

        // Independently: group the generated rows by force name (mapped by hand) and outcome code.
        var expected = rows.Where(r => ForceOf.ContainsKey(r.Force))
            .GroupBy(r => (Force: ForceOf[r.Force], r.OutcomeType))
            .ToDictionary(g => g.Key, g => (Recorded: g.Sum(r => r.Recorded), Closed: g.Sum(r => r.Closed)));
        expected.Should().HaveCount(4 * OpenDataFixtures.Outcomes.Count);
        foreach (var ((force, code), sums) in expected)
        {
            var key = new FigureKey(ForceRegistry.Default.Get(force), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
            var outcome = OutcomeType.Parse(code);
            result.Dataset.OutcomeCountFor(key, CountBasis.Recorded, outcome).Should().Be(sums.Recorded, $"{force} outcome {code}");
            result.Dataset.OutcomeCountFor(key, CountBasis.Closed, outcome).Should().Be(sums.Closed, $"{force} outcome {code}");
        }

        var report = result.Report.Files.Single();
        report.RowsRead.Should().Be(rows.Count);
        report.RowsSetAside.Should().Be(rows.Count(r => r.Force == "Action Fraud"));
        report.RowsKept.Should().Be(rows.Count(r => r.Force != "Action Fraud"));
        report.RowsRejected.Should().Be(0);
        report.SetAside.Should().ContainSingle().Which.Name.Should().Be("Action Fraud");
        report.CountsRead.Should().Be(new CountTotals(rows.Sum(r => r.Recorded), rows.Sum(r => r.Closed), 0));
        report.CountsKept.Recorded.Should().Be(result.Dataset.OutcomeCounts.Where(f => f.Basis == CountBasis.Recorded).Sum(f => f.Count));
        report.CountsKept.Closed.Should().Be(result.Dataset.OutcomeCounts.Where(f => f.Basis == CountBasis.Closed).Sum(f => f.Count));
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void Derives_recorded_crimes_from_the_recorded_basis_sum_of_every_outcome_including_not_yet_assigned()
    {
        var spec = new FixtureSpec();
        var rows = OpenDataFixtures.Generate(2, spec);
        var result = new OutcomesOpenDataReader().Read(Write("outcomes.csv", spec, rows));
        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);

        result.Dataset.RecordedCrimesFor(kent).Should().Be(rows.Where(r => r.Force == "Kent ").Sum(r => r.Recorded));
    }

    [Fact]
    public void Reads_the_older_count_headers_and_quarters_written_as_numbers()
    {
        var spec = new FixtureSpec { OldCountHeaders = true, QuarterWithQ = false };
        var rows = OpenDataFixtures.Generate(3, spec);
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { ByQuarter = true }).Read(Write("old.csv", spec, rows));
        var key = new FigureKey(ForceRegistry.Default.Get("West Mercia"), FinancialQuarter.Parse("2020/21 Q3"), CrimeScope.AllCrime);

        result.Dataset.OutcomeCountFor(key, CountBasis.Closed, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)
            .Should().Be(rows.Where(r => r.Force == "West Mercia" && r.Quarter == "3" && r.OutcomeType == "16").Sum(r => r.Closed));
        result.Report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void Keeps_the_offence_group_grain_and_merges_spellings_that_differ_only_in_case()
    {
        var spec = new FixtureSpec { TitleCaseGroups = true };
        var rows = OpenDataFixtures.Generate(4, spec);
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGrain = OffenceGrain.Group }).Read(Write("groups.csv", spec, rows));
        var violence = CrimeScope.AllCrime.WithOffenceGroup("Violence against the person");
        var key = new FigureKey(ForceRegistry.Default.Get("Devon and Cornwall"), FinancialYear.Parse("2020/21"), violence);

        result.Dataset.OutcomeCountFor(key, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed)
            .Should().Be(rows.Where(r => r.Force == "Devon & Cornwall" && r.OffenceGroup == "Violence Against The Person" && r.OutcomeType == "1").Sum(r => r.Recorded));
        result.Dataset.Scopes.Should().HaveCount(3, "violence, theft and criminal damage are the groups of the first four offences");
    }

    [Fact]
    public void Filters_an_offence_group_and_a_force_and_accounts_for_the_rows_left_out()
    {
        var spec = new FixtureSpec();
        var rows = OpenDataFixtures.Generate(5, spec);
        var options = ImportOptions.Default with
        {
            OffenceGroups = ["violence AGAINST the person"],
            Forces = [ForceRegistry.Default.Get("Kent"), ForceRegistry.Default.Get("West Mercia")],
        };
        var result = new OutcomesOpenDataReader(options).Read(Write("filtered.csv", spec, rows));

        var kept = rows.Where(r => r.Force is "Kent " or "West Mercia" && r.OffenceGroup == "Violence against the person").ToArray();
        var report = result.Report.Files.Single();
        report.RowsKept.Should().Be(kept.Length);
        report.RowsFiltered.Should().Be(rows.Count(r => r.Force != "Action Fraud") - kept.Length);
        report.CountsKept.Recorded.Should().Be(kept.Sum(r => r.Recorded));
        report.Reconciles.Should().BeTrue();
        result.Dataset.Scopes.Should().Equal(CrimeScope.AllCrime.WithOffenceGroup("Violence against the person"));
        result.Dataset.Areas.Select(a => a.Name).Should().BeEquivalentTo("Kent", "West Mercia");
    }

    [Theory]
    [InlineData(9, "23", "Outcome Type", "'23' is not an outcome type")]
    [InlineData(11, "x12", "Force outcomes recorded in quarter", "'x12' is not a whole number")]
    [InlineData(2, "Westt Mercia", "Force Name", "'Westt Mercia' is not a known police force; nearest known names: 'West Mercia'")]
    [InlineData(0, "2020-22", "Financial Year", "'2020-22' is not a financial year")]
    [InlineData(1, "Q5", "Financial Quarter", "'Q5' is not a financial quarter")]
    [InlineData(8, "Charged/Summonsed", "Outcome Group", "does not match outcome")]
    [InlineData(6, "8NN8", "Offence Code", "'8NN8' is not an offence code")]
    public void Strict_mode_throws_on_the_first_malformed_row_naming_file_line_and_column(int field, string value, string column, string reason)
    {
        var spec = new FixtureSpec();
        var rows = OpenDataFixtures.Generate(6, spec).Select(OpenDataFixtures.Fields).ToList();
        // Row index 100 (line 102: the header is line 1); outcome 16's group is not Charged/Summonsed.
        rows[100] = OpenDataFixtures.Fields(OpenDataFixtures.Generate(6, spec).First(r => r.OutcomeType == "16"));
        rows[100][field] = value;
        rows[200][field] = value;
        var path = _dir.File("bad.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, rows);

        var act = () => new OutcomesOpenDataReader().Read(path);

        var error = act.Should().Throw<ImportFormatException>().Which;
        error.File.Should().Be("bad.csv");
        error.LineOrRow.Should().Be(102);
        error.Column.Should().Be(column);
        error.Message.Should().Contain(reason).And.StartWith("bad.csv, line 102, column '" + column + "'");
    }

    [Fact]
    public void Lenient_mode_collects_the_rejected_rows_with_line_and_reason_and_still_reconciles()
    {
        var spec = new FixtureSpec();
        var fixture = OpenDataFixtures.Generate(7, spec);
        var rows = fixture.Select(OpenDataFixtures.Fields).ToList();
        rows[10][9] = "99";              // line 12: outcome type
        rows[20][2] = "Mercia West";     // line 22: unknown force
        rows[30][11] = "";               // line 32: a blank count is a marker of no figure, not a malformed row
        rows[40][11] = "-3";             // line 42: a negative count is a published correction, kept
        rows[50][11] = "three";          // line 52: text that is no number and no marker
        var path = _dir.File("lenient.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, rows);

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { Strict = false }).Read(path);

        var report = result.Report.Files.Single();
        report.RowsRejected.Should().Be(3);
        report.Rejected.Select(r => r.Location.Number).Should().Equal(12L, 22L, 52L);
        report.Rejected[1].Reason.Should().Contain("Mercia West");
        report.Rejected[2].Reason.Should().Contain("'three' is not a whole number");
        report.Rejected[2].Location.Column.Should().Be(OpenDataFixtures.NewHeaders[11]);
        report.UnknownNames.Should().ContainSingle().Which.Name.Should().Be("Mercia West");
        report.Markers.Should().ContainSingle().Which.Should().Be(new MarkerTally(OpenDataFixtures.NewHeaders[11], string.Empty, FigureAbsence.NotAvailable, 1));
        var outcome40 = OutcomeCatalogue.Default.Parse(fixture[40].OutcomeType);
        report.Corrections.Should().ContainSingle(c => c.Basis == CountBasis.Closed && c.Outcome == outcome40 && c.Sum <= -3);
        report.RowsRead.Should().Be(fixture.Count);
        report.Reconciles.Should().BeTrue();

        // The counts of the rejected rows that could be parsed are accounted for: the row whose closed-basis count
        // is text contributes its recorded-basis count only; the blank cell adds nothing, the correction its −3.
        report.CountsRead.Recorded.Should().Be(fixture.Sum(r => r.Recorded));
        report.CountsRead.Closed.Should().Be(fixture.Sum(r => r.Closed) - fixture[30].Closed - fixture[40].Closed - 3 - fixture[50].Closed);
        report.CountsRejected.Recorded.Should().Be(fixture[10].Recorded + fixture[20].Recorded + fixture[50].Recorded);
    }

    [Fact]
    public void Reads_a_large_file_in_parallel_byte_ranges_with_the_same_figures_and_line_numbers_as_one_thread()
    {
        var spec = new FixtureSpec { Years = ["2019/20", "2020/21"] };
        var rows = OpenDataFixtures.Generate(8, spec).Select(OpenDataFixtures.Fields).ToList();
        rows[5][9] = "X";
        rows[rows.Count - 200][9] = "Y"; // the last 105 rows are Action Fraud (set aside before outcomes are read)
        var path = _dir.File("parallel.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, rows);
        var lenient = ImportOptions.Default with { Strict = false };

        var single = new OutcomesOpenDataReader(lenient with { MaxDegreeOfParallelism = 1 }).Read(path);
        var parallel = new OutcomesOpenDataReader(lenient with { MaxDegreeOfParallelism = 3, CsvChunkBytes = 4096 }).Read(path);

        parallel.Dataset.OutcomeCounts.Should().BeEquivalentTo(single.Dataset.OutcomeCounts);
        parallel.Dataset.RecordedCrimes.Should().BeEquivalentTo(single.Dataset.RecordedCrimes);
        parallel.Report.Files.Single().Rejected.Select(r => r.Location.Number).Should().Equal(7L, rows.Count - 200 + 2L);
        single.Report.Files.Single().Rejected.Select(r => r.Location.Number).Should().Equal(7L, rows.Count - 200 + 2L);
        parallel.Report.Files.Single().RowsRead.Should().Be(rows.Count);
    }

    [Fact]
    public void Strict_mode_in_parallel_reports_the_first_bad_row_of_the_file_not_the_first_found()
    {
        var spec = new FixtureSpec { Years = ["2019/20", "2020/21"] };
        var rows = OpenDataFixtures.Generate(9, spec).Select(OpenDataFixtures.Fields).ToList();
        rows[rows.Count - 3][9] = "late";
        rows[1500][9] = "early";
        var path = _dir.File("strict-parallel.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.NewHeaders, rows);

        var act = () => new OutcomesOpenDataReader(ImportOptions.Default with { MaxDegreeOfParallelism = 2, CsvChunkBytes = 2048 }).Read(path);

        act.Should().Throw<ImportFormatException>().Which.LineOrRow.Should().Be(1502);
    }

    [Fact]
    public void Rows_with_too_few_fields_are_rejected_and_blank_lines_set_aside()
    {
        var path = _dir.File("short.csv");
        var fields = OpenDataFixtures.Fields(OpenDataFixtures.Generate(10, new FixtureSpec())[0]);
        File.WriteAllText(path, string.Join(',', OpenDataFixtures.NewHeaders) + "\n" + string.Join(',', fields) + "\n\n2020/21,Q1,Kent\n");

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { Strict = false }).Read(path);

        var report = result.Report.Files.Single();
        report.RowsRead.Should().Be(3);
        report.RowsKept.Should().Be(1);
        report.SetAside.Should().ContainSingle().Which.Name.Should().Be("(blank row)");
        report.Rejected.Should().ContainSingle().Which.Location.Number.Should().Be(4);
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void A_file_without_the_needed_columns_is_refused_with_the_headers_found()
    {
        var path = _dir.File("nothing.csv");
        File.WriteAllText(path, "Area,Year,Recorded\nKent,2016,5\n");

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().WithMessage("nothing.csv, line 1:*Headers found: 'Area', 'Year', 'Recorded'*");
    }

    [Fact]
    public void A_recorded_crime_csv_gives_recorded_crimes_by_force_and_year_with_quarters_summed()
    {
        var path = _dir.File("prc-pfa.csv");
        string[][] rows =
        [
            ["2020/21", "Q1", "Kent", "Assault with injury", "Violence against the person", "Violence with injury", "8N", "1,200"],
            ["2020/21", "Q2", "Kent", "Assault with injury", "Violence against the person", "Violence with injury", "8N", "1300"],
            ["2020/21", "Q1", "Kent", "Shoplifting", "Theft offences", "Shoplifting", "46", "800"],
            ["2020/21", "Q1", "UK Finance", "Cheque fraud", "Fraud offences", "Fraud", "53A", "50"],
        ];
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.RecordedCrimeHeaders, rows);

        var result = new OutcomesOpenDataReader().Read(path);

        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime);
        result.Dataset.RecordedCrimesFor(kent).Should().Be(1_200 + 1_300 + 800);
        var report = result.Report.Files.Single();
        report.Kind.Should().Be(OpenDataTableKind.RecordedCrime);
        report.CountsRead.RecordedCrimes.Should().Be(3_350);
        report.CountsSetAside.RecordedCrimes.Should().Be(50);
        report.Reconciles.Should().BeTrue();
    }

    [Fact]
    public void Quoted_fields_are_unquoted_with_doubled_quotes_made_single()
    {
        var path = _dir.File("quoted.csv");
        File.WriteAllText(path, string.Join(',', OpenDataFixtures.NewHeaders) + "\n"
            + "2020/21,Q1,\"London, City of\",\"Assault \"\"with\"\" injury\",\"Violence against the person\",Violence with injury,8N,Charged,\"Charged/Summonsed\",\"1\",\"12\",3\n"
            + "2020/21,Q2,\"\"\"Kent\"\"\",x,Theft offences,Shoplifting,46,Charged,Charged/Summonsed,1,5,5\n");

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { Strict = false, OffenceGrain = OffenceGrain.Group }).Read(path);

        var city = new FigureKey(ForceRegistry.Default.Get("City of London"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime.WithOffenceGroup("Violence against the person"));
        result.Dataset.OutcomeCountFor(city, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed).Should().Be(12);
        // The field """Kent""" unescapes to "Kent" (quotes included), which the registry still reads as Kent.
        var kent = new FigureKey(ForceRegistry.Default.Get("Kent"), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime.WithOffenceGroup("Theft offences"));
        result.Dataset.OutcomeCountFor(kent, CountBasis.Recorded, OutcomeType.ChargedOrSummonsed).Should().Be(5);
        result.Report.Files.Single().RowsKept.Should().Be(2);
    }
}
