using System.Text.Json;

namespace CrimeOutcomes.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class CommandTests
{
    private const string Sample = "docs/data/sample-outcomes-open-data.csv";

    [Fact]
    public void With_no_arguments_it_prints_the_seed_table_changes_and_claims()
    {
        var (exitCode, output, error) = CliRunner.Run();

        exitCode.Should().Be(0, error);
        output.Should().Contain("5,523 / 10,829 = 51.0 %");
        output.Should().Contain("4,519 / 9,773 = 46.2 %");
        output.Should().Contain("164,510 / 438,349 = 37.5 %");
        output.Should().Contain("36 of 43 forces (members not published)");
        output.Should().Contain("+4.8 pp (46.2 % \u2192 51.0 %)");
        output.Should().Contain("Does not fit 'a third'");
        output.Should().Contain("Does not fit 'just under 50 per cent'");
        output.Should().Contain("Fits 'just under 50 per cent': 4,519 / 9,773 = 46.2 %");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("import", "--help")]
    [InlineData("ratios", "--help")]
    [InlineData("convert", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var (exitCode, output, _) = CliRunner.Run(args);
        exitCode.Should().Be(0);
        output.Should().Contain("Usage:");
        output.Should().Contain(args.Length == 1 ? "crime-outcomes" : args[0]);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (exitCode, output, _) = CliRunner.Run("--version");
        exitCode.Should().Be(0);
        output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public void Ratios_by_force_as_csv_carry_exact_counts_and_the_national_line()
    {
        var (exitCode, output, error) = CliRunner.Run("ratios", Sample, "--outcome", "16", "--year", "2020/21", "--format", "csv");

        exitCode.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("Kent,", StringComparison.Ordinal) && l.Contains(",36476,recorded crimes,178644,", StringComparison.Ordinal));
        // The national line is the sum over the six forces of the sample: 260,898 / 1,135,630.
        lines.Should().Contain(l => l.StartsWith("England and Wales,", StringComparison.Ordinal) && l.Contains(",260898,recorded crimes,1135630,", StringComparison.Ordinal) && l.EndsWith(",6,43,6 of 43 forces,", StringComparison.Ordinal));
    }

    [Fact]
    public void Ratios_as_json_parse_and_hold_the_counts()
    {
        var (exitCode, output, error) = CliRunner.Run("ratios", Sample, "--outcome", "16", "--year", "2020/21", "--format", "json");

        exitCode.Should().Be(0, error);
        using var document = JsonDocument.Parse(output);
        document.RootElement.ToString().Should().Contain("36476").And.Contain("178644").And.Contain("260898");
    }

    [Fact]
    public void Ratios_as_a_table_show_the_coverage_of_the_national_line()
    {
        var (exitCode, output, _) = CliRunner.Run("ratios", Sample, "--outcome", "16", "--year", "2020/21");
        exitCode.Should().Be(0);
        output.Should().Contain("England and Wales").And.Contain("23.0 %").And.Contain("6 of 43 forces");
    }

    [Fact]
    public void A_malformed_year_is_a_clear_error_and_exit_code_2()
    {
        var (exitCode, _, error) = CliRunner.Run("ratios", Sample, "--outcome", "16", "--year", "2020/22");
        exitCode.Should().Be(2);
        error.Should().Contain("'2020/22' is not a financial year");
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var (exitCode, _, error) = CliRunner.Run("import", "no-such-file.csv");
        exitCode.Should().NotBe(0);
        error.Should().Contain("no-such-file.csv");
    }

    [Fact]
    public void Ratios_of_the_real_2017_18_file_give_the_published_figures()
    {
        // ../shared/real/outcomes-2017-18.csv.gz read as it is (gzip), strictly: the figures of ../shared/real/README.md.
        var real = CrimeOutcomes.Tests.Shared.RealData.GzipPath;
        var (exitCode, output, error) = CliRunner.Run("ratios", real, "--outcome", "16", "--year", "2017/18", "--format", "csv");

        exitCode.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("West Mercia,", StringComparison.Ordinal) && l.Contains(",19379,recorded crimes,84350,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Metropolitan Police,", StringComparison.Ordinal) && l.Contains(",95826,recorded crimes,815528,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("\"London, City of\",", StringComparison.Ordinal) && l.Contains(",327,recorded crimes,5870,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("England and Wales,", StringComparison.Ordinal) && l.Contains(",786413,recorded crimes,4818517,", StringComparison.Ordinal)
            && l.EndsWith(",43,43,43 of 43 forces,", StringComparison.Ordinal));

        var closed = CliRunner.Run("ratios", real, "--outcome", "16", "--year", "2017/18", "--basis", "closed", "--scope", "Violence against the person");
        closed.ExitCode.Should().Be(0, closed.Error);
        closed.Output.Should().MatchRegex(@"West Mercia\s+12,576\s+28,228\s+44\.6 %").And.MatchRegex(@"England and Wales\s+486,289\s+1,385,164\s+35\.1 %");

        var import = CliRunner.Run("import", real);
        import.ExitCode.Should().Be(0, import.Error);
        import.Output.Should().Contain("rows read 450,912 = kept 450,912 + filtered 0 + rejected 0 + set aside 0")
            .And.Contain("marker: '--' (not applicable) in 'Force outcomes recorded in quarter': 21,472 cells")
            .And.Contain("negative counts (corrections): outcome 0 (recorded basis): 2,584 rows");
    }

    [Fact]
    public void British_Transport_Police_has_its_own_line_and_the_national_line_can_include_it()
    {
        var real = CrimeOutcomes.Tests.Shared.RealData.GzipPath;
        var (exitCode, output, error) = CliRunner.Run("ratios", real, "--outcome", "16", "--year", "2017/18", "--format", "csv", "--threads", "1");

        exitCode.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var btp = lines.Single(l => l.StartsWith("British Transport Police,", StringComparison.Ordinal));
        var national = lines.Single(l => l.StartsWith("England and Wales,", StringComparison.Ordinal));
        national.Should().Contain(",786413,recorded crimes,4818517,").And.EndWith(",43,43,43 of 43 forces,");
        var btpCounts = btp.Split(',');

        var with = CliRunner.Run("ratios", real, "--outcome", "16", "--year", "2017/18", "--format", "csv", "--national", "with-btp");
        with.ExitCode.Should().Be(0, with.Error);
        var withLines = with.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        withLines.Should().Contain(btp);
        var numerator = 786413 + long.Parse(btpCounts[CsvColumn(lines[0], "numerator")], System.Globalization.CultureInfo.InvariantCulture);
        var denominator = 4818517 + long.Parse(btpCounts[CsvColumn(lines[0], "denominator")], System.Globalization.CultureInfo.InvariantCulture);
        withLines.Should().Contain(l => l.StartsWith("England and Wales and British Transport Police,", StringComparison.Ordinal)
            && l.Contains($",{numerator},recorded crimes,{denominator},", StringComparison.Ordinal) && l.EndsWith(",44,44,44 of 44 forces,", StringComparison.Ordinal));

        var table = CliRunner.Run("ratios", real, "--outcome", "16", "--year", "2017/18");
        table.Output.Should().MatchRegex(@"-{10,}\s+England and Wales\s+786,413").And.MatchRegex(@"British Transport Police\s+[\d,]+\s+[\d,]+\s+[\d.]+ %\s+1 force\s+-{10,}");
    }

    [Fact]
    public void Threads_must_not_be_negative()
    {
        var (exitCode, _, error) = CliRunner.Run("import", Sample, "--threads", "-1");
        exitCode.Should().NotBe(0);
        error.Should().Contain("--threads");
    }

    private static int CsvColumn(string header, string name) => Array.IndexOf(header.Split(','), name);
}
