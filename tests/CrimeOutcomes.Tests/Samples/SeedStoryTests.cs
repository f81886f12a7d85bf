using CrimeOutcomes;

namespace CrimeOutcomes.Tests.Samples;

public class SeedStoryTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();

    [Theory]
    // Hand-checked: 5,523 / 10,829 = 0.51001...; 164,510 / 438,349 = 0.37529...
    [InlineData("West Mercia", 2016, 5_523, 10_829, "51.0 %")]
    [InlineData("West Mercia", 2015, 4_519, 9_773, "46.2 %")]
    [InlineData("36 responding forces", 2016, 164_510, 438_349, "37.5 %")]
    [InlineData("36 responding forces", 2015, 117_196, 393_551, "29.8 %")]
    public void Withdrawal_ratio_matches_the_printed_figures(string areaName, int year, long numerator, long denominator, string percent)
    {
        Area area = areaName == "West Mercia" ? SeedStory.WestMercia : SeedStory.RespondingForces;
        var ratio = Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, area, CalendarYear.Of(year), SeedStory.Scope);

        ratio.Numerator.Should().Be(numerator);
        ratio.Denominator.Should().Be(denominator);
        ratio.FormatPercent().Should().Be(percent);
        ratio.Basis.Should().Be(CountBasis.Unstated);
    }
}
