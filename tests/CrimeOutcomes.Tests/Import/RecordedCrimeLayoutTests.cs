using System.Globalization;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The recorded-crime tables in their published layouts: the PRC tables by police force area (Cover_sheet,
/// Notes_, one sheet per year, stray duplicate columns in 2013/14, fraud bodies as non-force rows) and the
/// community safety partnership table (one row per CSP, summed to its force).
/// </summary>
public sealed class RecordedCrimeLayoutTests : IDisposable
{
    private static readonly string[] Forces = ["Kent", "West Mercia", "British Transport Police"];

    private static readonly string[] FraudBodies = ["Action Fraud", "CIFAS", "Cifas", "UK Finance", "Financial Fraud Action UK"];

    private static readonly string[] Quarters = ["1", "2", "3", "4"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static long Count(string[] row, int column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    private static FigureKey Key(string force, ReportingPeriod period, CrimeScope? scope = null)
        => new(ForceRegistry.Default.Get(force), period, scope ?? CrimeScope.AllCrime);

    private async Task<string> WriteAsync(string name, string format, IReadOnlyList<FixtureSheet> sheets)
    {
        var path = _dir.File($"{name}.{format}");
        if (format == "xlsx")
        {
            await OpenDataFixtures.WriteWorkbookXlsxAsync(path, sheets);
        }
        else
        {
            OpenDataFixtures.WriteWorkbookOds(path, sheets);
        }

        return path;
    }

    /// <summary>One year sheet of the PRC tables: every force and fraud body × quarter × offence.</summary>
    private static string[][] PrcRows(string year, Random random)
        =>
        [
            .. from quarter in Quarters
               from force in Forces.Concat(FraudBodies)
               from offence in OpenDataFixtures.Offences
               select new[] { year, quarter, force, offence.Description, offence.Group, offence.Subgroup, offence.Code, random.Next(0, 900).ToString(CultureInfo.InvariantCulture) },
        ];

    [Theory]
    [InlineData("ods")]
    [InlineData("xlsx")]
    public async Task The_year_sheets_of_a_PRC_workbook_make_one_dataset_with_stray_columns_ignored_and_fraud_bodies_set_aside(string format)
    {
        var random = new Random(41);
        var years = new[] { "2012/13", "2013/14", "2014/15" }.ToDictionary(y => y, y => PrcRows(y, random));

        // 2013/14: three stray duplicate header columns after the eighth; in half the rows they hold cells
        // (a different group, a different count, a marker), in the rest nothing.
        string[] strayHeaders = [.. OpenDataFixtures.RecordedCrimeHeaders, "Offence Group", "Number of Offences", "Offence Code"];
        var stray = years["2013/14"].Select((r, i) => i % 2 == 0 ? [.. r, "Theft offences", "999999", "N/a"] : r).ToArray();
        var path = await WriteAsync("prc-pfa-mar2013-onwards-tables-230726", format,
        [
            new FixtureSheet("Cover_sheet", [["Police recorded crime by police force area"], ["Source: Home Office"]]),
            new FixtureSheet("Notes_", [["Notes"], ["Note 1", "Fraud offences are recorded by Action Fraud, CIFAS and UK Finance, not by forces."]]),
            new FixtureSheet("2012_13", years["2012/13"].Prepend(OpenDataFixtures.RecordedCrimeHeaders)),
            new FixtureSheet("2013_14", stray.Prepend(strayHeaders)),
            new FixtureSheet("2014_15", years["2014/15"].Prepend(OpenDataFixtures.RecordedCrimeHeaders)),
        ]);

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { OffenceGrain = OffenceGrain.Group }).Read(path);

        var report = result.Report.Files.Single();
        (report.Kind, report.RowsRejected, report.Reconciles).Should().Be((OpenDataTableKind.RecordedCrime, 0L, true));
        report.Sheets.Should().Equal("2012_13", "2013_14", "2014_15");
        report.Years.Should().Equal(years.Keys.Select(y => FinancialYear.Parse(y)));
        report.SetAside.Select(s => (s.Name, s.Rows)).Should().BeEquivalentTo(FraudBodies.Select(b => (b, 3L * 4 * OpenDataFixtures.Offences.Count)));
        foreach (var (year, rows) in years)
        {
            foreach (var force in Forces)
            {
                foreach (var group in OpenDataFixtures.Offences.Select(o => o.Group).Distinct())
                {
                    result.Dataset.RecordedCrimesFor(Key(force, FinancialYear.Parse(year), CrimeScope.AllCrime.WithOffenceGroup(group)))
                        .Should().Be(rows.Where(r => r[2] == force && r[4] == group).Sum(r => Count(r, 7)), "{0} {1} {2} is the sum of its rows' first 'Number of Offences'", force, year, group);
                }
            }
        }
    }

    [Fact]
    public void Cifas_and_Financial_Fraud_Action_UK_are_non_force_rows_in_any_case()
    {
        foreach (var name in FraudBodies.Append("FINANCIAL FRAUD ACTION UK").Append("cifas"))
        {
            ForceRegistry.Default.Match(name).Kind.Should().Be(ForceNameMatchKind.NonForce, name);
        }
    }

    [Fact]
    public void The_community_safety_partnership_table_sums_its_partnerships_to_their_forces()
    {
        var partnerships = new Dictionary<string, string[]>
        {
            ["Kent"] = ["Ashford", "Canterbury", "Dartford", "Maidstone"],
            ["West Mercia"] = ["Herefordshire", "Shropshire", "Telford and Wrekin", "North Worcestershire", "South Worcestershire"],
            ["Durham"] = ["County Durham", "Darlington"],
        };
        var random = new Random(42);
        string[][] rows =
        [
            .. from quarter in new[] { "Q1", "Q2", "Q3", "Q4" }
               from force in partnerships
               from csp in force.Value
               from offence in OpenDataFixtures.Offences
               select new[] { "2022/23", quarter, force.Key, csp, offence.Description, offence.Group, offence.Subgroup, offence.Code, random.Next(0, 300).ToString(CultureInfo.InvariantCulture) },
        ];
        string[] headers = ["Financial Year", "Financial Quarter", "Police Force", "CSP Name", "Offence Description", "Offence Group", "Offence Subgroup", "Offence Code", "Offence Count"];
        var path = _dir.File("prc-csp-mar2013-onwards-tables-230726.ods");
        OpenDataFixtures.WriteWorkbookOds(path,
        [
            new FixtureSheet("Cover_sheet", [["Police recorded crime by community safety partnership area"]]),
            new FixtureSheet("2022_23", rows.Prepend(headers)),
        ]);

        var result = new OutcomesOpenDataReader(ImportOptions.Default with { ByQuarter = true, OffenceGrain = OffenceGrain.Code }).Read(path);

        var report = result.Report.Files.Single();
        (report.Kind, report.RowsKept, report.Reconciles).Should().Be((OpenDataTableKind.RecordedCrime, (long)rows.Length, true));
        var year = FinancialYear.Parse("2022/23");
        var figures = 0;
        foreach (var force in partnerships.Keys)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                foreach (var offence in OpenDataFixtures.Offences)
                {
                    var scope = CrimeScope.AllCrime.WithOffenceGroup(offence.Group).WithOffenceSubgroup(offence.Subgroup).WithOffenceCode(OffenceCode.Parse(offence.Code));
                    var expected = rows.Where(r => r[2] == force && r[1] == $"Q{quarter}" && r[7] == offence.Code).Sum(r => Count(r, 8));
                    result.Dataset.RecordedCrimesFor(Key(force, FinancialQuarter.Of(year, quarter), scope)).Should().Be(expected);
                    figures++;
                }
            }
        }

        result.Dataset.RecordedCrimes.Should().HaveCount(figures, "one figure per force, not per partnership");
    }
}
