namespace CrimeOutcomes.Tests.Framework;

public class OutcomeNameTests
{
    [Fact]
    public void The_evidential_difficulty_outcomes_follow_one_pattern()
    {
        OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport.Code.Should().Be("14");
        OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports.Code.Should().Be("15");
        OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport.Code.Should().Be("16");
    }

#pragma warning disable CS0618 // the former names must still compile and be the same types
    [Fact]
    public void The_former_names_still_compile_and_are_the_same_types()
    {
        OutcomeType.VictimDoesNotSupportNoSuspect.Should().BeSameAs(OutcomeType.EvidentialDifficultiesNoSuspectVictimDoesNotSupport);
        OutcomeType.EvidentialDifficultiesVictimSupports.Should().BeSameAs(OutcomeType.EvidentialDifficultiesNamedSuspectVictimSupports);
        OutcomeType.VictimWithdrawsSupportNamedSuspect.Should().BeSameAs(OutcomeType.EvidentialDifficultiesNamedSuspectVictimDoesNotSupport);
    }
#pragma warning restore CS0618

    [Theory]
    [InlineData("1", nameof(RatioDefinition.ChargeOrSummons))]
    [InlineData("14", nameof(RatioDefinition.NoSuspectVictimDoesNotSupport))]
    [InlineData("15", nameof(RatioDefinition.EvidentialDifficulties))]
    [InlineData("16", nameof(RatioDefinition.Withdrawal))]
    [InlineData("18", nameof(RatioDefinition.NoSuspectIdentified))]
    public void Each_outcome_quoted_alone_has_a_ratio_definition(string code, string name)
    {
        var definition = (RatioDefinition)typeof(RatioDefinition).GetProperty(name)!.GetValue(null)!;

        definition.Numerator.Should().Equal(OutcomeType.Parse(code));
        definition.Denominator.Should().Be(RatioDenominator.RecordedCrimes);
        definition.Name.Should().EndWith($"(outcome {code})");
    }
}
