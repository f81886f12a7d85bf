using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrimeOutcomes.Json;

namespace CrimeOutcomes.Tests.Json;

/// <summary>Documents built to hurt: deep nesting, huge arrays, endless streams, counts beyond a 64-bit integer. Each ends in a clear JsonException.</summary>
public class HostileJsonTests
{
    [Theory]
    [InlineData("root", "$")]
    [InlineData("groups", "$.groups[0]")]
    [InlineData("unknown member", "$.deep")]
    public void Deep_nesting_fails_at_its_first_level(string where, string path)
    {
        var nest = new string('[', 100_000) + new string(']', 100_000);
        var json = where switch
        {
            "root" => nest,
            "groups" => $"{{\"schemaVersion\": 1, \"groups\": {nest}, \"recordedCrimes\": [], \"outcomeCounts\": []}}",
            _ => $"{{\"schemaVersion\": 1, \"deep\": {nest}}}",
        };

        var act = () => CrimeOutcomesJson.DeserializeDataset(json);

        act.Should().Throw<JsonException>().Where(e => e.Path == path);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused_by_the_reader_itself()
    {
        // A ratio document nests four levels deep (root, ratio, coverage, contributing); a limit of 3 must stop it.
        var ratio = CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016);

        var act = () => CrimeOutcomesJson.DeserializeRatio(ratio, new CrimeOutcomesJsonOptions { MaxDepth = 3 });

        act.Should().Throw<JsonException>().Where(e => e.Path!.StartsWith("$.ratio.", StringComparison.Ordinal))
            .Which.Message.Should().Contain("maximum configured depth of 3");
    }

    [Theory]
    [InlineData("0", "$.recordedCrimes[0]", "expected an object (recorded crime)")]
    [InlineData("null", "$.recordedCrimes[0]", "null is not allowed here")]
    [InlineData("{}", "$.recordedCrimes[0]", "missing required properties")]
    public void A_huge_array_fails_at_its_first_bad_element(string element, string path, string fragment)
    {
        var json = $"{{\"schemaVersion\": 1, \"recordedCrimes\": [{string.Join(',', Enumerable.Repeat(element, 1_000_000))}], \"outcomeCounts\": []}}";

        var act = () => CrimeOutcomesJson.DeserializeDataset(json);

        act.Should().Throw<JsonException>().Where(e => e.Path == path).Which.Message.Should().Contain(fragment);
    }

    [Fact]
    public void A_huge_array_of_copies_of_one_figure_fails_at_the_first_duplicate()
    {
        var node = JsonNode.Parse(JsonSamples.SeedStoryJson)!;
        var figure = node["recordedCrimes"]![0]!.ToJsonString();
        var json = $"{{\"schemaVersion\": 1, \"recordedCrimes\": [{string.Join(',', Enumerable.Repeat(figure, 100_000))}], \"outcomeCounts\": []}}";

        var act = () => CrimeOutcomesJson.DeserializeDataset(json);

        act.Should().Throw<JsonException>().Where(e => e.Path == "$.recordedCrimes[1].count").Which.Message.Should().Contain("duplicate");
    }

    [Fact]
    public void An_endless_stream_stops_at_the_size_limit()
    {
        var options = new CrimeOutcomesJsonOptions { MaxDocumentBytes = 1024 * 1024 };

        var act = () => CrimeOutcomesJson.DeserializeDataset(new EndlessStream(), options);

        act.Should().Throw<JsonException>().Where(e => e.Path == "$").WithMessage("$: The document is larger than the limit of 1,048,576 bytes*");
    }

    [Theory]
    [InlineData("$.ratio.numerator", "9223372036854775808")]
    [InlineData("$.ratio.denominator", "-9223372036854775809")]
    [InlineData("$.ratio.numerator", "1e19")]
    [InlineData("$.ratio.numerator", "92233720368547758070000000000000000000000")]
    [InlineData("$.ratio.coverage.forcesCovered", "2147483648")]
    public void Counts_beyond_a_64_bit_integer_fail_where_they_stand(string path, string number)
    {
        var json = CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016);
        var member = path[(path.LastIndexOf('.') + 1)..];
        var at = json.IndexOf($"\"{member}\": ", StringComparison.Ordinal) + member.Length + 4;
        var end = json.IndexOfAny([',', '\n'], at);
        json = json[..at] + number + json[end..];

        var act = () => CrimeOutcomesJson.DeserializeRatio(json);

        act.Should().Throw<JsonException>().Where(e => e.Path == path).Which.Message.Should().Contain("expected a whole number from");
    }

    [Fact]
    public void An_aggregate_with_a_count_beyond_long_fails_at_that_count()
    {
        var node = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate))!;
        var text = node.ToJsonString().Replace("\"recordedCrimes\":150579", "\"recordedCrimes\":18446744073709551616", StringComparison.Ordinal);

        var act = () => CrimeOutcomesJson.DeserializeAreaAggregate(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));

        act.Should().Throw<JsonException>().Where(e => e.Path == "$.areaAggregate.recordedCrimes");
    }

    [Theory]
    [InlineData("area")]
    [InlineData("outcome")]
    [InlineData("basis")]
    [InlineData("scope name")]
    public void A_megabyte_long_value_fails_promptly_with_a_short_message(string member)
    {
        // Regression: a 1 MB area reference took seconds (name suggestions are a Levenshtein distance to every known
        // name) and the message quoted the whole megabyte.
        var huge = new string('x', 1_000_000);
        var node = JsonNode.Parse(JsonSamples.SeedStoryJson)!;
        var figure = node["outcomeCounts"]![0]!;
        switch (member)
        {
            case "area": figure["area"] = huge; break;
            case "outcome": figure["outcome"] = huge; break;
            case "basis": figure["basis"] = huge; break;
            default: node["outcomeCounts"]![1] = figure.DeepClone(); node["outcomeCounts"]![1]!["scope"]!["name"] = huge; node["outcomeCounts"]![0]!["scope"]!["name"] = huge; break;
        }

        var act = () => CrimeOutcomesJson.DeserializeDataset(node.ToJsonString());

        var thrown = act.Should().Throw<JsonException>().Which;
        thrown.Path.Should().StartWith("$.outcomeCounts[");
        thrown.Message.Length.Should().BeLessThan(2_500);
    }

    [Fact]
    public void Matching_a_name_far_longer_than_any_force_gives_no_suggestions()
    {
        var match = ForceRegistry.Default.Match(new string('x', 1_000_000));

        match.Kind.Should().Be(ForceNameMatchKind.Unknown);
        match.Suggestions.Should().BeEmpty();
        ForceRegistry.Default.Match("West Mercya").Suggestions.Should().StartWith("West Mercia");
    }

    /// <summary>A stream of '[' that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'[');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
