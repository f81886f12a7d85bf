using CrimeOutcomes.Tests.Json;
using Parquet;
using Parquet.Schema;

namespace CrimeOutcomes.Columnar.Tests;

public sealed class OutcomeDatasetFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// The same figures and keys (in the file's sorted order, so compared as sets: keys that tie in the dataset's own
    /// order of keys follow the figures' order), and areas the same structurally (members, within), not only by name.
    /// </summary>
    internal static void ShouldBeTheSame(OutcomeDataset read, OutcomeDataset written)
    {
        SameSet(read.RecordedCrimes, written.RecordedCrimes);
        SameSet(read.OutcomeCounts, written.OutcomeCounts);
        SameSet(read.MissingFigures, written.MissingFigures);
        SameSet(read.Gaps, written.Gaps);
        SameSet(read.Keys, written.Keys);
        var writtenKeys = written.Keys.ToDictionary(k => k);
        foreach (var key in read.Keys)
        {
            JsonAssert.SameArea(key.Area, writtenKeys[key].Area);
        }
    }

    private static void SameSet<T>(IReadOnlyList<T> read, IReadOnlyList<T> written)
    {
        read.Should().HaveSameCount(written);
        read.ToHashSet().SetEquals(written).Should().BeTrue("the file holds every figure written, and no other");
    }

    [Fact]
    public void The_rich_dataset_round_trips_unchanged()
    {
        var path = _files.PathOf("rich.parquet");
        OutcomeDatasetFile.Write(JsonSamples.Rich, path);

        var read = OutcomeDatasetFile.Read(path);

        ShouldBeTheSame(read, JsonSamples.Rich);
        read.Areas.OfType<ForceGroup>().Should().Contain(g => g.Name == JsonSamples.Sample.Name && !g.IsMembershipListed && g.ForceCount == 12 && g.Within == ForceRegistry.Default.England);
        read.Areas.OfType<ForceGroup>().Single(g => g == JsonSamples.RestOfEnglandAndWales).Forces.Should().HaveCount(ForceRegistry.Default.EnglandAndWales.Forces.Count - 1);
        read.Periods.Select(p => p.Kind).Distinct().Should().HaveCount(3);
        read.MissingFor(new FigureKey(JsonSamples.WestMercia, FinancialYear.StartingIn(2020), CrimeScope.AllCrime), CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport)
            .Should().Be(FigureAbsence.NotAvailable, "an absent figure stays absent, with its reason, and is never read as zero");
    }

    [Fact]
    public void The_rich_dataset_round_trips_through_an_Arrow_file_unchanged()
    {
        var path = _files.PathOf("rich.arrow");
        OutcomeDatasetFile.Write(JsonSamples.Rich, path, ColumnarFormat.Arrow);

        ShouldBeTheSame(OutcomeDatasetFile.Read(path), JsonSamples.Rich);
        using var stream = File.OpenRead(path);
        using var reader = new Apache.Arrow.Ipc.ArrowFileReader(stream);
        reader.Schema.Metadata.Should().Contain("crimeoutcomes.schema", "outcome-dataset").And.Contain("crimeoutcomes.schema_version", "1");
    }

    [Fact]
    public void The_dataset_as_csv_has_a_header_of_the_column_names_and_empty_cells_for_nulls()
    {
        var path = _files.PathOf("rich.csv");
        OutcomeDatasetFile.Write(JsonSamples.Rich, path, ColumnarFormat.Csv);

        var lines = File.ReadAllLines(path);
        lines[0].Should().Be("figure,area_kind,area_name,area_code,period_kind,period,scope,offence_group,offence_subgroup,offence_code,basis,outcome,outcome_group,count,absence");
        lines.Should().Contain(l => l.StartsWith("missing,force,West Mercia,E23000016,financial_year,2020/21,All crime,,,,recorded,", StringComparison.Ordinal) && l.EndsWith(",,not_available", StringComparison.Ordinal));
        lines.Should().HaveCount(1 + JsonSamples.Rich.RecordedCrimes.Count + JsonSamples.Rich.OutcomeCounts.Count + JsonSamples.Rich.MissingFigures.Count + JsonSamples.Rich.Gaps.Count);
    }

    [Fact]
    public void A_file_of_neither_format_is_refused()
    {
        var path = _files.PathOf("text.parquet");
        File.WriteAllText(path, "figure\n");

        var read = () => OutcomeDatasetFile.Read(path);

        read.Should().Throw<ColumnarSchemaException>().WithMessage($"{path}: neither a Parquet file nor an Arrow IPC file*");
    }

    [Fact]
    public void The_seed_story_and_the_empty_dataset_round_trip()
    {
        foreach (var dataset in new[] { SeedStory.Dataset, OutcomeDataset.Empty })
        {
            foreach (var format in new[] { ColumnarFormat.Parquet, ColumnarFormat.Arrow })
            {
                var path = _files.PathOf($"dataset.{format}");
                OutcomeDatasetFile.Write(dataset, path, format);
                ShouldBeTheSame(OutcomeDatasetFile.Read(path), dataset);
            }
        }
    }

    [Fact]
    public async Task The_file_declares_its_schema_and_version_and_counts_are_nullable_64_bit()
    {
        var path = _files.PathOf("rich.parquet");
        OutcomeDatasetFile.Write(JsonSamples.Rich, path);

        await using var reader = await ParquetReader.CreateAsync(path);
        reader.CustomMetadata.Should().Contain("crimeoutcomes.schema", "outcome-dataset").And.Contain("crimeoutcomes.schema_version", "1");
        var count = reader.Schema.GetDataFields().Single(f => f.Name == "count");
        count.ClrType.Should().Be<long>();
        count.IsNullable.Should().BeTrue();
        reader.Schema.GetDataFields().Select(f => f.Name).Should().StartWith(["figure", "area_kind", "area_name", "area_code", "period_kind", "period"]);
    }

    [Fact]
    public async Task A_file_of_another_schema_version_is_refused_naming_the_file()
    {
        var path = _files.PathOf("future.parquet");
        await WriteOneColumn(path, Declaring(version: "99"));

        var read = () => OutcomeDatasetFile.Read(path);

        read.Should().Throw<ColumnarSchemaException>().WithMessage($"{path}: written with version 99 of the outcome-dataset schema; this library reads version 1.")
            .Which.FilePath.Should().Be(path);
    }

    [Fact]
    public async Task A_file_missing_a_column_is_refused_naming_the_file_and_column()
    {
        var path = _files.PathOf("partial.parquet");
        await WriteOneColumn(path, Declaring(version: "1"));

        var read = () => OutcomeDatasetFile.Read(path);

        read.Should().Throw<ColumnarSchemaException>().WithMessage($"{path}, column 'area_kind': missing*")
            .Which.Column.Should().Be("area_kind");
    }

    [Fact]
    public async Task A_parquet_file_that_is_not_ours_is_refused()
    {
        var path = _files.PathOf("other.parquet");
        await WriteOneColumn(path, []);

        var read = () => OutcomeDatasetFile.Read(path);

        read.Should().Throw<ColumnarSchemaException>().WithMessage($"{path}: not a CrimeOutcomes outcome-dataset file*");
    }

    private static Dictionary<string, string> Declaring(string version)
        => new() { ["crimeoutcomes.schema"] = "outcome-dataset", ["crimeoutcomes.schema_version"] = version };

    private static async Task WriteOneColumn(string path, Dictionary<string, string> metadata)
    {
        var field = new DataField<string>("figure");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(field, ["recorded_crimes"]);
        group.CompleteValidate();
    }
}
