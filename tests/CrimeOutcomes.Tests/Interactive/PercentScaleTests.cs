using CrimeOutcomes.Interactive;

namespace CrimeOutcomes.Tests.Interactive;

public class PercentScaleTests
{
    [Theory]
    // Largest 51 %: steps of 10 give 6 ticks up to 60 %.
    [InlineData(0.51, 10, 60)]
    // Largest 4.2 %: steps of 1 give 5 ticks up to 5 %.
    [InlineData(0.042, 1, 5)]
    // Above 100 % (possible on the assigned-in-period basis): six steps of 20 reach 120 %.
    [InlineData(1.2, 20, 120)]
    // 121 %: six steps of 20 fall short, so steps of 25 up to 125 %.
    [InlineData(1.21, 25, 125)]
    // Nothing to show: a scale to 1 %.
    [InlineData(0, 1, 1)]
    public void The_scale_ends_on_a_round_tick_at_or_above_the_largest_value(double largest, double step, double max)
    {
        var scale = new PercentScale(largest, 300);

        scale.Step.Should().Be(step);
        scale.MaxPercent.Should().Be(max);
        scale.Ticks().Should().HaveCount((int)(max / step) + 1);
    }

    [Fact]
    public void Positions_are_proportional_and_clamped()
    {
        var scale = new PercentScale(0.51, 300);

        scale.Position(0.30).Should().BeApproximately(150, 1e-9);   // 30 % of a 60 % scale is half of 300 px
        scale.Position(0.60).Should().BeApproximately(300, 1e-9);
        scale.Position(-0.1).Should().Be(0);
        scale.Position(2).Should().Be(300);
    }
}
