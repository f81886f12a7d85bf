using CrimeOutcomes.Import;
using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Tests.Import;

/// <summary>
/// The sample at docs/data/sample-outcomes-open-data.csv is the fixture generator's output for a fixed seed; these
/// tests prove it still is, and that it reads cleanly. Set CRIME_OUTCOMES_WRITE_SAMPLE=1 to rewrite it after
/// changing the generator.
/// </summary>
public sealed class SampleDataTests
{
    public const int Seed = 20240425;

    public static FixtureSpec Spec { get; } = new()
    {
        Forces = ["West Mercia", "Metropolitan Police[Note 6]", "Kent ", "Devon & Cornwall", "Avon and Somerset Constabulary", "Dyfed-Powys"],
        Years = ["2019/20", "2020/21"],
        OffenceCount = 2,
    };

    internal static string SamplePath() => RepositoryPaths.Under("docs", "data", "sample-outcomes-open-data.csv");

    [Fact]
    public void The_committed_sample_is_the_generators_output_for_its_seed()
    {
        using var dir = new TempDirectory();
        var generated = dir.File("sample.csv");
        OpenDataFixtures.WriteCsv(generated, Spec, OpenDataFixtures.Generate(Seed, Spec));
        var sample = SamplePath();
        if (Environment.GetEnvironmentVariable("CRIME_OUTCOMES_WRITE_SAMPLE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sample)!);
            File.Copy(generated, sample, overwrite: true);
        }

        File.ReadAllBytes(sample).Should().Equal(File.ReadAllBytes(generated));
        new FileInfo(sample).Length.Should().BeLessThan(1 << 20);
    }

    [Fact]
    public void The_sample_reads_with_every_row_accounted_for_and_six_forces_in_two_years()
    {
        var rows = OpenDataFixtures.Generate(Seed, Spec);
        var result = new OutcomesOpenDataReader().Read(SamplePath());

        result.Report.Reconciles.Should().BeTrue();
        result.Report.RowsRead.Should().Be(rows.Count);
        result.Report.RowsRejected.Should().Be(0);
        result.Dataset.Areas.Should().HaveCount(6);
        result.Dataset.Periods.Should().Equal(FinancialYear.Parse("2019/20"), FinancialYear.Parse("2020/21"));
    }
}
