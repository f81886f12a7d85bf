using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The alternate-offences table (prc-outcomes-alternate-open-data-…): outcome types written "1a", "2a", "3a",
/// the catalogue's 1A, 2A and 3A, "of which" subsets of outcomes 1, 2 and 3. Imported beside the main table of a
/// year it adds those figures and changes nothing else.
/// </summary>
public sealed class AlternateOffenceLayoutTests : IDisposable
{
    private static readonly FixtureSpec Spec = new() { Years = ["2017/18"], QuarterWithQ = false };

    private static readonly Dictionary<string, OutcomeType> Alternates = new()
    {
        ["1"] = OutcomeType.ChargedAlternateOffence,
        ["2"] = OutcomeType.YouthCautionAlternateOffence,
        ["3"] = OutcomeType.AdultCautionAlternateOffence,
    };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>For each row of outcome 1, 2 or 3, a row of its alternate-offence subset, written in lower case, with a part of its counts.</summary>
    private static FixtureRow[] AlternateRows(IEnumerable<FixtureRow> rows, int seed)
    {
        var random = new Random(seed);
        return
        [
            .. from row in rows
               where Alternates.ContainsKey(row.OutcomeType)
               let alternate = Alternates[row.OutcomeType]
               select row with
               {
                   OutcomeType = alternate.Code.ToLowerInvariant(),
                   OutcomeDescription = alternate.Meaning,
                   OutcomeGroup = alternate.Group.Name,
                   Recorded = row.Recorded / random.Next(2, 10),
                   Closed = row.Closed / random.Next(2, 10),
               },
        ];
    }

    [Fact]
    public async Task Lower_case_alternate_outcomes_add_1A_2A_3A_without_changing_outcomes_1_2_3_or_the_recorded_crimes()
    {
        var main = OpenDataFixtures.Generate(51, Spec);
        var mainPath = _dir.File("prc-outcomes-open-data-mar2018-tables-241024.xlsx");
        await OpenDataFixtures.WriteRepublishedXlsxAsync(mainPath, "Outcomes_open_data_2017-18", OpenDataFixtures.RepublishedHeaders, main.Select(OpenDataFixtures.RepublishedFields));

        // The alternate table spans years: one the main table covers and one it does not.
        var alternate = AlternateRows(main, 52).Concat(AlternateRows(main.Select(r => r with { FinancialYear = "2016/17" }), 53)).ToArray();
        alternate.Select(r => r.OutcomeType).Distinct().Should().BeEquivalentTo("1a", "2a", "3a");
        var alternatePath = _dir.File("prc-outcomes-alternate-open-data-mar2017-to-mar2026-tables-230726.ods");
        OpenDataFixtures.WriteRepublishedOds(alternatePath, "Alternate_offences", OpenDataFixtures.RepublishedHeaders, alternate.Select(OpenDataFixtures.RepublishedFields));

        var alone = new OutcomesOpenDataReader().Read(mainPath).Dataset;
        var result = new OutcomesOpenDataReader().Read([mainPath, alternatePath]);

        var alternateReport = result.Report.Files.Single(f => f.File.Contains("alternate", StringComparison.Ordinal));
        (alternateReport.RowsRead, alternateReport.RowsRejected, alternateReport.SupersededYears.Count).Should().Be((alternate.Length, 0L, 0));
        result.Dataset.RecordedCrimes.Should().BeEquivalentTo(alone.RecordedCrimes, "subsets are never added to the recorded crimes");
        result.Dataset.OutcomeCounts.Where(f => !f.Outcome.IsSubset).Should().BeEquivalentTo(alone.OutcomeCounts);
        foreach (var force in new[] { "Kent", "West Mercia" })
        {
            foreach (var year in new[] { "2016/17", "2017/18" })
            {
                var key = new FigureKey(ForceRegistry.Default.Get(force), FinancialYear.Parse(year), CrimeScope.AllCrime);
                foreach (var (code, subset) in Alternates)
                {
                    subset.SubsetOf!.Code.Should().Be(code);
                    var written = subset.Code.ToLowerInvariant();
                    var rows = alternate.Where(r => r.Force.Trim() == force && r.FinancialYear == year && r.OutcomeType == written).ToArray();
                    result.Dataset.OutcomeCountFor(key, CountBasis.Recorded, subset).Should().Be(rows.Sum(r => r.Recorded));
                    result.Dataset.OutcomeCountFor(key, CountBasis.Closed, subset).Should().Be(rows.Sum(r => r.Closed));
                }
            }
        }
    }
}
