using System.Text;
using System.Text.Json;
using CrimeOutcomes.Json;
using CrimeOutcomes.Tests.Json;
using Xunit.Abstractions;

namespace CrimeOutcomes.Tests.Properties;

/// <summary>
/// Mutational fuzzing of the JSON readers, seeded with real documents: whatever the bytes, the only exception
/// allowed out is a <see cref="JsonException"/> whose message starts with its JSON path. A normal test run tries a
/// fixed, seeded set of inputs; set CRIMEOUTCOMES_FUZZ_SECONDS for a longer run on every core (docs/reliability.md).
/// </summary>
[Collection("Fuzz")]
public class JsonReaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Tokens of the format: members of the schema, references, extreme numbers, structure.</summary>
    internal static readonly string[] Dictionary =
    [
        "{", "}", "[", "]", "\"", ",", ":", " ", "\\", "\\u0000", "\\ud800", "\\\"", "null", "true", "false", "0", "-1", "1e3", "1.5", "-0",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "1e400", "00", "\"\"", "{}", "[]", "[[[[[[[[", "{\"a\":",
        "\"schemaVersion\"", "\"groups\"", "\"recordedCrimes\"", "\"outcomeCounts\"", "\"area\"", "\"period\"", "\"scope\"", "\"count\"",
        "\"kind\"", "\"value\"", "\"members\"", "\"forceCount\"", "\"within\"", "\"contributing\"", "\"forcesCovered\"", "\"id\"",
        "\"name\"", "\"offenceCode\"", "\"basis\"", "\"outcome\"", "\"numerator\"", "\"denominator\"", "\"definition\"", "\"key\"",
        "E23000016", "W15000004", "E23000099", "British Transport Police", "Action Fraud", "group:36 responding forces",
        "englandAndWales:England and Wales", "region:West Midlands", "calendarYear", "financialYear", "financialQuarter",
        "2016", "2016/17", "2016/17 Q5", "year ending March 2017", "1899", "2200/01", "16", "1A", "0", "23", "unstated", "recordedInPeriod",
        "group", "force", "region", "country", "englandAndWales", "recordedCrimes", "assignedOutcomes", "8N", "   ",
        "\"missingFigures\"", "\"gaps\"", "\"absence\"", "\"quarter\"", "\"force\"", "\"missingOutcomes\"", "\"missingOutcomesCountAsZero\"",
        "notReported", "notApplicable", "notAvailable", "notProvided", "suppressed", "2014/15 Q4",
    ];

    internal static IReadOnlyList<byte[]> Seeds { get; } = new[]
    {
        JsonSamples.SeedStoryJson,
        JsonSamples.RichJson,
        CrimeOutcomesJson.Serialize(JsonSamples.Rich, new CrimeOutcomesJsonOptions { WriteIndented = false }),
        CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016),
        CrimeOutcomesJson.Serialize(JsonSamples.RespondingForcesChange),
        CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate),
        CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawalWithoutCounts),
        CrimeOutcomesJson.Serialize(JsonSamples.StaffordshireMissingAsZero),
        CrimeOutcomesJson.Serialize(JsonSamples.EnglandAndWalesWithGaps),
        CrimeOutcomesJson.Serialize(Coverage.OfPublished(SeedStory.RespondingForces)),
        CrimeOutcomesJson.Serialize(Coverage.OfPublished(JsonSamples.RestOfEnglandAndWales)),
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Every reader, on the same input (each fails fast on another kind of document).</summary>
    internal static void ReadAll(byte[] input)
    {
        CrimeOutcomesJson.DeserializeDataset(new MemoryStream(input));
        Try(() => CrimeOutcomesJson.DeserializeRatio(new MemoryStream(input)));
        Try(() => CrimeOutcomesJson.DeserializeRatioChange(new MemoryStream(input)));
        Try(() => CrimeOutcomesJson.DeserializeAreaAggregate(new MemoryStream(input)));
        Try(() => CrimeOutcomesJson.DeserializeCoverage(new MemoryStream(input)));
    }

    /// <summary>A documented reading error: a <see cref="JsonException"/> with a path, at the start of its message.</summary>
    internal static bool IsDocumented(Exception ex)
        => ex is JsonException { Path: { } path } json && json.Message.StartsWith(path + ": ", StringComparison.Ordinal);

    [Fact]
    [Trait("Category", "Fuzz")]
    public void Mutated_documents_only_ever_fail_with_a_JsonException_naming_the_path()
    {
        var report = MutationFuzzer.Run(Seeds, ReadAll, IsDocumented, Dictionary, iterations: 3_000, seed: "0000JsonFuzz", structural: JsonStructuralMutation.Apply);

        output.WriteLine($"JSON readers: {report}");
        report.Inputs.Should().BeGreaterThanOrEqualTo(3_000);
        report.Rejected.Should().BeGreaterThan(0, "most mutations break the document");
    }

    /// <summary>Inputs the fuzzer found that once let another exception out; each must now fail as documented.</summary>
    public static TheoryData<string, string> Found => new()
    {
        // 2 min run, 4.0 million inputs: a member name with an escaped lone surrogate ("schemaVe\ud800rsion") let
        // System.Text.Json's InvalidOperationException ("Cannot read incomplete UTF-16 JSON text") out of every reader.
        { "lone surrogate in a member name", "ewogICJzY2hlbWFWZVx1ZDgwMHJzaW9uIjogMSwKICAiZ3JvdXBzIjogW10sCiAgInJhdGlvIjogewogICAgIm51bWVyYXRvciI6IDU1MjMsCiAgICAiZGVub21pbmF0b3IiOiAxMDgyOSwKICAgICJudW1lcmF0b3JMYWJlbCI6ICJvdXRjb21lIDE2IiwKICAgICJkZW5vbWluYXRvckxhYmVsIjogInJlY29yZGVkIGNyaW1lcyIsCiAgICAiYmFzaXMiOiAidW5zdGF0ZWQiLAogICAgImNvdmVyYWdlIjogewogICAgICAiYXJlYSI6ICJFMjMwMDAwMTYiLAogICAgICAiZm9yY2VzQ292ZXJlZCI6IDEsCiAgICAgICJjb250cmlidXRpbmciOiBbCiAgICAgICAgIkUyMzAwMDAxNiIKICAgICAgXQogICAgfSwKICAgICJrZXkiOiB7CiAgICAgICJhcmVhIjogIkUyMzAwMDAxNiIsCiAgICAgICJwZXJpb2QiOiB7CiAgICAgICAgImtpbmQiOiAiY2FsZW5kYXJZZWFyIiwKICAgICAgICAidmFsdWUiOiAiMjAxNiIKICAgICAgfSwKICAgICAgInNjb3BlIjogewogICAgICAgICJuYW1lIjogIkRvbWVzdGljIGFidXNlLXJlbGF0ZWQiCiAgICAgIH0KICAgIH0sCiAgICAiZGVmaW5pdGlvbiI6IHsKICAgICAgIm5hbWUiOiAid2l0aGRyYXdhbCAob3V0Y29tZSAxNikiLAogICAgICAibnVtZXJhdG9yIjogWwogICAgICAgICIxNiIKICAgICAgXSwKICAgICAgImRlbm9taW5hdG9yIjogInJlY29yZGVkQ3JpbWVzIgogICAgfQogIH0KfQ==" },
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Inputs_found_by_fuzzing_fail_as_documented(string finding, string base64)
    {
        var act = () => ReadAll(Convert.FromBase64String(base64));

        act.Should().Throw<JsonException>(finding).Where(e => IsDocumented(e));
    }

    [Fact]
    public void The_seeds_themselves_are_read_without_error()
    {
        foreach (var seed in Seeds)
        {
            var act = () => Try(() => CrimeOutcomesJson.DeserializeDataset(new MemoryStream(seed)));
            act.Should().NotThrow();
        }
    }

    /// <summary>Runs a read whose documented failure is expected (the input may be another kind of document); anything else escapes.</summary>
    private static void Try(Action read)
    {
        try
        {
            read();
        }
        catch (JsonException ex) when (IsDocumented(ex))
        {
        }
    }
}
