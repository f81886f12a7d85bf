using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

public class ProportionRankingTests
{
    private static readonly PoliceForce[] Forces = [.. ForceRegistry.Default.EnglandAndWales.Forces.Take(7)];

    private static Ratio Unit(int force, long x, long n)
        => new(x, n, "outcome 16", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(Forces[force]))
        { Key = new FigureKey(Forces[force], CalendarYear.Of(2016), SeedStory.Scope) };

    // Wilson 95 % intervals (formula, checked by hand): 1/1: 20.7–100 %; 90/100: 82.6–94.5 %; 50/100: 40.4–59.6 %;
    // 30/60: 37.7–62.3 %; 40/100: 30.9–50.3 %; 5/100: 2.2–11.2 %.
    private static Ratio[] Sample() =>
    [
        Unit(0, 50, 100), Unit(1, 30, 60), Unit(2, 40, 100), Unit(3, 1, 1), Unit(4, 90, 100), Unit(5, 5, 100), Unit(6, 0, 0),
    ];

    [Fact]
    public void Highest_first_with_shared_ranks_for_exact_ties()
    {
        var ranking = ProportionRanking.Rank(Sample());

        ranking.Entries.Select(e => e.Ratio.Numerator).Should().Equal(1, 90, 50, 30, 40, 5);
        ranking.Entries.Select(e => e.Rank).Should().Equal(1, 2, 3, 3, 5, 6);
        ranking.Entries.Select(e => e.IsTied).Should().Equal(false, false, true, true, false, false);
        ranking.Unranked.Should().ContainSingle().Which.Denominator.Should().Be(0);
    }

    [Fact]
    public void Plausible_ranks_follow_the_overlap_of_intervals()
    {
        var ranking = ProportionRanking.Rank(Sample());
        var byNumerator = ranking.Entries.ToDictionary(e => e.Ratio.Numerator);

        // 1/1: nothing lies wholly above 20.7 %; only 5/100 (upper 11.2 %) wholly below: ranks 1–5.
        (byNumerator[1].BestPlausibleRank, byNumerator[1].WorstPlausibleRank).Should().Be((1, 5));
        // 90/100: nothing wholly above 94.5 %; 50, 30, 40 and 5 wholly below 82.6 %: ranks 1–2.
        (byNumerator[90].BestPlausibleRank, byNumerator[90].WorstPlausibleRank).Should().Be((1, 2));
        // 50/100: 90/100 wholly above 59.6 %; 5/100 wholly below 40.4 %: ranks 2–5.
        (byNumerator[50].BestPlausibleRank, byNumerator[50].WorstPlausibleRank).Should().Be((2, 5));
        // 5/100: everything else lies wholly above 11.2 %: rank 6 for certain.
        (byNumerator[5].BestPlausibleRank, byNumerator[5].WorstPlausibleRank).Should().Be((6, 6));
        byNumerator[50].ToString().Should().StartWith($"3= {Forces[0].Name} 50.0 % (95 % CI 40.4 % to 59.6 % (Wilson)), plausible ranks 2\u20135");
    }

    [Fact]
    public void Lowest_first_reverses_ranks_and_plausible_ranks()
    {
        var ranking = ProportionRanking.Rank(Sample(), RankOrder.LowestFirst);

        ranking.Entries.Select(e => e.Ratio.Numerator).Should().Equal(5, 40, 50, 30, 90, 1);
        ranking.Entries.Select(e => e.Rank).Should().Equal(1, 2, 3, 3, 5, 6);
        var first = ranking.Entries[0];
        (first.BestPlausibleRank, first.WorstPlausibleRank).Should().Be((1, 1));
        var last = ranking.Entries[^1];
        (last.BestPlausibleRank, last.WorstPlausibleRank).Should().Be((2, 6));
    }

    [Fact]
    public void Mixed_measures_are_rejected()
    {
        var other = new Ratio(1, 2, "outcome 15", "recorded crimes", CountBasis.Recorded, Coverage.OfForce(Forces[1]));
        FluentActions.Invoking(() => ProportionRanking.Rank([Unit(0, 1, 2), other])).Should().Throw<ArgumentException>().WithMessage("*outcome 15*");
    }
}
