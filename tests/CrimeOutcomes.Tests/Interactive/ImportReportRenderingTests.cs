using CrimeOutcomes.Import;
using CrimeOutcomes.Interactive;
using CrimeOutcomes.Tests.Import;
using static CrimeOutcomes.Tests.Interactive.RenderingAssertions;

namespace CrimeOutcomes.Tests.Interactive;

public sealed class ImportReportRenderingTests
{
    private const string Header = "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,"
        + "Outcome Description,Outcome Group,Outcome Type,Force outcomes for offences recorded in quarter,Force outcomes recorded in quarter";

    private const string Offence = "Assault with injury,Violence against the person,Violence with injury,8N,Charged or summonsed,Charged/Summonsed";

    [Fact]
    public void The_report_shows_rows_and_counts_per_category_and_where_and_why_rows_were_rejected()
    {
        // Five rows: West Mercia 100 / 90 and Kent 50 / 40 kept; Action Fraud 7 / 6 set aside; "West Murcia" 5 / 5 (unknown
        // force, line 5) and outcome type 23 for Kent 3 / 3 (line 6) rejected. Recorded basis: read 165 = kept 150 + rejected 8
        // + set aside 7; closed basis: read 144 = 130 + 8 + 6.
        using var directory = new TempDirectory();
        var path = directory.File("outcomes.csv");
        File.WriteAllLines(path,
        [
            Header,
            $"2020/21,Q1,West Mercia,{Offence},1,100,90",
            $"2020/21,Q1,Kent,{Offence},1,50,40",
            $"2020/21,Q1,Action Fraud,{Offence},1,7,6",
            $"2020/21,Q1,West Murcia,{Offence},1,5,5",
            $"2020/21,Q1,Kent,{Offence},23,3,3",
        ]);
        var report = new OutcomesOpenDataReader(ImportOptions.Default with { Strict = false }).Read(path).Report;

        var html = report.ToHtml();
        var root = ParseHtml(html);
        var tables = root.Descendants("table").ToArray();

        root.Descendants("div").First().Value.Should().Be("Import: 1 file, 5 rows read, 2 kept");
        root.Descendants("div").Single(d => d.Attribute("class")?.Value == "co-fits").Value.Should().StartWith("✓ Every row is accounted for");
        Rows(tables[0]).Should().BeEquivalentTo(
            new[]
            {
                new[] { "Read", "5", "165", "144", "0" },
                ["Kept", "2", "150", "130", "0"],
                ["Filtered", "0", "0", "0", "0"],
                ["Rejected", "2", "8", "8", "0"],
                ["Set aside", "1", "7", "6", "0"],
            },
            options => options.WithStrictOrdering());
        Rows(tables[1]).Single().Should().Equal("Action Fraud", "1", "recorded basis 7; closed basis 6; offences 0");
        Rows(tables[2]).Single().Take(2).Should().Equal("West Murcia", "1");
        Rows(tables[2]).Single()[2].Should().Contain("West Mercia");
        var rejected = Rows(tables[3]);
        rejected.Should().HaveCount(2);
        rejected.Select(r => r[0]).Should().Equal("outcomes.csv, line 5, column 'Force Name'", "outcomes.csv, line 6, column 'Outcome Type'");
        rejected[1][1].Should().Contain("23");
        report.ToPlainText().Should().Be(report.ToString());
        NotebookFormatting.ToHtml(report).Should().Be(html);
    }

    [Fact]
    public void Markers_corrections_and_gaps_are_shown_never_as_zeros()
    {
        // West Mercia: outcome 1 with a closed-basis "--"; Kent Q1 "not provided" on both bases; a correction of −4.
        using var directory = new TempDirectory();
        var path = directory.File("markers.csv");
        File.WriteAllLines(path,
        [
            Header,
            $"2014/15,Q1,West Mercia,{Offence},1,100,--",
            $"2014/15,Q1,Kent,{Offence},1,N/A - data not provided,N/A - data not provided",
            $"2014/15,Q2,Kent,{Offence},1,12,-4",
        ]);
        var report = new OutcomesOpenDataReader().Read(path).Report;

        var root = ParseHtml(report.ToHtml());
        var tables = root.Descendants("table").ToArray();

        Rows(tables[1]).Should().BeEquivalentTo(new[]
        {
            new[] { "--", "not applicable", "Force outcomes recorded in quarter", "1" },
            ["N/A - data not provided", "not provided", "Force outcomes for offences recorded in quarter", "1"],
            ["N/A - data not provided", "not provided", "Force outcomes recorded in quarter", "1"],
        });
        root.Value.Should().Contain("Not provided: Kent 2014/15 Q1.");
        Rows(tables[2]).Single().Should().Equal("outcome 1", "closed basis", "1", "-4");
        root.Value.Should().Contain("sum to a negative count, kept as published: outcome 1 for Kent, 2014/15, All crime (closed basis) -4");
    }

    [Fact]
    public void A_report_that_does_not_reconcile_says_so()
    {
        var file = new FileImportReport { File = "<b>odd</b>.csv", Kind = OpenDataTableKind.Outcomes, RowsRead = 3, RowsKept = 1 };

        var html = new ImportReport([file]).ToHtml();

        ParseHtml(html).Descendants("div").Single(d => d.Attribute("class")?.Value == "co-misfit").Value.Should().StartWith("✗ Does not reconcile");
        html.Should().Contain("&lt;b&gt;odd&lt;/b&gt;.csv").And.NotContain("<b>");
    }

    private static List<string[]> Rows(System.Xml.Linq.XElement table)
        => table.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements().Select(c => c.Value).ToArray()).ToList();
}
