namespace CrimeOutcomes.Tests.Forces;

public class ForceRegistryTests
{
    private static readonly ForceRegistry Registry = ForceRegistry.Default;

    private static IEnumerable<string[]> ReferenceRows()
        => File.ReadLines(ReferenceFiles.PathOf("police-forces.csv")).Skip(1).Select(SplitCsv);

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return [.. cells];
    }

    [Fact]
    public void Holds_the_43_territorial_forces_and_British_Transport_Police()
    {
        Registry.All.Should().HaveCount(44);
        Registry.EnglandAndWales.Forces.Should().HaveCount(43);
        Registry.England.ForceCount.Should().Be(39);
        Registry.Wales.ForceCount.Should().Be(4);
        Registry.All.Where(f => !f.IsTerritorial).Select(f => f.Name).Should().Equal("British Transport Police");
        Registry.All.Where(f => f.AreaCode is not null).Select(f => f.AreaCode!.Value.Value).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_row_of_the_reference_table_is_there_with_its_code_country_and_region()
    {
        foreach (var row in ReferenceRows())
        {
            var force = Registry.Get(row[1]);
            force.HomeOfficeName.Should().Be(row[2]);
            force.DataPoliceUkId.Should().Be(row[3]);
            (force.Region?.ToDisplayName() ?? string.Empty).Should().Be(row[4]);
            force.Country.Should().Be(row[5] switch { "England" => Country.England, "Wales" => Country.Wales, _ => Country.GreatBritain });
            if (row[0].Length > 0)
            {
                force.AreaCode!.Value.Value.Should().Be(row[0]);
                Registry.Get(PoliceForceAreaCode.Parse(row[0])).Should().BeSameAs(force);
            }

            Registry.Get(row[2]).Should().BeSameAs(force, "the Home Office name matches");
            Registry.Get(row[3]).Should().BeSameAs(force, "the data.police.uk id matches");
        }
    }

    [Theory]
    [InlineData("West Mercia Police", "West Mercia")]
    [InlineData("WEST MERCIA", "West Mercia")]
    [InlineData("Avon and Somerset Constabulary", "Avon and Somerset")]
    [InlineData("Avon & Somerset", "Avon and Somerset")]
    [InlineData("Metropolitan Police Service", "Metropolitan Police")]
    [InlineData("Metropolitan Police[Note 6]", "Metropolitan Police")]
    [InlineData("Devon & Cornwall", "Devon & Cornwall")]
    [InlineData("Devon and Cornwall ", "Devon & Cornwall")]
    [InlineData("Dyfed Powys", "Dyfed-Powys")]
    [InlineData("Dyfed-Powys Police", "Dyfed-Powys")]
    [InlineData("London, City of", "London, City of")]
    [InlineData("City of London Police", "London, City of")]
    [InlineData("Hampshire and Isle of Wight Constabulary", "Hampshire")]
    [InlineData("Hampshire Constabulary", "Hampshire")]
    [InlineData("  Greater   Manchester  Police ", "Greater Manchester")]
    [InlineData("British Transport Police", "British Transport Police")]
    [InlineData("BTP", "British Transport Police")]
    [InlineData("Thames Valley Police", "Thames Valley")]
    public void Matches_the_names_seen_in_the_wild(string written, string expected)
        => Registry.Get(written).Name.Should().Be(expected);

    [Theory]
    [InlineData("Action Fraud")]
    [InlineData("CIFAS")]
    [InlineData("Cifas")]
    [InlineData("UK Finance")]
    [InlineData("Financial Fraud Action UK")]
    [InlineData("England and Wales")]
    [InlineData("ENGLAND")]
    [InlineData("Total")]
    [InlineData("North West")]
    public void Non_force_rows_are_recognised_as_such(string name)
    {
        Registry.Match(name).Kind.Should().Be(ForceNameMatchKind.NonForce);
        Registry.TryGet(name, out _).Should().BeFalse();
        var act = () => Registry.Get(name);
        act.Should().Throw<KeyNotFoundException>().WithMessage($"'{name}' is not a police force but a non-force row*");
    }

    [Fact]
    public void An_unknown_name_fails_with_the_nearest_known_names()
    {
        var act = () => Registry.Get("West Mercier");
        act.Should().Throw<KeyNotFoundException>().WithMessage("'West Mercier' is not a known police force. Nearest known names: 'West Mercia'*");
        Registry.Match("Nothumbria").Suggestions.Should().StartWith("Northumbria");
        Registry.Match("Nothumbria").Kind.Should().Be(ForceNameMatchKind.Unknown);
    }

    [Fact]
    public void Regions_partition_the_territorial_forces()
    {
        Registry.Regions.SelectMany(r => r.Forces).Should().BeEquivalentTo(Registry.EnglandAndWales.Forces);
        Registry.RegionOf(Region.WestMidlands).Forces.Select(f => f.Name).Should().BeEquivalentTo("West Midlands", "Staffordshire", "West Mercia", "Warwickshire");
        Registry.RegionOf(Region.Wales).Forces.Should().Equal(Registry.Wales.Forces);
        RegionNames.Parse("yorkshire & the humber").Should().Be(Region.YorkshireAndTheHumber);
    }

    [Fact]
    public void Area_membership_and_the_rest_of_an_area()
    {
        var westMercia = Registry.Get("West Mercia");
        Registry.England.Contains(westMercia).Should().BeTrue();
        Registry.Wales.Contains(westMercia).Should().BeFalse();
        Registry.EnglandAndWales.Contains(Registry.Get("BTP")).Should().BeFalse("British Transport Police has no police force area");

        var rest = Registry.England.Excluding(westMercia);
        rest.Name.Should().Be("England excluding West Mercia");
        rest.ForceCount.Should().Be(38);
        rest.Contains(westMercia).Should().BeFalse();
        rest.Within.Should().Be(Registry.England);

        var notMember = () => Registry.Wales.Excluding(westMercia);
        notMember.Should().Throw<ArgumentException>().WithMessage("West Mercia is not part of Wales*");
    }

    [Fact]
    public void An_unlisted_published_group_knows_its_count_but_not_its_members()
    {
        var group = ForceGroup.Unlisted("36 responding forces", 36, Registry.EnglandAndWales);
        group.ForceCount.Should().Be(36);
        group.IsMembershipListed.Should().BeFalse();
        var act = () => group.Contains(Registry.Get("Kent"));
        act.Should().Throw<InvalidOperationException>().WithMessage("*were not published*");
        Coverage.OfPublished(group).ToString().Should().Be("36 of 43 forces (members not published)");

        var tooMany = () => ForceGroup.Unlisted("too many", 44, Registry.EnglandAndWales);
        tooMany.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Area_codes_are_validated()
    {
        PoliceForceAreaCode.TryParse("e23000016", out var code).Should().BeTrue();
        code.Value.Should().Be("E23000016");
        var act = () => PoliceForceAreaCode.Parse("E2300001");
        act.Should().Throw<FormatException>().WithMessage("'E2300001' is not a police force area code*");
    }
}
