using CrimeOutcomes.Import;

namespace CrimeOutcomes.Tests.Import;

public sealed class ColumnMapTests
{
    /// <summary>The headers of the real 2017/18 sheet, as published (see shared/real/README.md).</summary>
    private static readonly string[] Published201718 =
    [
        "Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group", "Offence Subgroup",
        "Offence Code", "Offence code expired", "Outcome Description", "Outcome Group", "Outcome Type",
        "Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter",
    ];

    private static ColumnMap Map(IReadOnlyList<string> headers)
    {
        ColumnMap.TryCreate(headers, out var map).Should().BeTrue();
        return map!;
    }

    [Fact]
    public void The_expired_column_is_found_in_both_spellings_and_is_minus_one_when_absent()
    {
        var published = Map(Published201718);
        var republished = Map(OpenDataFixtures.RepublishedHeaders);
        var older = Map(OpenDataFixtures.NewHeaders);

        (published.Expired, published.OffenceCode, published.Recorded, published.Closed).Should().Be((7, 6, 11, 12));
        (republished.Expired, republished.OffenceCode, republished.OutcomeType, republished.Recorded, republished.Closed).Should().Be((7, 3, 10, 11, 12));
        older.Expired.Should().Be(-1);
    }

    [Theory]
    [InlineData("Outcomes for offences that were recorded in the quarter", "Outcomes for investigations closed in the quarter")]
    [InlineData("Number of outcomes for offences that were recorded in the quarter", "Number of outcomes for investigations closed in the quarter")]
    [InlineData("Number of Outcomes for offences that were recorded in the quarter", "Number of Outcomes for investigations that were closed in the quarter")]
    public void The_republished_count_headers_are_found_with_or_without_the_number_of_prefix(string recorded, string closed)
    {
        var map = Map(["Financial Year", "Force Name", "Outcome Type", recorded, closed]);

        (map.Kind, map.Recorded, map.Closed).Should().Be((OpenDataTableKind.Outcomes, 3, 4));
    }

    [Fact]
    public void The_number_of_prefix_makes_only_count_columns()
    {
        var map = Map(["Financial Year", "Number of force name", "Force Name", "Number of Offences"]);

        (map.Force, map.Offences).Should().Be((2, 3));
    }

    [Fact]
    public void Repeated_headers_use_their_first_column_and_do_not_widen_the_table()
    {
        // The 2013/14 sheet of the PRC tables: three stray duplicate header columns after the eighth.
        var map = Map([.. OpenDataFixtures.RecordedCrimeHeaders, "Offence Group", "Number of Offences", "Offence Code"]);

        (map.Kind, map.OffenceGroup, map.OffenceCode, map.Offences, map.Width).Should().Be((OpenDataTableKind.RecordedCrime, 4, 6, 7, 8));
    }

    [Fact]
    public void The_community_safety_partnership_table_is_a_recorded_crime_table()
    {
        var map = Map(["Financial Year", "Financial Quarter", "Police Force", "CSP Name", "Offence Description", "Offence Group", "Offence Subgroup", "Offence Code", "Offence Count"]);

        (map.Kind, map.Force, map.Quarter, map.OffenceCode, map.Offences).Should().Be((OpenDataTableKind.RecordedCrime, 2, 1, 7, 8));
    }

    [Theory]
    [InlineData("Row Labels")]
    [InlineData("Column Labels")]
    [InlineData("Grand Total")]
    [InlineData("Values")]
    [InlineData("Sum of Outcomes for offences that were recorded in the quarter")]
    [InlineData("Count of Outcome Type")]
    [InlineData("grand  total")]
    public void A_header_row_with_a_pivot_table_caption_is_never_a_table(string caption)
    {
        string[] header = ["Financial Year", "Force Name", "Outcome Type", "Outcomes for offences that were recorded in the quarter"];
        ColumnMap.TryCreate(header, out _).Should().BeTrue("without the caption the row is a header");

        ColumnMap.TryCreate([.. header, caption], out var map).Should().BeFalse();
        map.Should().BeNull();
        var act = () => ColumnMap.Create([caption, .. header], ImportOptions.Default, new ImportLocation("pivot.csv", null, 1, null));
        act.Should().Throw<ImportFormatException>().WithMessage($"*the header row is a pivot table's ('{caption.Trim()}')*");
    }
}
