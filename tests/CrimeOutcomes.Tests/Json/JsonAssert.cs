namespace CrimeOutcomes.Tests.Json;

/// <summary>Structural comparisons of what the domain types compare by identity only (areas by kind and name).</summary>
internal static class JsonAssert
{
    public static void SameFigures(OutcomeDataset actual, OutcomeDataset expected)
    {
        actual.RecordedCrimes.Should().Equal(expected.RecordedCrimes);
        actual.OutcomeCounts.Should().Equal(expected.OutcomeCounts);
        actual.MissingFigures.Should().Equal(expected.MissingFigures);
        actual.Gaps.Should().Equal(expected.Gaps);
        foreach (var (read, written) in actual.Keys.Zip(expected.Keys))
        {
            SameArea(read.Area, written.Area);
        }
    }

    public static void SameArea(Area? actual, Area? expected)
    {
        if (expected is null)
        {
            actual.Should().BeNull();
            return;
        }

        actual.Should().NotBeNull().And.Be(expected);
        actual!.Kind.Should().Be(expected.Kind);
        actual.IsMembershipListed.Should().Be(expected.IsMembershipListed);
        actual.ForceCount.Should().Be(expected.ForceCount);
        actual.Forces.Should().Equal(expected.Forces);
        if (expected is ForceGroup group)
        {
            SameArea(((ForceGroup)actual).Within, group.Within);
        }
    }

    public static void SameCoverage(Coverage actual, Coverage expected)
    {
        SameArea(actual.Area, expected.Area);
        actual.ForcesCovered.Should().Be(expected.ForcesCovered);
        actual.ForcesInArea.Should().Be(expected.ForcesInArea);
        actual.IsListed.Should().Be(expected.IsListed);
        actual.Contributing.Should().Equal(expected.Contributing);
        actual.Missing.Should().Equal(expected.Missing);
        actual.Gaps.Should().Equal(expected.Gaps);
        actual.ToString().Should().Be(expected.ToString());
    }

    /// <summary>Counts when the ratio has them; otherwise no counts on either side and the same missing figures.</summary>
    public static void SameRatio(Ratio actual, Ratio expected)
    {
        actual.HasCounts.Should().Be(expected.HasCounts);
        actual.MissingFigures.Should().Equal(expected.MissingFigures);
        if (expected.HasCounts)
        {
            actual.Numerator.Should().Be(expected.Numerator);
            actual.Denominator.Should().Be(expected.Denominator);
        }

        actual.UndefinedReason.Should().Be(expected.UndefinedReason);
        actual.NumeratorLabel.Should().Be(expected.NumeratorLabel);
        actual.DenominatorLabel.Should().Be(expected.DenominatorLabel);
        actual.Basis.Should().Be(expected.Basis);
        actual.Key.Should().Be(expected.Key);
        actual.Definition.Should().Be(expected.Definition);
        SameCoverage(actual.Coverage, expected.Coverage);
    }

    /// <summary>Figures, missing outcomes (so <see cref="AreaAggregate.CountOf"/> stays null for them) and both coverages.</summary>
    public static void SameAggregate(AreaAggregate actual, AreaAggregate expected)
    {
        actual.Key.Should().Be(expected.Key);
        actual.Basis.Should().Be(expected.Basis);
        actual.IsComputed.Should().Be(expected.IsComputed);
        actual.RecordedCrimes.Should().Be(expected.RecordedCrimes);
        actual.OutcomeCounts.Should().BeEquivalentTo(expected.OutcomeCounts);
        actual.MissingOutcomes.Keys.Should().BeEquivalentTo(expected.MissingOutcomes.Keys);
        foreach (var (outcome, missing) in expected.MissingOutcomes)
        {
            actual.MissingOutcomes[outcome].Should().Equal(missing);
            actual.CountOf(outcome).Should().BeNull();
        }

        SameCoverage(actual.RecordedCrimesCoverage, expected.RecordedCrimesCoverage);
        SameCoverage(actual.OutcomeCountsCoverage, expected.OutcomeCountsCoverage);
    }
}
