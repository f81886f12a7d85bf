using CrimeOutcomes.Statistics;

namespace CrimeOutcomes.Tests.Statistics;

public class ClaimCheckTests
{
    private static readonly OutcomeRatioCalculator Calculator = new();

    private static Ratio Seed(Area area, int year)
        => Calculator.Calculate(SeedStory.Dataset, RatioDefinition.Withdrawal, area, CalendarYear.Of(year), SeedStory.Scope);

    private static Ratio Proportion(long x, long n)
        => new(x, n, "outcome 16", "recorded crimes", CountBasis.Unstated, Coverage.OfForce(SeedStory.WestMercia));

    [Fact]
    public void Seed_claim_a_third_does_not_fit_37_5_percent()
    {
        // 164,510 / 438,349 = 37.5294… %; a third = 33.3333… %; difference +4.1961 pp. Bare "a third" allows
        // ±max(1, 5 % of 33.3) = ±1.67 pp, i.e. 31.7–35.0 %: 37.5 % is outside; "more than a third" fits.
        var verdict = ClaimCheck.Check(SeedStory.Claims[0], Seed(SeedStory.RespondingForces, 2016));

        verdict.Fits.Should().BeFalse();
        verdict.Claim.Phrase.Should().Be("a third");
        verdict.Difference!.Value.Should().BeApproximately((164_510m * 100m / 438_349m) - (100m / 3m), 1e-20m);
        verdict.Explanation.Should().Be("Does not fit 'a third': 164,510 / 438,349 = 37.5 % is 4.2 pp above a third (33.3 %).");
        verdict.Rule.Should().Contain("31.7 % to 35.0 %");
        verdict.Alternatives.Should().Equal("more than a third", "38 per cent");
    }

    [Fact]
    public void Seed_claim_just_under_50_does_not_fit_2016_but_fits_2015()
    {
        // 2016: 5,523 / 10,829 = 51.0018 %: above 50, so not "just under" whatever the tolerance.
        var in2016 = ClaimCheck.Check(SeedStory.Claims[1], Seed(SeedStory.WestMercia, 2016));
        in2016.Fits.Should().BeFalse();
        in2016.Claim.Qualifier.Should().Be(ClaimQualifier.JustUnder);
        in2016.Explanation.Should().Be("Does not fit 'just under 50 per cent': 5,523 / 10,829 = 51.0 % is 1.0 pp above 50 per cent.");
        in2016.Alternatives.Should().Contain("just over 50 per cent");

        // 2015: 4,519 / 9,773 = 46.2397 %: 3.76 pp under 50, inside "just under" = [45, 50).
        var in2015 = ClaimCheck.Check(SeedStory.Claims[1], Seed(SeedStory.WestMercia, 2015));
        in2015.Fits.Should().BeTrue();
        in2015.Difference!.Value.Should().BeApproximately((4_519m * 100m / 9_773m) - 50m, 1e-20m);
        in2015.Rule.Should().Contain("45.0 % up to (not including) 50.0 %");
        in2015.Alternatives.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Overall a third of cases", ClaimQualifier.None, 1, 3, true)]
    [InlineData("just under 50 per cent", ClaimQualifier.JustUnder, 50, 100, false)]
    [InlineData("nearly half of them", ClaimQualifier.Nearly, 1, 2, true)]
    [InlineData("one in seven", ClaimQualifier.None, 1, 7, true)]
    [InlineData("almost two thirds", ClaimQualifier.Nearly, 2, 3, true)]
    [InlineData("three quarters", ClaimQualifier.None, 3, 4, true)]
    [InlineData("37.5%", ClaimQualifier.None, 375, 1000, false)]
    [InlineData("about 38 percent", ClaimQualifier.About, 38, 100, false)]
    [InlineData("forty-five per cent", ClaimQualifier.None, 45, 100, false)]
    [InlineData("3 out of 10", ClaimQualifier.None, 3, 10, true)]
    [InlineData("more than a quarter", ClaimQualifier.MoreThan, 1, 4, true)]
    [InlineData("at least one in five", ClaimQualifier.AtLeast, 1, 5, true)]
    public void Proportion_claims_are_read_with_their_hedge(string text, ClaimQualifier qualifier, long numerator, long denominator, bool fractionWord)
    {
        var claim = WordedClaim.Parse(text);

        claim.Kind.Should().Be(ClaimKind.Proportion);
        claim.Qualifier.Should().Be(qualifier);
        claim.Percent!.Value.Should().BeApproximately(numerator * 100m / denominator, 1e-20m);
        claim.IsFractionWord.Should().Be(fractionWord);
    }

    [Theory]
    [InlineData("Withdrawals rose year on year", ClaimKind.Direction, ChangeDirection.Up)]
    [InlineData("closures fell", ClaimKind.Direction, ChangeDirection.Down)]
    [InlineData("it went up", ClaimKind.Direction, ChangeDirection.Up)]
    [InlineData("more than doubled", ClaimKind.Multiple, ChangeDirection.Up)]
    [InlineData("nearly halved", ClaimKind.Multiple, ChangeDirection.Down)]
    [InlineData("fell by a third", ClaimKind.ChangeBy, ChangeDirection.Down)]
    [InlineData("rose by 4 percentage points", ClaimKind.ChangeBy, ChangeDirection.Up)]
    public void Change_claims_are_read(string text, ClaimKind kind, ChangeDirection direction)
    {
        var claim = WordedClaim.Parse(text);
        claim.Kind.Should().Be(kind);
        claim.Direction.Should().Be(direction);
    }

    [Fact]
    public void Claims_without_a_known_quantity_are_rejected_with_the_text_quoted()
    {
        FluentActions.Invoking(() => WordedClaim.Parse("the figure is large")).Should().Throw<FormatException>().WithMessage("'the figure is large'*");
        WordedClaim.TryParse("", out _).Should().BeFalse();
        WordedClaim.TryParse("many", out _).Should().BeFalse();
    }

    [Theory]
    // Bare fraction word, ±max(1, 5 % of m): a third allows 31.67–35.00 %; one in seven (m = 14.3) ±1 pp;
    // nine in ten (m = 10) ±1 pp.
    [InlineData("a third", 7, 20, true)] // 35.0 %: on the edge, inclusive
    [InlineData("a third", 701, 2000, false)] // 35.05 %
    [InlineData("a third", 317, 1000, true)] // 31.7 %
    [InlineData("one in seven", 152, 1000, true)] // 15.2 % (14.29 + 1 = 15.29)
    [InlineData("one in seven", 153, 1000, false)]
    [InlineData("nine in ten", 89, 100, true)]
    [InlineData("nine in ten", 889, 1000, false)]
    // Bare number: rounds to it. 49.5 rounds to 50 (half away from zero); 50.5 does not.
    [InlineData("50 per cent", 99, 200, true)]
    [InlineData("50 per cent", 101, 200, false)]
    [InlineData("37.5 %", 3745, 10000, true)]
    [InlineData("37.5 %", 3755, 10000, false)]
    // "about": ±max(2, 10 % of m): about a third 30.0–36.7 %.
    [InlineData("about a third", 366, 1000, true)]
    [InlineData("about a third", 368, 1000, false)]
    [InlineData("about a third", 30, 100, true)]
    // "nearly" / "just under": [t − wide, t); "just over": (t, t + wide].
    [InlineData("nearly half", 45, 100, true)]
    [InlineData("nearly half", 449, 1000, false)]
    [InlineData("nearly half", 1, 2, false)]
    [InlineData("just over 50 per cent", 51, 100, true)]
    [InlineData("just over 50 per cent", 1, 2, false)]
    [InlineData("just over 50 per cent", 56, 100, false)]
    // Strict and inclusive comparisons on exact fractions.
    [InlineData("more than a third", 1, 3, false)]
    [InlineData("more than a third", 334, 1000, true)]
    [InlineData("at least a third", 1, 3, true)]
    [InlineData("less than a quarter", 1, 4, false)]
    [InlineData("at most a quarter", 1, 4, true)]
    [InlineData("exactly a third", 2, 6, true)]
    [InlineData("exactly a third", 333, 1000, false)]
    public void Tolerance_rules_hold_at_their_edges(string claim, long x, long n, bool fits)
        => ClaimCheck.Check(claim, Proportion(x, n)).Fits.Should().Be(fits);

    [Fact]
    public void Ratio_change_direction_with_a_significance_note()
    {
        var change = Calculator.YearOnYear(SeedStory.Dataset, RatioDefinition.Withdrawal, new FigureKey(SeedStory.WestMercia, CalendarYear.Of(2016), SeedStory.Scope));

        var rose = ClaimCheck.Check("Withdrawals rose year on year", change);
        rose.Fits.Should().BeTrue();
        rose.Note.Should().Be("Statistically, the change is significant at 95 %: 95 % CI +3.4 to +6.1 pp (Newcombe hybrid score), p < 0.0001.");

        var fell = ClaimCheck.Check("fell", change);
        fell.Fits.Should().BeFalse();
        fell.Alternatives.Should().Equal("rose");

        // +4.76 pp rounds to 5: "rose by 5 percentage points" fits; "rose by 4 percentage points" does not.
        ClaimCheck.Check("rose by 5 percentage points", change).Fits.Should().BeTrue();
        ClaimCheck.Check("rose by 4 percentage points", change).Fits.Should().BeFalse();
        // Relative change 51.0018 / 46.2397 − 1 = +10.30 %: "rose by a tenth" (10 ± max(1, 0.5)) fits.
        ClaimCheck.Check("rose by a tenth", change).Fits.Should().BeTrue();
    }

    [Theory]
    // Seed: recorded crimes 393,551 → 438,349 (+11.38 %); outcome 16 nationally 117,196 → 164,510 (+40.37 %).
    [InlineData("recorded crimes rose", 393_551, 438_349, true)]
    [InlineData("rose by 11 per cent", 393_551, 438_349, true)]
    [InlineData("rose by 10 per cent", 393_551, 438_349, false)]
    [InlineData("fell by 11 per cent", 393_551, 438_349, false)]
    [InlineData("more than doubled", 117_196, 164_510, false)]
    [InlineData("rose by about 40 per cent", 117_196, 164_510, true)]
    // Multiples: bare ±5 % of the factor, "nearly" [0.9k, k), "more than" > k; halving on the inverse factor.
    [InlineData("doubled", 100, 205, true)]
    [InlineData("doubled", 100, 211, false)]
    [InlineData("more than doubled", 100, 201, true)]
    [InlineData("nearly doubled", 100, 185, true)]
    [InlineData("nearly doubled", 100, 179, false)]
    [InlineData("halved", 100, 50, true)]
    [InlineData("more than halved", 100, 40, true)]
    [InlineData("more than halved", 100, 60, false)]
    [InlineData("nearly halved", 100, 52, true)]
    [InlineData("more than halved", 100, 0, true)]
    [InlineData("doubled", 0, 5, false)]
    [InlineData("unchanged", 7, 7, true)]
    public void Count_change_claims(string claim, long from, long to, bool fits)
        => ClaimCheck.Check(claim, new CountChange(from, to)).Fits.Should().Be(fits);

    [Fact]
    public void Claims_are_checked_against_the_right_kind_of_figure()
    {
        FluentActions.Invoking(() => ClaimCheck.Check("rose", Proportion(1, 2))).Should().Throw<ArgumentException>().WithMessage("*change*");
        FluentActions.Invoking(() => ClaimCheck.Check("a third", new CountChange(1, 2))).Should().Throw<ArgumentException>().WithMessage("*proportion*");
        FluentActions.Invoking(() => ClaimCheck.Check("rose by 2 percentage points", new CountChange(1, 2))).Should().Throw<ArgumentException>().WithMessage("*percentage points*");
        FluentActions.Invoking(() => ClaimCheck.Check("a third", Proportion(0, 0))).Should().Throw<InvalidOperationException>();
    }
}
