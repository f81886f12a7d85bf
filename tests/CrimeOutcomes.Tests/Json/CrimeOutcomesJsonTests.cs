using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrimeOutcomes.Json;

namespace CrimeOutcomes.Tests.Json;

public class CrimeOutcomesJsonTests
{
    [Fact]
    public void Seed_story_round_trips_and_its_ratios_still_match_the_printed_table()
    {
        var read = CrimeOutcomesJson.DeserializeDataset(JsonSamples.SeedStoryJson);

        JsonAssert.SameFigures(read, SeedStory.Dataset);
        // Printed: West Mercia 2016, 5,523 of 10,829 (51.0 %); the 36 forces 2016, 164,510 of 438,349 (37.5 %).
        var calculator = new OutcomeRatioCalculator();
        calculator.Calculate(read, RatioDefinition.Withdrawal, SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope).Format().Should().Be("5,523 / 10,829 = 51.0 %");
        var national = calculator.Calculate(read, RatioDefinition.Withdrawal, SeedStory.RespondingForces, CalendarYear.Of(2016), SeedStory.Scope);
        national.Format().Should().Be("164,510 / 438,349 = 37.5 %");
        national.Coverage.ToString().Should().Be("36 of 43 forces (members not published)");
    }

    [Fact]
    public void Seed_story_is_written_with_references_kinds_and_the_schema_version()
    {
        using var document = JsonDocument.Parse(JsonSamples.SeedStoryJson);
        var root = document.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        var first = root.GetProperty("recordedCrimes")[0];
        first.GetProperty("area").GetString().Should().Be("E23000016", "West Mercia is written as its ONS police force area code");
        first.GetProperty("period").GetProperty("kind").GetString().Should().Be("calendarYear");
        first.GetProperty("period").GetProperty("value").GetString().Should().Be("2015");
        first.GetProperty("count").GetInt64().Should().Be(9_773);
        var outcome = root.GetProperty("outcomeCounts")[0];
        outcome.GetProperty("outcome").GetString().Should().Be("16");
        outcome.GetProperty("basis").GetString().Should().Be("unstated");

        var groups = root.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);
        var responding = groups["group:36 responding forces"];
        responding.GetProperty("forceCount").GetInt32().Should().Be(36);
        responding.GetProperty("within").GetString().Should().Be("englandAndWales:England and Wales");
        responding.TryGetProperty("members", out _).Should().BeFalse();
        groups["englandAndWales:England and Wales"].GetProperty("members").GetArrayLength().Should().Be(43);
    }

    [Fact]
    public void A_dataset_using_every_part_of_the_schema_round_trips_and_writes_back_the_same_text()
    {
        var read = CrimeOutcomesJson.DeserializeDataset(JsonSamples.RichJson);

        JsonAssert.SameFigures(read, JsonSamples.Rich);
        CrimeOutcomesJson.Serialize(read).Should().Be(JsonSamples.RichJson);
        read.Areas.Should().Contain(ForceRegistry.Default.Wales).And.Contain(ForceRegistry.Default.RegionOf(Region.Wales), "the country and the region of the same name stay two areas");
    }

    [Fact]
    public void Streams_round_trip_the_same_bytes_as_strings()
    {
        using var stream = new MemoryStream();
        CrimeOutcomesJson.Serialize(JsonSamples.Rich, stream);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(JsonSamples.RichJson);

        stream.Position = 0;
        JsonAssert.SameFigures(CrimeOutcomesJson.DeserializeDataset(stream), JsonSamples.Rich);
    }

    [Fact]
    public void Compact_output_reads_back_the_same()
    {
        var compact = CrimeOutcomesJson.Serialize(JsonSamples.Rich, new CrimeOutcomesJsonOptions { WriteIndented = false });

        compact.Should().NotContain("\n");
        JsonAssert.SameFigures(CrimeOutcomesJson.DeserializeDataset(compact), JsonSamples.Rich);
    }

    [Fact]
    public void A_ratio_round_trips_with_its_key_definition_and_coverage()
    {
        var ratio = JsonSamples.WestMerciaWithdrawal2016;
        var json = CrimeOutcomesJson.Serialize(ratio);
        var read = CrimeOutcomesJson.DeserializeRatio(json);

        JsonAssert.SameRatio(read, ratio);
        read.Format().Should().Be("5,523 / 10,829 = 51.0 %");
        CrimeOutcomesJson.Serialize(read).Should().Be(json);
    }

    [Fact]
    public void A_ratio_change_round_trips()
    {
        var change = JsonSamples.RespondingForcesChange;
        var read = CrimeOutcomesJson.DeserializeRatioChange(CrimeOutcomesJson.Serialize(change));

        JsonAssert.SameRatio(read.From, change.From);
        JsonAssert.SameRatio(read.To, change.To);
        // 117,196 / 393,551 = 29.7791 %; 164,510 / 438,349 = 37.5295 %: +7.7503 pp, rounded +7.8.
        read.ToString().Should().Be("+7.8 pp (29.8 % \u2192 37.5 %)");
    }

    [Fact]
    public void An_area_aggregate_round_trips_with_both_coverages()
    {
        var aggregate = JsonSamples.WestMidlandsAggregate;
        var json = CrimeOutcomesJson.Serialize(aggregate);
        var read = CrimeOutcomesJson.DeserializeAreaAggregate(json);

        read.Key.Should().Be(aggregate.Key);
        read.Basis.Should().Be(aggregate.Basis);
        read.IsComputed.Should().BeTrue();
        // West Mercia 80,123 + Staffordshire 70,456 = 150,579; outcome 1: 5,001 + 4,321 = 9,322.
        read.RecordedCrimes.Should().Be(150_579);
        read.CountOf(OutcomeType.ChargedOrSummonsed).Should().Be(9_322);
        read.OutcomeCounts.Should().BeEquivalentTo(aggregate.OutcomeCounts);
        JsonAssert.SameCoverage(read.RecordedCrimesCoverage, aggregate.RecordedCrimesCoverage);
        JsonAssert.SameCoverage(read.OutcomeCountsCoverage, aggregate.OutcomeCountsCoverage);
        // The West Midlands region is West Mercia, Staffordshire, Warwickshire and West Midlands.
        read.RecordedCrimesCoverage.ToString().Should().Be("2 of 4 forces (missing: Warwickshire, West Midlands)");
        CrimeOutcomesJson.Serialize(read).Should().Be(json);
    }

    public static TheoryData<string> Coverages => ["force", "listed", "unlisted", "excluding"];

    [Theory]
    [MemberData(nameof(Coverages))]
    public void Coverages_round_trip(string which)
    {
        var registry = ForceRegistry.Default;
        var coverage = which switch
        {
            "force" => Coverage.OfForce(JsonSamples.WestMercia),
            "listed" => Coverage.OfComputed(registry.Wales, [registry.Get("Gwent"), registry.Get("Dyfed-Powys")]),
            "unlisted" => Coverage.OfPublished(SeedStory.RespondingForces),
            _ => Coverage.OfPublished(JsonSamples.RestOfEnglandAndWales),
        };

        var read = CrimeOutcomesJson.DeserializeCoverage(CrimeOutcomesJson.Serialize(coverage));

        JsonAssert.SameCoverage(read, coverage);
    }

    [Fact]
    public void Groups_may_be_left_out_but_not_set_to_null()
    {
        // Regression: a document without "groups" threw a NullReferenceException (the source-generated reader sets a
        // missing init-only member to null, not to its initializer).
        var without = "{\"schemaVersion\": 1, \"recordedCrimes\": [{\"area\": \"E23000016\", \"period\": {\"kind\": \"calendarYear\", \"value\": \"2016\"}, \"scope\": {\"name\": \"All crime\"}, \"count\": 5}], \"outcomeCounts\": []}";
        var nullGroups = without.Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"groups\": null,", StringComparison.Ordinal);

        CrimeOutcomesJson.DeserializeDataset(without).RecordedCrimesFor(new FigureKey(JsonSamples.WestMercia, CalendarYear.Of(2016), CrimeScope.AllCrime)).Should().Be(5);
        var act = () => CrimeOutcomesJson.DeserializeDataset(nullGroups);
        act.Should().Throw<JsonException>().Where(e => e.Path == "$.groups").Which.Message.Should().Contain("null is not allowed here");
    }

    [Fact]
    public void Another_schema_version_fails_clearly_even_when_its_members_differ()
    {
        var node = JsonNode.Parse(JsonSamples.SeedStoryJson)!;
        node["schemaVersion"] = 2;
        node["somethingNew"] = new JsonObject();

        var act = () => CrimeOutcomesJson.DeserializeDataset(node.ToJsonString());

        act.Should().Throw<JsonException>()
            .Where(e => e.Path == "$.schemaVersion")
            .WithMessage("$.schemaVersion: The document has schema version 2; this version of CrimeOutcomes reads schema version 1 only.");
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        // Case name, JSON path expected, a fragment of the message.
        { "unknown member", "$.recordedCrimes[1].colour", "members allowed here are: area, period, scope, count" },
        { "missing required member", "$.recordedCrimes[1]", "'count'" },
        { "count as a string", "$.recordedCrimes[1].count", "expected a whole number from -9223372036854775808 to 9223372036854775807" },
        { "count beyond long", "$.recordedCrimes[1].count", "out of bounds for an Int64" },
        { "count with a fraction", "$.recordedCrimes[1].count", "expected a whole number" },
        { "null element", "$.recordedCrimes[1]", "null is not allowed here" },
        { "null member", "$.recordedCrimes[1].scope", "null is not allowed here: expected an object (scope)" },
        { "null string", "$.outcomeCounts[1].outcome", "null is not allowed here: expected a string" },
        { "duplicate member", "$.recordedCrimes[1].count", "Duplicate property 'count'" },
        { "negative count", "$.recordedCrimes[1].count", "cannot be negative (-1)" },
        { "negative outcome count", "$.outcomeCounts[1].count", "cannot be negative" },
        { "duplicate figure", "$.recordedCrimes[1].count", "already has recorded crimes for West Mercia, 2015, Domestic abuse-related" },
        { "unknown force", "$.recordedCrimes[1].area", "'West Mercya' is neither a declared group id nor a known police force. Nearest known forces: 'West Mercia'" },
        { "unknown area code", "$.recordedCrimes[1].area", "No force has the police force area code E23000099" },
        { "non-force row", "$.recordedCrimes[1].area", "not a police force but a non-force row" },
        { "unknown outcome", "$.outcomeCounts[1].outcome", "'23' is not an outcome code" },
        { "unknown basis", "$.outcomeCounts[1].basis", "'closed' is not a count basis: expected one of 'assignedInPeriod', 'recordedInPeriod', 'unstated'" },
        { "period of the wrong kind", "$.recordedCrimes[1].period.value", "'2016/17' is not a calendarYear" },
        { "unknown period kind", "$.recordedCrimes[1].period.kind", "'year' is not a period kind" },
        { "blank scope name", "$.recordedCrimes[1].scope.name", "whitespace" },
        { "bad offence code", "$.recordedCrimes[1].scope.offenceCode", "'8NNN' is not an offence code" },
        { "group both listed and counted", "$.groups[1].forceCount", "either its listed members" },
        { "group with neither", "$.groups[1]", "needs either \"members\"" },
        { "group drawn from itself", "$.groups[1].within", "drawn, directly or not, from itself" },
        { "group id naming a force", "$.groups[1].id", "also a police force reference" },
        { "group declared twice", "$.groups[1].id", "already declared at $.groups[0]" },
        { "group count too large", "$.groups[1]", "must cover between 1 and 43 forces" },
        { "group of kind force", "$.groups[1].kind", "'force' is not a group kind" },
        { "member listed twice", "$.groups[0].members[1]", "listed more than once" },
        { "member that is a group", "$.groups[1].members[0]", "is a group, where a police force is expected" },
        { "trailing comma", "$.recordedCrimes[1]", "trailing comma" },
        { "comment", "$", "'/' is an invalid start of a value" },
        { "root is an array", "$", "expected an object (dataset document)" },
        { "literal null", "$", "null is not allowed here" },
        { "empty document", "$", "does not contain any JSON tokens" },
        { "truncated", "$.outcomeCounts[7].count", "is an invalid end of a number" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_reading_error_is_a_JsonException_that_names_its_path(string error, string path, string fragment)
    {
        var json = Corrupt(error);

        var act = () => CrimeOutcomesJson.DeserializeDataset(json);

        var thrown = act.Should().Throw<JsonException>().Which;
        thrown.Path.Should().Be(path);
        thrown.Message.Should().StartWith(path + ": ").And.Contain(fragment);
    }

    [Fact]
    public void A_stream_larger_than_the_limit_fails_before_parsing()
    {
        var options = new CrimeOutcomesJsonOptions { MaxDocumentBytes = 1_000 };
        var bytes = Encoding.UTF8.GetBytes(JsonSamples.SeedStoryJson);

        var seekable = () => CrimeOutcomesJson.DeserializeDataset(new MemoryStream(bytes), options);
        var unseekable = () => CrimeOutcomesJson.DeserializeDataset(new ForwardOnlyStream(bytes), options);
        var text = () => CrimeOutcomesJson.DeserializeDataset(JsonSamples.SeedStoryJson, options);

        foreach (var read in new[] { seekable, unseekable, text })
        {
            read.Should().Throw<JsonException>().Where(e => e.Path == "$")
                .WithMessage("$: The document is larger than the limit of 1,000 bytes*");
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1_001, 1)]
    [InlineData(64, 0)]
    [InlineData(64, 3_000_000_000)]
    public void Limits_outside_their_range_are_refused(int depth, long bytes)
    {
        var act = () => new CrimeOutcomesJsonOptions { MaxDepth = depth, MaxDocumentBytes = bytes };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_fails_with_the_path_reached()
    {
        var options = new CrimeOutcomesJsonOptions { MaxDepth = 3 };

        var act = () => CrimeOutcomesJson.DeserializeDataset(JsonSamples.SeedStoryJson, options);

        act.Should().Throw<JsonException>().Where(e => e.Path!.StartsWith("$.groups[0]", StringComparison.Ordinal))
            .Which.Message.Should().Contain("maximum configured depth of 3");
    }

    [Fact]
    public void Text_that_is_not_UTF_8_or_UTF_16_fails_at_the_root_or_its_path()
    {
        var invalidUtf8 = Encoding.UTF8.GetBytes(JsonSamples.SeedStoryJson.Replace("\"Domestic abuse-related\"", "\"Domestic \u00FF\"", StringComparison.Ordinal));
        var at = Array.IndexOf(invalidUtf8, (byte)0xC3);
        invalidUtf8[at] = 0xFF;

        var bytes = () => CrimeOutcomesJson.DeserializeDataset(new MemoryStream(invalidUtf8));
        var loneSurrogate = () => CrimeOutcomesJson.DeserializeDataset(JsonSamples.SeedStoryJson.Replace("Domestic", "Dom\uD800estic", StringComparison.Ordinal));

        bytes.Should().Throw<JsonException>().Where(e => e.Path == "$.recordedCrimes[0].scope.name");
        loneSurrogate.Should().Throw<JsonException>().Where(e => e.Path == "$").Which.Message.Should().Contain("lone surrogate");
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"groups\": [], \"recordedCrimes\": [{\"are\\ud800a\": 1}], \"outcomeCounts\": []}", "$.recordedCrimes[0]")]
    [InlineData("{\"schema\\udc00Version\": 1}", "$")]
    [InlineData("{\"schemaVersion\": 1, \"groups\": [], \"recordedCrimes\": [], \"outcomeCounts\": [{\"area\": \"\\ud800\"}]}", "$.outcomeCounts[0].area")]
    public void A_lone_surrogate_escaped_in_a_member_name_or_string_fails_at_its_path(string json, string path)
    {
        var act = () => CrimeOutcomesJson.DeserializeDataset(json);

        act.Should().Throw<JsonException>().Where(e => e.Path == path).Which.Message.Should().StartWith(path + ": ");
    }

    [Fact]
    public void Result_readers_report_paths_inside_their_result()
    {
        var node = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016))!;
        node["ratio"]!["denominator"] = -1;
        var ratio = () => CrimeOutcomesJson.DeserializeRatio(node.ToJsonString());

        var change = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.RespondingForcesChange))!;
        change["ratioChange"]!["to"]!["coverage"]!["forcesCovered"] = 35;
        var changed = () => CrimeOutcomesJson.DeserializeRatioChange(change.ToJsonString());

        var aggregate = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate))!;
        aggregate["areaAggregate"]!["outcomeCounts"]![1]!["outcome"] = "0";
        var aggregated = () => CrimeOutcomesJson.DeserializeAreaAggregate(aggregate.ToJsonString());

        var coverage = JsonNode.Parse(CrimeOutcomesJson.Serialize(Coverage.OfPublished(SeedStory.RespondingForces)))!;
        coverage["coverage"]!["contributing"] = new JsonArray("E23000016");
        var covered = () => CrimeOutcomesJson.DeserializeCoverage(coverage.ToJsonString());

        ratio.Should().Throw<JsonException>().Where(e => e.Path == "$.ratio").Which.Message.Should().Contain("-1");
        changed.Should().Throw<JsonException>().Where(e => e.Path == "$.ratioChange.to.coverage.forcesCovered")
            .Which.Message.Should().Contain("35 does not match the coverage of '36 responding forces', which covers 36 forces");
        aggregated.Should().Throw<JsonException>().Where(e => e.Path == "$.areaAggregate.outcomeCounts[1].outcome")
            .Which.Message.Should().Contain("appears more than once");
        covered.Should().Throw<JsonException>().Where(e => e.Path == "$.coverage.contributing")
            .Which.Message.Should().Contain("were not published");
    }

    /// <summary>The seed story's JSON with one fault; recorded-crime figure 1 is West Mercia's 2016 (10,829), outcome count 1 West Mercia's 2015 outcome 15.</summary>
    private static string Corrupt(string error)
    {
        var text = JsonSamples.SeedStoryJson;
        var node = JsonNode.Parse(text)!;
        var root = node.AsObject();
        var figure = root["recordedCrimes"]![1]!.AsObject();
        var outcome = root["outcomeCounts"]![1]!.AsObject();
        var groups = root["groups"]!.AsArray();
        var unlisted = groups[1]!.AsObject();
        switch (error)
        {
            case "unknown member": figure["colour"] = "red"; break;
            case "missing required member": figure.Remove("count"); break;
            case "count as a string": figure["count"] = "10829"; break;
            case "count beyond long": return Raw(node, "10829", "9223372036854775808");
            case "count with a fraction": return Raw(node, "10829", "10829.5");
            case "null element": root["recordedCrimes"]![1] = null; break;
            case "null member": figure["scope"] = null; break;
            case "null string": outcome["outcome"] = null; break;
            case "duplicate member": return Raw(node, "\"count\": 10829", "\"count\": 10829, \"count\": 10830");
            case "negative count": figure["count"] = -1; break;
            case "negative outcome count": outcome["count"] = -5; break;
            case "duplicate figure": root["recordedCrimes"]![1] = root["recordedCrimes"]![0]!.DeepClone(); break;
            case "unknown force": figure["area"] = "West Mercya"; break;
            case "unknown area code": figure["area"] = "E23000099"; break;
            case "non-force row": figure["area"] = "Action Fraud"; break;
            case "unknown outcome": outcome["outcome"] = "23"; break;
            case "unknown basis": outcome["basis"] = "closed"; break;
            case "period of the wrong kind": figure["period"]!["value"] = "2016/17"; break;
            case "unknown period kind": figure["period"]!["kind"] = "year"; break;
            case "blank scope name": figure["scope"]!["name"] = "  "; break;
            case "bad offence code": figure["scope"]!["offenceCode"] = "8NNN"; break;
            case "group both listed and counted": unlisted["members"] = new JsonArray("E23000016"); break;
            case "group with neither": unlisted.Remove("forceCount"); break;
            case "group drawn from itself": unlisted["within"] = unlisted["id"]!.GetValue<string>(); break;
            case "group id naming a force": unlisted["id"] = "West Mercia"; break;
            case "group declared twice": unlisted["id"] = groups[0]!["id"]!.GetValue<string>(); break;
            case "group count too large": unlisted["forceCount"] = 44; break;
            case "group of kind force": unlisted["kind"] = "force"; break;
            case "member listed twice": groups[0]!["members"]![1] = groups[0]!["members"]![0]!.GetValue<string>(); break;
            case "member that is a group": unlisted.Remove("forceCount"); unlisted["members"] = new JsonArray(groups[0]!["id"]!.GetValue<string>()); break;
            case "trailing comma": return Raw(node, "\"count\": 10829", "\"count\": 10829,");
            case "comment": return "// a comment\n" + text;
            case "root is an array": return "[" + text + "]";
            case "literal null": return "null";
            case "empty document": return string.Empty;
            case "truncated": return text[..(text.LastIndexOf("\"count\"", StringComparison.Ordinal) + 10)];
            default: throw new ArgumentOutOfRangeException(nameof(error), error, null);
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Raw(JsonNode node, string find, string replace)
    {
        var text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        text.Should().Contain(find);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    /// <summary>A stream that cannot seek, so its length is unknown until read.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
