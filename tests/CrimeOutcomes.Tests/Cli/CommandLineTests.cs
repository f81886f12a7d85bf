using System.CommandLine;
using System.Text.Json;
using CrimeOutcomes.Cli;
using CrimeOutcomes.Tests.Import;

namespace CrimeOutcomes.Tests.Cli;

/// <summary>
/// The commands, run in process on the committed sample, checked against the fixture generator's own rows (the
/// seed table, help, version and the other formats are covered in tests/CrimeOutcomes.Cli.Tests).
/// </summary>
public sealed class CommandLineTests
{
    private static readonly string Sample = SampleDataTests.SamplePath();

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Import_prints_the_report_with_every_row_accounted_for()
    {
        var rows = OpenDataFixtures.Generate(SampleDataTests.Seed, SampleDataTests.Spec);

        var (exit, output, _) = Run("import", Sample);

        exit.Should().Be(0);
        var forceRows = rows.Count(r => r.Force != "Action Fraud");
        output.Should().Contain($"rows read {rows.Count:N0} = kept {forceRows:N0} + filtered 0 + rejected 0 + set aside {rows.Count - forceRows:N0}");
        output.Should().Contain("set aside: 'Action Fraud'");
    }

    [Fact]
    public void Ratios_as_json_give_each_force_and_the_national_line_from_the_sums_of_the_rows()
    {
        var rows = OpenDataFixtures.Generate(SampleDataTests.Seed, SampleDataTests.Spec)
            .Where(r => r.FinancialYear == "2020/21" && r.Force != "Action Fraud").ToArray();

        var (exit, output, _) = Run("ratios", Sample, "--outcome", "16", "--by", "force", "--year", "2020/21", "--format", "json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var national = json.RootElement.GetProperty("national");
        // Numerator: outcome 16 on the recorded basis; denominator: all outcomes on the recorded basis (recorded crimes).
        national.GetProperty("numerator").GetInt64().Should().Be(rows.Where(r => r.OutcomeType == "16").Sum(r => r.Recorded));
        national.GetProperty("denominator").GetInt64().Should().Be(rows.Sum(r => r.Recorded));
        national.GetProperty("coverage").GetString().Should().StartWith("6 of 43 forces");
        json.RootElement.GetProperty("forces").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public void A_malformed_file_fails_with_the_location_on_standard_error_and_exit_code_2()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.csv");
        var lines = File.ReadAllLines(Sample);
        lines[3] = lines[3].Replace(",West Mercia,", ",Westt Mercia,", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var (exit, _, error) = Run("import", path);

        exit.Should().Be(2);
        error.Should().StartWith("error: bad.csv, line 4, column 'Force Name': 'Westt Mercia' is not a known police force");
    }
}
