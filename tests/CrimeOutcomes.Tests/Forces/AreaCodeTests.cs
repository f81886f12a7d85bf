namespace CrimeOutcomes.Tests.Forces;

public class AreaCodeTests
{
    private static readonly IForceRegistry Registry = ForceRegistry.Default;

    [Theory]
    [InlineData("E12000001", "North East", AreaKind.Region)]
    [InlineData("E12000005", "West Midlands", AreaKind.Region)]
    [InlineData("E12000009", "South West", AreaKind.Region)]
    [InlineData("E92000001", "England", AreaKind.Country)]
    [InlineData("W92000004", "Wales", AreaKind.Country)]
    [InlineData("K04000001", "England and Wales", AreaKind.EnglandAndWales)]
    [InlineData("E23000016", "West Mercia", AreaKind.Force)]
    [InlineData(" w15000002 ", "Gwent", AreaKind.Force)]
    public void An_area_is_found_by_its_ONS_code_through_the_interface(string code, string name, AreaKind kind)
    {
        var area = Registry.GetArea(code);

        area.Name.Should().Be(name);
        area.Kind.Should().Be(kind);
        area.Code.Should().Be(code.Trim().ToUpperInvariant());
    }

    [Fact]
    public void Every_region_has_its_code_and_is_found_by_it()
    {
        Registry.Regions.Should().HaveCount(10);
        foreach (var region in Enum.GetValues<Region>().Where(r => r != Region.Wales))
        {
            var group = Registry.RegionOf(region);
            group.Code.Should().Be(region.ToOnsCode()).And.StartWith("E12");
            Registry.GetArea(group.Code!).Should().Be(group);
        }

        Registry.RegionOf(Region.Wales).Code.Should().Be(AreaCodes.Wales);
    }

    [Fact]
    public void Every_territorial_force_is_found_by_its_code_and_BTP_has_none()
    {
        foreach (var force in Registry.All.Where(f => f.IsTerritorial))
        {
            Registry.GetArea(force.Code!).Should().BeSameAs(force);
        }

        Registry.Get("British Transport Police").Code.Should().BeNull();
        Registry.EnglandAndWalesAndBritishTransportPolice.Code.Should().BeNull();
    }

    [Fact]
    public void An_unknown_code_is_refused_with_the_code_quoted()
    {
        Registry.TryGetArea("E12000010", out _).Should().BeFalse();
        Registry.TryGetArea(null, out _).Should().BeFalse();
        var act = () => Registry.GetArea("E12000010");
        act.Should().Throw<KeyNotFoundException>().WithMessage("'E12000010'*E12000001 to E12000009*K04000001*");
    }

    [Fact]
    public void The_group_with_BTP_is_England_and_Wales_plus_BTP()
    {
        var group = Registry.EnglandAndWalesAndBritishTransportPolice;

        group.Name.Should().Be("England and Wales and British Transport Police");
        group.ForceCount.Should().Be(44);
        group.Forces.Should().BeEquivalentTo(Registry.EnglandAndWales.Forces.Append(Registry.Get("BTP")));
        Registry.EnglandAndWales.Contains(Registry.Get("BTP")).Should().BeFalse();
    }

    [Fact]
    public void A_group_read_back_from_json_keeps_its_code()
    {
        var dataset = new OutcomeDatasetBuilder()
            .AddRecordedCrimes(new FigureKey(Registry.RegionOf(Region.WestMidlands), FinancialYear.Parse("2020/21"), CrimeScope.AllCrime), 10)
            .Build();

        var read = CrimeOutcomes.Json.CrimeOutcomesJson.DeserializeDataset(CrimeOutcomes.Json.CrimeOutcomesJson.Serialize(dataset));

        read.Keys.Single().Area.Code.Should().Be("E12000005");
    }
}
