namespace CrimeOutcomes.Tests.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("2016/17")]
    [InlineData("2016-17")]
    [InlineData("2016/2017")]
    [InlineData("FY2016/17")]
    [InlineData("FY 2016-17")]
    [InlineData("year ending March 2017")]
    [InlineData("Year Ending Mar 2017")]
    [InlineData("YE March 2017")]
    [InlineData(" 2016\u201317 ")]
    public void Financial_years_parse_from_every_written_form(string text)
    {
        var year = FinancialYear.Parse(text);
        year.StartYear.Should().Be(2016);
        year.ToString().Should().Be("2016/17");
        year.ToString("L", null).Should().Be("year ending March 2017");
        year.Start.Should().Be(new DateOnly(2016, 4, 1));
        year.End.Should().Be(new DateOnly(2017, 3, 31));
    }

    [Theory]
    [InlineData("2016/18")]
    [InlineData("2016")]
    [InlineData("16/17")]
    [InlineData("year ending June 2017")]
    [InlineData("")]
    [InlineData("2099/00x")]
    public void Malformed_financial_years_fail_with_the_text_and_the_expected_forms(string text)
    {
        var act = () => FinancialYear.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not a financial year: expected a form such as '2016/17'*");
        FinancialYear.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void The_century_boundary_is_handled()
    {
        FinancialYear.Parse("1999/00").StartYear.Should().Be(1999);
        FinancialYear.StartingIn(1999).ToString().Should().Be("1999/00");
    }

    [Fact]
    public void Financial_years_round_trip_and_order()
    {
        for (var start = 2000; start < 2040; start++)
        {
            var year = FinancialYear.StartingIn(start);
            FinancialYear.Parse(year.ToString()).Should().Be(year);
            FinancialYear.Parse(year.ToString("L", null)).Should().Be(year);
            year.Next().Previous().Should().Be(year);
        }

        FinancialYear.Parse("2015/16").Should().BeLessThan(FinancialYear.Parse("2016/17"));
        (FinancialYear.Parse("2015/16") < FinancialYear.Parse("2016/17")).Should().BeTrue();
    }

    [Theory]
    [InlineData(2017, 1, 15, 2016)]
    [InlineData(2017, 3, 31, 2016)]
    [InlineData(2017, 4, 1, 2017)]
    [InlineData(2016, 12, 31, 2016)]
    public void The_financial_year_containing_a_date(int y, int m, int d, int expectedStart)
        => FinancialYear.Containing(new DateOnly(y, m, d)).StartYear.Should().Be(expectedStart);

    [Theory]
    [InlineData("2020/21 Q1", 2020, 4, 1, 2020, 6, 30)]
    [InlineData("2020/21 Q3", 2020, 10, 1, 2020, 12, 31)]
    [InlineData("2020-21 q4", 2021, 1, 1, 2021, 3, 31)]
    public void Quarters_cover_the_right_months(string text, int sy, int sm, int sd, int ey, int em, int ed)
    {
        var quarter = FinancialQuarter.Parse(text);
        quarter.Start.Should().Be(new DateOnly(sy, sm, sd));
        quarter.End.Should().Be(new DateOnly(ey, em, ed));
        FinancialQuarter.Parse(quarter.ToString()).Should().Be(quarter);
        FinancialQuarter.Containing(quarter.Start).Should().Be(quarter);
        FinancialQuarter.Containing(quarter.End).Should().Be(quarter);
    }

    [Theory]
    [InlineData("Q1", 1)]
    [InlineData("q4", 4)]
    [InlineData("3", 3)]
    [InlineData(" 2 ", 2)]
    public void Open_data_quarter_numbers_parse(string text, int expected)
    {
        FinancialQuarter.TryParseQuarterNumber(text, out var quarter).Should().BeTrue();
        quarter.Should().Be(expected);
    }

    [Theory]
    [InlineData("Q5")]
    [InlineData("0")]
    [InlineData("")]
    public void Bad_quarter_numbers_are_rejected(string text)
        => FinancialQuarter.TryParseQuarterNumber(text, out _).Should().BeFalse();

    [Fact]
    public void Calendar_years_parse_and_reject()
    {
        CalendarYear.Parse(" 2016 ").Year.Should().Be(2016);
        var act = () => CalendarYear.Parse("20x6");
        act.Should().Throw<FormatException>().WithMessage("'20x6' is not a calendar year*");
        CalendarYear.Of(2016).Previous().Should().Be(CalendarYear.Of(2015));
    }

    [Fact]
    public void Reporting_periods_keep_calendar_and_financial_years_apart()
    {
        ReportingPeriod calendar = CalendarYear.Of(2016);
        ReportingPeriod financial = FinancialYear.StartingIn(2016);

        calendar.Should().NotBe(financial);
        calendar.Kind.Should().Be(PeriodKind.CalendarYear);
        var act = () => calendar.AsFinancialYear();
        act.Should().Throw<InvalidOperationException>().WithMessage("The period 2016 is a calendar year, not a financial year*");

        ReportingPeriod.Parse("2016").Should().Be(calendar);
        ReportingPeriod.Parse("2016/17").Should().Be(financial);
        ReportingPeriod.Parse("2016/17 Q2").AsFinancialQuarter().Quarter.Should().Be(2);
        ReportingPeriod.Parse("2016/17 Q2").YearEarlier().Should().Be((ReportingPeriod)FinancialQuarter.Parse("2015/16 Q2"));
        calendar.YearEarlier().Should().Be((ReportingPeriod)CalendarYear.Of(2015));

        var bad = () => ReportingPeriod.Parse("sometime");
        bad.Should().Throw<FormatException>().WithMessage("'sometime' is not a period*");
    }
}
