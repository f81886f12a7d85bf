namespace CrimeOutcomes.Tests.Framework;

public class OutcomeCatalogueTests
{
    private static readonly OutcomeCatalogue Catalogue = OutcomeCatalogue.Default;

    public static TheoryData<string, string, string, string> ReferenceRows()
    {
        // code | meaning | group text | group confirmed | introduced — straight from shared/reference/outcome-types.md
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in ReferenceFiles.MarkdownTable("outcome-types.md", "code"))
        {
            data.Add(row[0], row[2], row[3], row[4]);
        }

        return data;
    }

    [Fact]
    public void Holds_every_code_of_the_reference_table_and_nothing_else()
    {
        var referenceCodes = ReferenceFiles.MarkdownTable("outcome-types.md", "code").Select(r => r[0]).ToArray();
        referenceCodes.Should().HaveCount(26);
        Catalogue.All.Select(o => o.Code).Should().BeEquivalentTo(referenceCodes);
        Catalogue.All.Select(o => o.Code).Should().StartWith(["0", "1", "1A", "2", "2A", "3", "3A", "4"]);
    }

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void Each_code_has_the_reference_group_text_and_dates(string code, string groupText, string confirmed, string introduced)
    {
        var outcome = Catalogue.Get(code);

        if (groupText.StartsWith("(subset of", StringComparison.Ordinal))
        {
            outcome.IsSubset.Should().BeTrue();
            outcome.SubsetOf!.Code.Should().Be(code[..^1]);
            outcome.Group.Should().Be(outcome.SubsetOf.Group);
        }
        else if (code == "19")
        {
            outcome.Group.IsOpenDataText.Should().BeFalse("outcome 19 is reported separately with fraud");
        }
        else
        {
            outcome.Group.Name.Should().Be(groupText, "the group text must be exactly the open data's");
            outcome.IsGroupConfirmed.Should().Be(confirmed.StartsWith("yes", StringComparison.Ordinal));
        }

        var expectedStart = introduced switch
        {
            "–" => (DateOnly?)null,
            "Jan 2016" => new DateOnly(2016, 1, 1),
            "Apr 2019" => new DateOnly(2019, 4, 1),
            var s when s.StartsWith("2015", StringComparison.Ordinal) => new DateOnly(2015, 4, 1),
            _ => new DateOnly(2014, 4, 1),
        };
        outcome.Introduced.Should().Be(expectedStart);
        outcome.IsIntroductionConfirmed.Should().Be(!introduced.Contains("to verify", StringComparison.Ordinal) || introduced == "–");
        outcome.Withdrawn.Should().Be(code == "19" ? new DateOnly(2025, 12, 1) : null);
    }

    [Fact]
    public void En_dashes_and_the_full_stop_of_outcome_22_are_kept_exactly()
    {
        OutcomeGroup.NoSuspectIdentified.Name.Should().Contain("\u2013");
        OutcomeGroup.FurtherInvestigationNotInPublicInterest.Name.Should().Contain("\u2013");
        OutcomeGroup.DiversionaryActivity.Name.Should().EndWith("further action.");
        OutcomeGroup.NoSuspectIdentified.Matches("INVESTIGATION COMPLETE - NO SUSPECT IDENTIFIED ").Should().BeTrue();
    }

    [Theory]
    [InlineData("16", "16")]
    [InlineData("Outcome 16", "16")]
    [InlineData("OC16", "16")]
    [InlineData("oc 16", "16")]
    [InlineData("1a", "1A")]
    [InlineData(" 1A ", "1A")]
    [InlineData("Outcome type 22", "22")]
    [InlineData("0", "0")]
    [InlineData("15.0", "15")]
    [InlineData("Charged/Summonsed", "1")]
    [InlineData("Taken into consideration", "4")]
    [InlineData("Investigation complete - no suspect identified", "18")]
    [InlineData("Evidential difficulties (suspect identified; victim supports action)", "15")]
    [InlineData("Community resolution", "8")]
    [InlineData("Not yet assigned an outcome", "0")]
    public void Parses_codes_and_open_data_texts(string text, string expected)
        => Catalogue.Parse(text).Code.Should().Be(expected);

    [Theory]
    [InlineData("23")]
    [InlineData("16B")]
    [InlineData("outcome")]
    [InlineData("")]
    public void An_unknown_code_fails_with_a_message_that_quotes_it(string text)
    {
        var act = () => Catalogue.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not an outcome type*Known codes: 0, 1, 1A*");
        Catalogue.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void A_group_that_holds_several_outcomes_is_ambiguous_not_guessed()
    {
        var act = () => Catalogue.Parse("Evidential difficulties (victim does not support action)");
        act.Should().Throw<FormatException>().WithMessage("*holds several outcome types (14, 16)*");
    }

    [Fact]
    public void Validity_follows_introduction_and_withdrawal_dates()
    {
        OutcomeType.DiversionaryActivity.IsValidIn(FinancialYear.StartingIn(2018)).Should().BeFalse();
        OutcomeType.DiversionaryActivity.IsValidIn(FinancialYear.StartingIn(2019)).Should().BeTrue();
        OutcomeType.FurtherInvestigationNotInPublicInterest.IsValidIn(CalendarYear.Of(2015)).Should().BeFalse();
        OutcomeType.FurtherInvestigationNotInPublicInterest.IsValidIn(FinancialYear.StartingIn(2015)).Should().BeTrue("January 2016 falls in 2015/16");
        OutcomeType.NationalFraudIntelligenceBureauFiled.IsValidIn(FinancialQuarter.Parse("2025/26 Q3")).Should().BeTrue("withdrawn from 1 December 2025, so October and November count");
        OutcomeType.NationalFraudIntelligenceBureauFiled.IsValidIn(FinancialQuarter.Parse("2025/26 Q4")).Should().BeFalse();
        OutcomeType.NotYetAssigned.IsValidIn(CalendarYear.Of(2001)).Should().BeTrue();
        Catalogue.ValidIn(FinancialYear.StartingIn(2014)).Select(o => o.Code).Should().NotContain(["20", "21", "22"]);
    }

    [Fact]
    public void A_revised_catalogue_can_carry_a_withdrawal_date()
    {
        var reformed = new OutcomeType("3", OutcomeType.AdultCaution.Meaning, OutcomeGroup.OutOfCourtFormal, OutcomeType.FrameworkStart, withdrawn: new DateOnly(2026, 4, 1));
        var catalogue = Catalogue.With(reformed);

        catalogue.Get("3").IsValidIn(FinancialYear.StartingIn(2026)).Should().BeFalse();
        Catalogue.Get("3").IsValidIn(FinancialYear.StartingIn(2026)).Should().BeTrue("the default catalogue is immutable");
        catalogue.All.Should().HaveCount(Catalogue.All.Count);
    }

    [Fact]
    public void Assigned_outcomes_exclude_zero_and_the_subsets()
    {
        var codes = Catalogue.AssignedOutcomes.Select(o => o.Code).ToArray();
        codes.Should().HaveCount(22).And.NotContain(["0", "1A", "2A", "3A"]);
        Catalogue.InGroup(OutcomeGroup.EvidentialDifficultiesVictimDoesNotSupport).Select(o => o.Code).Should().Equal("14", "16");
    }

    [Fact]
    public void Suspect_identification_follows_the_framework_texts()
    {
        Catalogue.All.Where(o => o.SuspectIdentified == false).Select(o => o.Code).Should().Equal("14", "18");
        Catalogue.All.Where(o => o.SuspectIdentified is null).Select(o => o.Code).Should().Equal("0", "19", "20");
    }

    [Fact]
    public void Duplicate_codes_are_rejected()
    {
        var act = () => new OutcomeCatalogue([OutcomeType.ChargedOrSummonsed, OutcomeType.ChargedOrSummonsed]);
        act.Should().Throw<ArgumentException>().WithMessage("*'1' appears more than once*");
    }
}
