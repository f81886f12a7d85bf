using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// Markers in count cells as the releases write them: each is no figure with its meaning, never a rejection and
/// never a zero; "not provided" force-quarters (2014/15) make the figures of their years partial, and coverage says so.
/// </summary>
public sealed class CountMarkerTests : IDisposable
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;
    private static readonly OutcomeRatioCalculator Calculator = new();
    private static readonly FinancialYear Year = FinancialYear.Parse("2014/15");

    // The forces whose force-quarters 2014/15 marks "N/A - data not provided" (British Transport Police is the eighth).
    private static readonly string[] NotProvided = ["Bedfordshire", "Cumbria", "Dyfed-Powys", "Hertfordshire", "Leicestershire", "Metropolitan Police", "South Yorkshire"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--", FigureAbsence.NotApplicable)]
    [InlineData("", FigureAbsence.NotAvailable)]
    [InlineData("  ", FigureAbsence.NotAvailable)]
    [InlineData("..", FigureAbsence.NotAvailable)]
    [InlineData("NA", FigureAbsence.NotAvailable)]
    [InlineData("N/A", FigureAbsence.NotAvailable)]
    [InlineData("N/a", FigureAbsence.NotAvailable)]
    [InlineData("n/a", FigureAbsence.NotAvailable)]
    [InlineData("#N/A", FigureAbsence.NotAvailable)]
    [InlineData("NULL", FigureAbsence.NotAvailable)]
    [InlineData("N/A - offence code expired", FigureAbsence.NotApplicable)]
    [InlineData("N/A - Offence code expired", FigureAbsence.NotApplicable)]
    [InlineData("N/A – offence code expired", FigureAbsence.NotApplicable)]
    [InlineData(" N/A  -  data not provided ", FigureAbsence.NotProvided)]
    [InlineData("[x]", FigureAbsence.NotAvailable)]
    [InlineData("[c]", FigureAbsence.Suppressed)]
    [InlineData("[z]", FigureAbsence.NotApplicable)]
    [InlineData("[LOW]", FigureAbsence.Suppressed)]
    public void Every_known_marker_has_its_meaning(string text, FigureAbsence absence)
    {
        CountMarker.TryMatch(text, out var marker).Should().BeTrue();
        marker!.Absence.Should().Be(absence);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("x12")]
    [InlineData("N/A - something else")]
    [InlineData("-")]
    [InlineData("nil")]
    public void Other_text_is_no_marker(string text) => CountMarker.TryMatch(text, out _).Should().BeFalse();

    [Fact]
    public void Not_provided_force_quarters_make_partial_figures_whose_coverage_names_them()
    {
        var forces = Registry.EnglandAndWales.Forces.Select(f => f.Name).Append("British Transport Police").ToArray();
        var rows = OpenDataFixtures.Generate(31, new FixtureSpec { Forces = forces, Years = ["2014/15"], OffenceCount = 2, NonForceRows = false });
        bool Missing(FixtureRow r) => r.Quarter == "Q4" && (NotProvided.Contains(r.Force) || r.Force == "British Transport Police");
        var fields = rows.Select(r => Missing(r)
            ? [.. OpenDataFixtures.RepublishedFields(r)[..^2], "N/A - data not provided", "N/A - data not provided"]
            : OpenDataFixtures.RepublishedFields(r)).ToList();
        var path = _dir.File("prc-outcomes-open-data-mar2015-tables-241024.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.RepublishedHeaders, fields);

        var result = new OutcomesOpenDataReader().Read(path);

        var report = result.Report.Files.Single();
        report.RowsRejected.Should().Be(0);
        report.Gaps.Select(g => g.Force.Name).Distinct().Should().HaveCount(8);
        report.Gaps.Should().HaveCount(8 * 2).And.OnlyContain(g => g.Quarter == FinancialQuarter.Of(Year, 4) && g.Absence == FigureAbsence.NotProvided);
        var missingRows = rows.Count(Missing);
        report.Markers.Should().HaveCount(2).And.OnlyContain(m => m.Marker == "N/A - data not provided" && m.Cells == missingRows);

        // Bedfordshire's year is the sum of the three quarters it gave, flagged partial.
        var bedfordshire = Registry.Get("Bedfordshire");
        var withdrawal = Calculator.Calculate(result.Dataset, RatioDefinition.Withdrawal, bedfordshire, Year, CrimeScope.AllCrime, CountBasis.Recorded);
        var given = rows.Where(r => r.Force == "Bedfordshire" && r.Quarter != "Q4").ToArray();
        withdrawal.Numerator.Should().Be(given.Where(r => r.OutcomeType == "16").Sum(r => r.Recorded));
        withdrawal.Denominator.Should().Be(given.Sum(r => r.Recorded));   // recorded crimes: every outcome type, 0 included
        withdrawal.Coverage.IsPartial.Should().BeTrue();
        withdrawal.Coverage.ToString().Should().Be("1 force; lacks 2014/15 Q4");

        var national = Calculator.Calculate(result.Dataset, RatioDefinition.Withdrawal, Registry.EnglandAndWales, Year, CrimeScope.AllCrime, CountBasis.Recorded);
        national.Coverage.ToString().Should().Be("43 of 43 forces; 7 lack one or more quarters");
        national.Coverage.ForcesWithGaps.Select(f => f.Name).Should().BeEquivalentTo(NotProvided.Select(n => Registry.Get(n).Name));
        national.Numerator.Should().Be(rows.Where(r => r.Force != "British Transport Police" && !Missing(r) && r.OutcomeType == "16").Sum(r => r.Recorded));

        // By quarter, the missing quarter has no figure at all: no ratio for Bedfordshire, and the national Q4 covers 36 forces.
        var quarters = new OutcomesOpenDataReader(ImportOptions.Default with { ByQuarter = true }).Read(path).Dataset;
        var q4 = FinancialQuarter.Of(Year, 4);
        var bedfordshireQ4 = Calculator.Calculate(quarters, RatioDefinition.Withdrawal, bedfordshire, q4, CrimeScope.AllCrime, CountBasis.Recorded);
        bedfordshireQ4.HasCounts.Should().BeFalse();
        bedfordshireQ4.MissingFigures.Should().OnlyContain(m => m.Absence == FigureAbsence.NotProvided);
        Calculator.Calculate(quarters, RatioDefinition.Withdrawal, Registry.EnglandAndWales, q4, CrimeScope.AllCrime, CountBasis.Recorded)
            .Coverage.ForcesCovered.Should().Be(36);
    }

    [Fact]
    public void A_copy_without_its_zero_rows_reads_the_same_when_force_quarters_are_not_provided()
    {
        string[] forces = ["Bedfordshire", "Kent"];
        var rows = OpenDataFixtures.Generate(37, new FixtureSpec { Forces = forces, Years = ["2014/15"], OffenceCount = 2, NonForceRows = false });
        bool Missing(FixtureRow r) => r.Quarter == "Q4" && r.Force == "Bedfordshire";
        string[] Fields(FixtureRow r) => Missing(r)
            ? [.. OpenDataFixtures.RepublishedFields(r)[..^2], "N/A - data not provided", "N/A - data not provided"]
            : OpenDataFixtures.RepublishedFields(r);

        // Outcome 15 of Bedfordshire published as zeros in the quarters it gave, so the copy keeps only its Q4 markers.
        rows = [.. rows.Select(r => r.Force == "Bedfordshire" && r.OutcomeType == "15" ? r with { Recorded = 0, Closed = 0 } : r)];
        var full = _dir.File("prc-outcomes-open-data-mar2015-tables-241024.csv");
        OpenDataFixtures.WriteCsv(full, OpenDataFixtures.RepublishedHeaders, [.. rows.Select(Fields)]);
        var trimmed = _dir.File("trimmed-prc-outcomes-open-data-mar2015-tables-241024.csv");
        OpenDataFixtures.WriteCsv(trimmed, OpenDataFixtures.RepublishedHeaders, [.. rows.Where(r => Missing(r) || r.Recorded != 0 || r.Closed != 0).Select(Fields)]);

        var expected = new OutcomesOpenDataReader().Read(full).Dataset;
        var actual = new OutcomesOpenDataReader().Read(trimmed).Dataset;

        actual.OutcomeCounts.Should().BeEquivalentTo(expected.OutcomeCounts);
        actual.RecordedCrimes.Should().BeEquivalentTo(expected.RecordedCrimes);
        actual.MissingFigures.Should().BeEquivalentTo(expected.MissingFigures);
        var bedfordshire = new FigureKey(Registry.Get("Bedfordshire"), Year, CrimeScope.AllCrime);
        actual.OutcomeCountFor(bedfordshire, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports).Should().Be(0, "Q1 to Q3 were published zeros; Q4 is a gap");
        actual.RecordedCrimesFor(bedfordshire).Should().Be(rows.Where(r => r.Force == "Bedfordshire" && !Missing(r)).Sum(r => r.Recorded));
        actual.GapsFor(Registry.Get("Bedfordshire"), Year).Should().HaveCount(2);
    }

    [Fact]
    public void Expired_codes_are_counted_and_their_markers_are_no_figures()
    {
        var rows = OpenDataFixtures.Generate(32, new FixtureSpec { Years = ["2018/19"], OffenceCount = 2, NonForceRows = false });
        var expiredCode = OpenDataFixtures.Offences[^1].Code;
        var fields = rows.Select((r, i) => r.OffenceCode == expiredCode
            ? [.. OpenDataFixtures.RepublishedFields(r)[..^2], i % 2 == 0 ? "N/A - offence code expired" : "N/A - Offence code expired", "0"]
            : OpenDataFixtures.RepublishedFields(r)).ToList();
        var path = _dir.File("expired.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.RepublishedHeaders, fields);

        var result = new OutcomesOpenDataReader().Read(path);

        var report = result.Report.Files.Single();
        var expired = rows.Count(r => r.OffenceCode == expiredCode);
        report.RowsRejected.Should().Be(0);
        report.RowsOfExpiredCodes.Should().Be(expired);
        report.Markers.Select(m => (m.Marker, m.Absence, m.Cells)).Should().BeEquivalentTo(new[]
        {
            ("N/A - offence code expired", FigureAbsence.NotApplicable, (long)((expired + 1) / 2)),
            ("N/A - Offence code expired", FigureAbsence.NotApplicable, (long)(expired / 2)),
        });
        result.Report.ToString().Should().Contain($"rows of expired offence codes: {expired:N0}")
            .And.Contain("marker: 'N/A - offence code expired' (not applicable) in 'Outcomes for offences that were recorded in the quarter'");
    }

    [Fact]
    public void Unknown_text_in_a_count_cell_is_still_a_malformed_row_with_its_location()
    {
        var rows = OpenDataFixtures.Generate(33, new FixtureSpec { NonForceRows = false }).Select(OpenDataFixtures.RepublishedFields).ToList();
        rows[4][^1] = "N/A - not known";
        var path = _dir.File("unknown-marker.csv");
        OpenDataFixtures.WriteCsv(path, OpenDataFixtures.RepublishedHeaders, rows);

        var act = () => new OutcomesOpenDataReader().Read(path);

        act.Should().Throw<ImportFormatException>().Which.Location.Should().Be(
            new ImportLocation("unknown-marker.csv", null, 6, "Outcomes for investigations closed in the quarter"));
    }
}
