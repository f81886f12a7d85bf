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
    public void Groups_with_an_ONS_code_are_written_with_it_and_a_forged_code_is_refused()
    {
        var westMidlands = ForceRegistry.Default.GetArea("E12000005");
        var dataset = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(westMidlands, FinancialYear.Parse("2017/18"), CrimeScope.AllCrime, 100)
            .AddRecordedCrimes(ForceRegistry.Default.EnglandAndWales, FinancialYear.Parse("2017/18"), CrimeScope.AllCrime, 1_000)
            .Build();

        var node = JsonNode.Parse(CrimeOutcomesJson.Serialize(dataset))!;
        var groups = node["groups"]!.AsArray();
        groups.Select(g => (string?)g!["code"]).Should().BeEquivalentTo(["E12000005", "K04000001"]);
        CrimeOutcomesJson.DeserializeDataset(node.ToJsonString()).Areas.Should().Contain(westMidlands).And.Contain(ForceRegistry.Default.EnglandAndWales);

        var index = groups.Select((g, i) => (Code: (string?)g!["code"], Index: i)).Single(g => g.Code == "E12000005").Index;
        groups[index]!["code"] = "E12000006";
        var forged = () => CrimeOutcomesJson.DeserializeDataset(node.ToJsonString());
        forged.Should().Throw<JsonException>().Where(e => e.Path == $"$.groups[{index}].code")
            .WithMessage("*'E12000006' is that of East of England, whose forces are not the members of 'West Midlands' (its code is 'E12000005').");

        groups[index]!["code"] = "E12999999";
        var unknown = () => CrimeOutcomesJson.DeserializeDataset(node.ToJsonString());
        unknown.Should().Throw<JsonException>().Where(e => e.Path == $"$.groups[{index}].code").WithMessage("*'E12999999' is not the ONS code of an area the registry knows*");
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
        JsonAssert.SameAggregate(read, aggregate);
        // The West Midlands region is West Mercia, Staffordshire, Warwickshire and West Midlands; Staffordshire lacks 2020/21 Q2.
        read.RecordedCrimesCoverage.ToString().Should().Be("2 of 4 forces (missing: Warwickshire, West Midlands); 1 lacks one or more quarters");
        CrimeOutcomesJson.Serialize(read).Should().Be(json);
    }

    [Fact]
    public void An_aggregate_keeps_its_missing_outcomes_missing_never_zero()
    {
        var json = CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate);
        var read = CrimeOutcomesJson.DeserializeAreaAggregate(json);

        // Only outcome 1 comes from both forces; West Mercia gives no 16 (not available), Staffordshire no 0 and no 1A.
        read.OutcomeCounts.Keys.Should().Equal(OutcomeType.ChargedOrSummonsed);
        read.CountOf(OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().BeNull();
        read.CountOf(OutcomeType.NotYetAssigned).Should().BeNull();
        read.MissingOutcomes[OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport].Should().Equal(new MissingFigure(
            new FigureKey(JsonSamples.WestMercia, FinancialYear.StartingIn(2020), CrimeScope.AllCrime), CountBasis.Recorded,
            OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport, FigureAbsence.NotAvailable));
        read.MissingOutcomes.Keys.Should().BeEquivalentTo([OutcomeType.NotYetAssigned, OutcomeType.ChargedAlternateOffence, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport]);

        using var document = JsonDocument.Parse(json);
        var body = document.RootElement.GetProperty("areaAggregate");
        body.GetProperty("outcomeCounts").GetArrayLength().Should().Be(1, "a sum some forces have no figure for is not written as a count");
        var missing = body.GetProperty("missingOutcomes").EnumerateArray().ToArray();
        missing.Should().HaveCount(3);
        missing.Select(m => m.TryGetProperty("count", out _)).Should().AllBeEquivalentTo(false);
        missing[^1].GetProperty("outcome").GetString().Should().Be("16");
        missing[^1].GetProperty("absence").GetString().Should().Be("notAvailable");
    }

    [Fact]
    public void A_dataset_with_missing_figures_and_gaps_round_trips_and_reads_none_of_them_as_zero()
    {
        var read = CrimeOutcomesJson.DeserializeDataset(JsonSamples.RichJson);
        var year = FinancialYear.StartingIn(2020);
        var westMercia = new FigureKey(JsonSamples.WestMercia, year, CrimeScope.AllCrime);

        JsonAssert.SameFigures(read, JsonSamples.Rich);
        read.MissingFigures.Should().HaveCount(3);
        read.Gaps.Should().HaveCount(2);
        read.OutcomeCountFor(westMercia, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().BeNull();
        read.MissingFor(westMercia, CountBasis.Recorded, OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport).Should().Be(FigureAbsence.NotAvailable);
        read.MissingFor(new FigureKey(ForceRegistry.Default.EnglandAndWales, year, CrimeScope.AllCrime), CountBasis.Closed, OutcomeType.NotYetAssigned)
            .Should().Be(FigureAbsence.NotApplicable);
        read.GapsFor(ForceRegistry.Default.Get("Staffordshire"), year, CountBasis.Recorded).Should().ContainSingle()
            .Which.ToString().Should().Be("Staffordshire, 2020/21 Q2 (recorded basis): not provided");

        using var document = JsonDocument.Parse(JsonSamples.RichJson);
        var root = document.RootElement;
        var recorded = root.GetProperty("missingFigures").EnumerateArray().Single(m => !m.TryGetProperty("outcome", out _));
        recorded.TryGetProperty("basis", out _).Should().BeFalse("missing recorded crimes have no basis");
        recorded.TryGetProperty("count", out _).Should().BeFalse("a missing figure has no count, not even zero");
        recorded.GetProperty("absence").GetString().Should().Be("suppressed");
        var gap = root.GetProperty("gaps")[0];
        gap.GetProperty("force").GetString().Should().Be("E23000015", "Staffordshire is written as its ONS code");
        gap.GetProperty("quarter").GetString().Should().Be("2020/21 Q2");
        gap.GetProperty("basis").GetString().Should().Be("recorded");
        gap.GetProperty("absence").GetString().Should().Be("notProvided");
        root.GetProperty("gaps")[1].TryGetProperty("basis", out _).Should().BeFalse("a gap of recorded crimes has no basis");
    }

    [Fact]
    public void A_document_without_missing_figures_or_gaps_leaves_them_out_and_still_reads()
    {
        using var document = JsonDocument.Parse(JsonSamples.SeedStoryJson);

        document.RootElement.TryGetProperty("missingFigures", out _).Should().BeFalse();
        document.RootElement.TryGetProperty("gaps", out _).Should().BeFalse();
        var read = CrimeOutcomesJson.DeserializeDataset(JsonSamples.SeedStoryJson);
        read.MissingFigures.Should().BeEmpty();
        read.Gaps.Should().BeEmpty();
        CrimeOutcomesJson.Serialize(read).Should().Be(JsonSamples.SeedStoryJson, "a version 1 document without them writes back as it was");
    }

    [Fact]
    public void Negative_outcome_counts_of_any_type_read_as_published_corrections()
    {
        var node = JsonNode.Parse(JsonSamples.SeedStoryJson)!;
        node["outcomeCounts"]![1]!["count"] = -5;

        var read = CrimeOutcomesJson.DeserializeDataset(node.ToJsonString());

        // Outcome count 1 is West Mercia's 2015 outcome 15, an assigned outcome.
        read.OutcomeCountFor(new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2015), SeedStory.Scope), CountBasis.Unstated, OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports)
            .Should().Be(-5);
        var aggregate = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate))!;
        aggregate["areaAggregate"]!["outcomeCounts"]![0]!["count"] = -9_322;
        CrimeOutcomesJson.DeserializeAreaAggregate(aggregate.ToJsonString()).CountOf(OutcomeType.ChargedOrSummonsed).Should().Be(-9_322);
    }

    [Fact]
    public void A_ratio_without_counts_writes_null_counts_and_its_missing_figures_and_reads_back_without_counts()
    {
        var ratio = JsonSamples.WestMerciaWithdrawalWithoutCounts;
        var json = CrimeOutcomesJson.Serialize(ratio);
        var read = CrimeOutcomesJson.DeserializeRatio(json);

        ratio.HasCounts.Should().BeFalse();
        JsonAssert.SameRatio(read, ratio);
        read.HasCounts.Should().BeFalse();
        read.Format().Should().Be("no figure: outcome 16 for West Mercia, 2020/21, All crime (recorded basis): not available");
        CrimeOutcomesJson.Serialize(read).Should().Be(json);

        using var document = JsonDocument.Parse(json);
        var body = document.RootElement.GetProperty("ratio");
        body.GetProperty("numerator").ValueKind.Should().Be(JsonValueKind.Null);
        body.GetProperty("denominator").ValueKind.Should().Be(JsonValueKind.Null);
        var missing = body.GetProperty("missingFigures").EnumerateArray().Should().ContainSingle().Subject;
        missing.GetProperty("outcome").GetString().Should().Be("16");
        missing.GetProperty("basis").GetString().Should().Be("recorded");
        missing.GetProperty("absence").GetString().Should().Be("notAvailable");
    }

    [Fact]
    public void A_ratio_counting_missing_outcomes_as_zero_round_trips_its_definition_and_coverage_gaps()
    {
        var ratio = JsonSamples.StaffordshireMissingAsZero;
        var json = CrimeOutcomesJson.Serialize(ratio);
        var read = CrimeOutcomesJson.DeserializeRatio(json);

        JsonAssert.SameRatio(read, ratio);
        read.Definition!.MissingOutcomesCountAsZero.Should().BeTrue();
        read.Definition.Name.Should().Be("victim does not support (outcomes 14 + 16), missing outcomes as zero");
        read.Format().Should().Be("9,876 / 70,456 = 14.0 %");
        read.Coverage.ToString().Should().Be("1 force; lacks 2020/21 Q2");
        CrimeOutcomesJson.Serialize(read).Should().Be(json);
        json.Should().Contain("\"missingOutcomesCountAsZero\": true");
        CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016).Should().NotContain("missingOutcomesCountAsZero", "the default is left out");
    }

    public static TheoryData<string> Coverages => ["force", "listed", "unlisted", "excluding", "gaps", "force with gaps"];

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
            "gaps" => JsonSamples.EnglandAndWalesWithGaps,
            "force with gaps" => JsonSamples.StaffordshireMissingAsZero.Coverage,
            _ => Coverage.OfPublished(JsonSamples.RestOfEnglandAndWales),
        };

        var read = CrimeOutcomesJson.DeserializeCoverage(CrimeOutcomesJson.Serialize(coverage));

        JsonAssert.SameCoverage(read, coverage);
    }

    [Fact]
    public void A_coverage_with_gaps_round_trips_its_text()
    {
        var coverage = JsonSamples.EnglandAndWalesWithGaps;

        var read = CrimeOutcomesJson.DeserializeCoverage(CrimeOutcomesJson.Serialize(coverage));

        coverage.ToString().Should().Be("43 of 43 forces; 8 lack one or more quarters");
        read.ToString().Should().Be(coverage.ToString());
        read.Gaps.Should().Equal(coverage.Gaps);
        read.ForcesWithGaps.Should().HaveCount(8);
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
        { "negative recorded crimes", "$.recordedCrimes[1].count", "cannot be negative (-9223372036854775808)" },
        { "duplicate figure", "$.recordedCrimes[1].count", "already has recorded crimes for West Mercia, 2015, Domestic abuse-related" },
        { "unknown force", "$.recordedCrimes[1].area", "'West Mercya' is neither a declared group id nor a known police force. Nearest known forces: 'West Mercia'" },
        { "unknown area code", "$.recordedCrimes[1].area", "No force has the police force area code E23000099" },
        { "non-force row", "$.recordedCrimes[1].area", "not a police force but a non-force row" },
        { "unknown outcome", "$.outcomeCounts[1].outcome", "'23' is not an outcome code" },
        { "unknown basis", "$.outcomeCounts[1].basis", "'assigned' is not a count basis: expected one of 'closed', 'recorded', 'unstated'" },
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
        { "missing figure that is also a count", "$.missingFigures[0].absence", "already has a count of outcome 15 for West Mercia, 2015, Domestic abuse-related" },
        { "missing recorded crimes that are also a count", "$.missingFigures[0].absence", "already has recorded crimes for West Mercia, 2016" },
        { "missing figure with a count", "$.missingFigures[0].count", "members allowed here are: area, period, scope, basis, outcome, absence" },
        { "unknown absence", "$.missingFigures[0].absence", "'zero' is not a reason for an absent figure: expected one of 'notApplicable', 'notAvailable', 'notInRelease', 'notProvided', 'notReported', 'suppressed'" },
        { "missing recorded crimes with a basis", "$.missingFigures[0].basis", "Missing recorded crimes have no count basis" },
        { "missing outcome without a basis", "$.missingFigures[0]", "A missing count of outcome 14 needs its \"basis\"" },
        { "missing figures null", "$.missingFigures", "null is not allowed here" },
        { "gap of a group", "$.gaps[0].force", "is a group, where a police force is expected" },
        { "gap quarter that is a year", "$.gaps[0].quarter", "'2016/17' is not a financial quarter" },
        { "gap listed twice", "$.gaps[1]", "West Mercia, 2016/17 Q1: not provided is listed more than once" },
        { "gap null", "$.gaps[0]", "null is not allowed here" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_reading_error_is_a_JsonException_that_names_its_path(string error, string path, string fragment)
    {
        var json = Corrupt(error);

        FailsAt(() => CrimeOutcomesJson.DeserializeDataset(json), path, fragment);
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
        var counts = aggregate["areaAggregate"]!["outcomeCounts"]!.AsArray();
        counts.Add(counts[0]!.DeepClone());
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

    public static TheoryData<string, string, string> ResultErrors => new()
    {
        // Case name, JSON path expected, a fragment of the message.
        { "null counts without missing figures", "$.ratio.numerator", "a missing figure is never read as zero" },
        { "one null count", "$.ratio.denominator", "A count may be null only when both are" },
        { "counts left out", "$.ratio", "missing required properties including: 'numerator'" },
        { "counts and missing figures", "$.ratio.missingFigures", "A ratio with counts has no missing figures" },
        { "missing figure listed twice", "$.ratio.missingFigures[1]", "is listed more than once" },
        { "missing figures null", "$.ratio.missingFigures", "null is not allowed here" },
        { "definition flag null", "$.ratio.definition.missingOutcomesCountAsZero", "expected true or false" },
        { "coverage gap of a force that does not contribute", "$.areaAggregate.recordedCrimesCoverage.gaps[0].force", "Warwickshire does not contribute to this coverage of 'West Midlands'" },
        { "coverage gaps null", "$.areaAggregate.outcomeCountsCoverage.gaps", "null is not allowed here" },
        { "missing outcome that is counted", "$.areaAggregate.missingOutcomes[0].outcome", "has a count of outcome 1, so it cannot also be missing" },
        { "missing outcome that is recorded crimes", "$.areaAggregate.missingOutcomes[0]", "needs \"outcome\" and \"basis\"" },
        { "missing outcome of another basis", "$.areaAggregate.missingOutcomes[0].basis", "another basis than the aggregate (recorded basis)" },
        { "missing outcome of another force", "$.areaAggregate.missingOutcomes[0]", "the aggregate's are for the forces of West Midlands, 2020/21, All crime" },
        { "missing outcome of the area in a sum over forces", "$.areaAggregate.missingOutcomes[0]", "the aggregate's are for the forces of" },
        { "missing outcome of another period", "$.areaAggregate.missingOutcomes[0]", "the aggregate's are for the forces of" },
    };

    [Theory]
    [MemberData(nameof(ResultErrors))]
    public void Result_readers_refuse_missing_figures_that_do_not_add_up(string error, string path, string fragment)
    {
        var withCounts = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawal2016))!;
        var withoutCounts = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMerciaWithdrawalWithoutCounts))!;
        var aggregate = JsonNode.Parse(CrimeOutcomesJson.Serialize(JsonSamples.WestMidlandsAggregate))!;
        var missingOutcome = aggregate["areaAggregate"]!["missingOutcomes"]![0]!.AsObject();
        JsonNode document = error.StartsWith("missing outcome", StringComparison.Ordinal) || error.StartsWith("coverage", StringComparison.Ordinal)
            ? aggregate
            : error is "one null count" or "missing figure listed twice" ? withoutCounts : withCounts;
        var ratio = document["ratio"];
        switch (error)
        {
            case "null counts without missing figures": ratio!["numerator"] = null; ratio["denominator"] = null; break;
            case "one null count": ratio!["numerator"] = 5; break;
            case "counts left out": ratio!.AsObject().Remove("numerator"); break;
            case "counts and missing figures": ratio!["missingFigures"] = withoutCounts["ratio"]!["missingFigures"]!.DeepClone(); break;
            case "missing figure listed twice": ratio!["missingFigures"]!.AsArray().Add(ratio["missingFigures"]![0]!.DeepClone()); break;
            case "missing figures null": ratio!["missingFigures"] = null; break;
            case "definition flag null": ratio!["definition"]!["missingOutcomesCountAsZero"] = null; break;
            case "coverage gap of a force that does not contribute": aggregate["areaAggregate"]!["recordedCrimesCoverage"]!["gaps"]![0]!["force"] = "Warwickshire"; break;
            case "coverage gaps null": aggregate["areaAggregate"]!["outcomeCountsCoverage"]!["gaps"] = null; break;
            case "missing outcome that is counted": missingOutcome["outcome"] = "1"; break;
            case "missing outcome that is recorded crimes": missingOutcome.Remove("outcome"); missingOutcome.Remove("basis"); break;
            case "missing outcome of another basis": missingOutcome["basis"] = "assignedInPeriod"; break;
            case "missing outcome of another force": missingOutcome["area"] = "Metropolitan Police"; break;
            case "missing outcome of the area in a sum over forces": missingOutcome["area"] = aggregate["areaAggregate"]!["area"]!.GetValue<string>(); break;
            case "missing outcome of another period": missingOutcome["period"]!["value"] = "2019/20"; break;
            default: throw new ArgumentOutOfRangeException(nameof(error), error, null);
        }

        var json = document.ToJsonString();
        FailsAt(document == aggregate ? () => CrimeOutcomesJson.DeserializeAreaAggregate(json) : () => CrimeOutcomesJson.DeserializeRatio(json), path, fragment);
    }

    /// <summary>The read throws a <see cref="JsonException"/> at <paramref name="path"/>, its message starting with the path and containing <paramref name="fragment"/>.</summary>
    private static void FailsAt(Action read, string path, string fragment)
    {
        var thrown = read.Should().Throw<JsonException>().Which;
        thrown.Path.Should().Be(path);
        thrown.Message.Should().StartWith(path + ": ").And.Contain(fragment);
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
            case "negative recorded crimes": figure["count"] = long.MinValue; break;
            case "duplicate figure": root["recordedCrimes"]![1] = root["recordedCrimes"]![0]!.DeepClone(); break;
            case "unknown force": figure["area"] = "West Mercya"; break;
            case "unknown area code": figure["area"] = "E23000099"; break;
            case "non-force row": figure["area"] = "Action Fraud"; break;
            case "unknown outcome": outcome["outcome"] = "23"; break;
            case "unknown basis": outcome["basis"] = "assigned"; break;
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
            case "missing figure that is also a count": root["missingFigures"] = new JsonArray(Missing(outcome)); break;
            case "missing recorded crimes that are also a count": root["missingFigures"] = new JsonArray(Missing(figure)); break;
            case "missing figure with a count": root["missingFigures"] = new JsonArray(Missing(outcome, "14")); root["missingFigures"]![0]!["count"] = 0; break;
            case "unknown absence": root["missingFigures"] = new JsonArray(Missing(outcome, "14")); root["missingFigures"]![0]!["absence"] = "zero"; break;
            case "missing recorded crimes with a basis": root["missingFigures"] = new JsonArray(Missing(figure)); root["missingFigures"]![0]!["basis"] = "unstated"; break;
            case "missing outcome without a basis": root["missingFigures"] = new JsonArray(Missing(outcome, "14")); root["missingFigures"]![0]!.AsObject().Remove("basis"); break;
            case "missing figures null": root["missingFigures"] = null; break;
            case "gap of a group": root["gaps"] = new JsonArray(Gap(groups[0]!["id"]!.GetValue<string>(), "2016/17 Q1")); break;
            case "gap quarter that is a year": root["gaps"] = new JsonArray(Gap("E23000016", "2016/17")); break;
            case "gap listed twice": root["gaps"] = new JsonArray(Gap("E23000016", "2016/17 Q1"), Gap("West Mercia", "2016/17 Q1")); break;
            case "gap null": root["gaps"] = new JsonArray((JsonNode?)null); break;
            default: throw new ArgumentOutOfRangeException(nameof(error), error, null);
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A missing-figure object for the key of <paramref name="figure"/>: its basis and outcome (or <paramref name="outcome"/>) kept, its count left out.</summary>
    private static JsonObject Missing(JsonObject figure, string? outcome = null)
    {
        var missing = (JsonObject)figure.DeepClone();
        missing.Remove("count");
        if (outcome is not null)
        {
            missing["outcome"] = outcome;
        }

        missing["absence"] = "notAvailable";
        return missing;
    }

    private static JsonObject Gap(string force, string quarter) => new() { ["force"] = force, ["quarter"] = quarter, ["absence"] = "notProvided" };

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
