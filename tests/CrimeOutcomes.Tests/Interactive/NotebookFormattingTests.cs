using CrimeOutcomes.Interactive;
using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Interactive;

public class NotebookFormattingTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();

    [Fact]
    public void The_extension_formats_every_type_a_notebook_user_looks_at()
    {
        NotebookFormatting.FormattedTypes.Should().Contain(
        [
            typeof(IHtmlRenderable), typeof(Ratio), typeof(RatioChange), typeof(Coverage), typeof(AreaAggregate),
            typeof(OutcomeDataset), typeof(IEnumerable<Ratio>), typeof(IEnumerable<RatioChange>),
            typeof(ConfidenceInterval), typeof(RatioWithInterval), typeof(ProportionComparison), typeof(FunnelPlot),
            typeof(ProportionRanking), typeof(ClaimVerdict), typeof(IEnumerable<RatioWithInterval>),
            typeof(IEnumerable<ProportionComparison>), typeof(IEnumerable<ClaimVerdict>),
        ]);
    }

    [Fact]
    public void Dispatch_picks_the_rendering_of_the_value_whatever_its_static_type()
    {
        var ratio = Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope);
        var chart = new RatioByForceChart([ratio]);

        NotebookFormatting.ToHtml(ratio).Should().Be(ratio.ToHtml());
        NotebookFormatting.ToHtml(new List<Ratio> { ratio }).Should().Be(new[] { ratio }.ToHtml());
        NotebookFormatting.ToHtml(chart).Should().Be(chart.ToHtml());
        NotebookFormatting.ToPlainText(SeedStory.Dataset).Should().Be(SeedStory.Dataset.ToPlainText());
        NotebookFormatting.CanFormat(SeedStory.Dataset).Should().BeTrue();
    }

    [Fact]
    public void A_value_without_a_rendering_is_refused_by_name()
    {
        NotebookFormatting.CanFormat("text").Should().BeFalse();
        NotebookFormatting.CanFormat(null).Should().BeFalse();
        var act = () => NotebookFormatting.ToHtml(42);

        act.Should().Throw<ArgumentException>().WithMessage("*System.Int32*");
    }
}
