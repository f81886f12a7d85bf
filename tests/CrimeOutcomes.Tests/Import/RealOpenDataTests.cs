using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;
using nietras.SeparatedValues;

namespace CrimeOutcomes.Tests.Import;

/// <summary>The real 2017/18 file, read strictly, once per test class (about two seconds).</summary>
public sealed class RealOpenDataFixture
{
    public static readonly CrimeScope ViolenceAgainstThePerson = CrimeScope.AllCrime.WithOffenceGroup("Violence against the person");

    public RealOpenDataFixture()
    {
        AllCrime = new OutcomesOpenDataReader().Read(RealData.CsvPath);
        Violence = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGroups = ["Violence against the person"] }).Read(RealData.CsvPath);
    }

    public ImportResult AllCrime { get; }

    public ImportResult Violence { get; }
}

/// <summary>
/// The real Home Office outcomes open data for 2017/18 (../shared/real), read in strict mode: nothing rejected, and
/// every figure of the table in ../shared/real/README.md (computed there with pandas from the same file) comes out.
/// </summary>
public sealed class RealOpenDataTests(RealOpenDataFixture real) : IClassFixture<RealOpenDataFixture>
{
    private static readonly FinancialYear Year = FinancialYear.Parse("2017/18");
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    public static TheoryData<string, bool, long, long, long, long, long> ReadmeFigures => new()
    {
        // area, violence against the person only, recorded crimes, outcome 16, 15, 1 (recorded basis), 16 (closed basis)
        { "England and Wales", false, 4_818_517, 786_413, 490_703, 479_704, 773_167 },
        { "England and Wales", true, 1_385_164, 494_822, 235_355, 159_746, 486_289 },
        { "West Mercia", false, 84_350, 19_379, 8_212, 9_604, 18_370 },
        { "West Mercia", true, 28_228, 13_170, 3_733, 3_149, 12_576 },
        { "Metropolitan Police", false, 815_528, 95_826, 83_298, 71_331, 94_921 },
        { "London, City of", false, 5_870, 327, 264, 733, 292 },
        { "British Transport Police", false, 59_785, 1_879, 3_365, 8_236, 1_919 },
    };

    [Fact]
    public void The_file_reads_strictly_with_every_row_kept()
    {
        var report = real.AllCrime.Report.Files.Should().ContainSingle().Subject;
        report.RowsRead.Should().Be(RealData.Rows);
        report.RowsKept.Should().Be(RealData.Rows);
        report.RowsRejected.Should().Be(0);
        report.Reconciles.Should().BeTrue();
        report.CountsRead.Recorded.Should().Be(4_818_517 + 59_785);   // the 43 forces and BTP
        real.AllCrime.Dataset.Areas.Should().HaveCount(44);
    }

    [Theory]
    [MemberData(nameof(ReadmeFigures))]
    public void The_readme_figures_come_out(string area, bool violence, long recorded, long outcome16, long outcome15, long outcome1, long outcome16Closed)
    {
        var data = violence ? real.Violence.Dataset : real.AllCrime.Dataset;
        var scope = violence ? RealOpenDataFixture.ViolenceAgainstThePerson : CrimeScope.AllCrime;
        var place = area == "England and Wales" ? Registry.EnglandAndWales : (Area)Registry.Get(area);

        Ratio Recorded(RatioDefinition definition) => Calculator.Calculate(data, definition, place, Year, scope, CountBasis.Recorded);

        var withdrawal = Recorded(RatioDefinition.Withdrawal);
        withdrawal.Numerator.Should().Be(outcome16);
        withdrawal.Denominator.Should().Be(recorded);
        Recorded(RatioDefinition.EvidentialDifficulties).Numerator.Should().Be(outcome15);
        Recorded(RatioDefinition.ChargeOrSummons).Numerator.Should().Be(outcome1);
        Calculator.Calculate(data, RatioDefinition.Withdrawal, place, Year, scope, CountBasis.Closed).Numerator.Should().Be(outcome16Closed);
        if (place is ForceGroup)
        {
            withdrawal.Coverage.ToString().Should().Be("43 of 43 forces");   // British Transport Police is not one of them
        }
    }

    [Fact]
    public void The_national_shares_match_the_readme_to_two_decimals()
    {
        Calculator.Calculate(real.AllCrime.Dataset, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Year, CrimeScope.AllCrime, CountBasis.Recorded)
            .FormatPercent(2).Should().Be("16.32 %");
        Calculator.Calculate(real.Violence.Dataset, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Year, RealOpenDataFixture.ViolenceAgainstThePerson, CountBasis.Recorded)
            .FormatPercent(2).Should().Be("35.72 %");
        Calculator.Calculate(real.AllCrime.Dataset, RatioDefinition.Withdrawal, Registry.Get("West Mercia"), Year, CrimeScope.AllCrime, CountBasis.Recorded)
            .FormatPercent(2).Should().Be("22.97 %");
    }

    [Fact]
    public void Outcome_0_has_no_closed_basis_figure_and_is_never_read_as_zero()
    {
        var report = real.AllCrime.Report.Files[0];
        report.Markers.Should().ContainSingle().Which.Should().Be(
            new MarkerTally("Force outcomes recorded in quarter", "--", FigureAbsence.NotApplicable, 21_472));   // every outcome-0 row
        var westMercia = new FigureKey(Registry.Get("West Mercia"), Year, CrimeScope.AllCrime);
        var data = real.AllCrime.Dataset;
        data.OutcomeCountFor(westMercia, CountBasis.Closed, OutcomeType.NotYetAssigned).Should().BeNull();
        data.MissingFor(westMercia, CountBasis.Closed, OutcomeType.NotYetAssigned).Should().Be(FigureAbsence.NotApplicable);
        data.OutcomeCountFor(westMercia, CountBasis.Recorded, OutcomeType.NotYetAssigned).Should().NotBeNull();

        var notYetAssigned = RatioDefinition.OutcomeRate(RatioDenominator.RecordedCrimes, OutcomeType.NotYetAssigned);
        var closed = Calculator.Calculate(data, notYetAssigned, westMercia, CountBasis.Closed);
        closed.HasCounts.Should().BeFalse();
        closed.IsDefined.Should().BeFalse();
        closed.MissingFigures.Should().ContainSingle().Which.Absence.Should().Be(FigureAbsence.NotApplicable);
        closed.FormatPercent().Should().Be("no figure");
        closed.Invoking(r => r.Numerator).Should().Throw<InvalidOperationException>().WithMessage("*never read as zero*");
    }

    [Fact]
    public void Negative_counts_are_kept_as_corrections_and_counted_per_outcome_and_basis()
    {
        var corrections = real.AllCrime.Report.Files[0].Corrections;
        corrections.Where(c => c.Basis == CountBasis.Recorded).Should().ContainSingle()
            .Which.Should().Be(new CorrectionTally(OutcomeType.NotYetAssigned, CountBasis.Recorded, 2_584, -13_859));
        corrections.Where(c => c.Basis == CountBasis.Closed).Sum(c => c.Rows).Should().Be(449);   // the README: 449 rows of other types
        corrections.Should().Contain(c => c.Outcome == OutcomeType.Parse("10") && c.Basis == CountBasis.Closed && c.Rows == 116);
        corrections.Should().Contain(c => c.Outcome == OutcomeType.Parse("17") && c.Basis == CountBasis.Closed && c.Rows == 69);
        real.AllCrime.Report.Files[0].NegativeSums.Should().ContainSingle().Which.Should().Be(new OutcomeCountFigure(
            new FigureKey(Registry.Get("Sussex"), Year, CrimeScope.AllCrime), CountBasis.Recorded, OutcomeType.NotYetAssigned, -70));
    }

    [Fact]
    public void Dotted_and_compound_codes_are_kept_apart_by_their_text()
    {
        var result = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGrain = OffenceGrain.Code, Forces = [Registry.Get("West Mercia")] }).Read(RealData.CsvPath);
        var codes = result.Dataset.Scopes.Select(s => s.OffenceCode!.Value.Value).ToHashSet();
        codes.Should().HaveCount(122);
        codes.Should().Contain(["1/4.1/4.10/4.2", "4.3", "4.4", "37.1", "37.2", "8N", "105A", "3A", "802"]);
        var homicide = result.Dataset.Scopes.Single(s => s.OffenceCode!.Value.IsCompound);
        homicide.OffenceCode.Should().Be(OffenceCode.Parse("1/4.1/4.2/4.10"));   // the recorded-crime tables' order
    }

    [Fact]
    public void A_copy_without_its_zero_rows_gives_the_same_figures()
    {
        using var dir = new TempDirectory();
        var copy = dir.File("outcomes-2017-18-nonzero.csv");
        var kept = 0;
        using (var writer = new StreamWriter(copy))
        {
            foreach (var line in File.ReadLines(RealData.CsvPath).Select((l, i) => (Line: l, Index: i)))
            {
                var fields = line.Line.Split(',');
                if (line.Index == 0 || !fields[^2..].All(f => f is "0" or "--"))
                {
                    writer.WriteLine(line.Line);
                    kept++;
                }
            }
        }

        kept.Should().BeLessThan(RealData.Rows / 2);   // mostly zeros, as published
        var fromCopy = new OutcomesOpenDataReader().Read(copy).Dataset;
        CrimeOutcomes.Tests.Json.JsonAssert.SameFigures(fromCopy, real.AllCrime.Dataset);
    }

    [Fact]
    public async Task The_same_rows_in_the_republished_xlsx_and_ods_layouts_give_the_same_figures()
    {
        // The 2024-26 republished order: offence code before the description, renamed count headers, a cover,
        // notes and pivot sheet before the year's data sheet; numbers written as numbers, markers as text.
        int[] order = [0, 1, 2, 6, 3, 4, 5, 7, 8, 9, 10, 11, 12];
        using var dir = new TempDirectory();
        var xlsx = dir.File("prc-outcomes-open-data-mar2018-tables-241024.xlsx");
        var ods = dir.File("prc-outcomes-open-data-mar2018-tables-241024.ods");
        await OpenDataFixtures.WriteRepublishedXlsxAsync(xlsx, "Outcomes_open_data_2017-18", OpenDataFixtures.RepublishedHeaders, RealRows(order));
        OpenDataFixtures.WriteRepublishedOds(ods, "Outcomes open data 2017_18", OpenDataFixtures.WithNumberOfPrefix(OpenDataFixtures.RepublishedHeaders), RealRows(order));

        // Codes of digits alone ("802") are written as numbers, as a user's copy would hold them: read as their text, and counted.
        var numericCodes = RealRows(order).LongCount(r => r[3].All(char.IsAsciiDigit));
        numericCodes.Should().BePositive();
        foreach (var path in new[] { xlsx, ods })
        {
            var result = new OutcomesOpenDataReader().Read(path);
            var report = result.Report.Files.Single();
            report.RowsRead.Should().Be(RealData.Rows, path);
            report.RowsKept.Should().Be(RealData.Rows, path);
            report.Sheets.Should().ContainSingle(path);
            report.Markers.Should().ContainSingle().Which.Cells.Should().Be(21_472);
            report.OffenceCodesStoredAsNumbers.Should().Be(numericCodes, path);
            CrimeOutcomes.Tests.Json.JsonAssert.SameFigures(result.Dataset, real.AllCrime.Dataset);
        }
    }

    /// <summary>The real file's rows, fields in <paramref name="order"/>.</summary>
    private static IEnumerable<string[]> RealRows(int[] order)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(RealData.CsvPath);
        foreach (var row in reader)
        {
            var fields = new string[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                fields[i] = row[order[i]].ToString();
            }

            yield return fields;
        }
    }
}
