namespace CrimeOutcomes.Tests.Periods;

public sealed class FinancialYearRunTests
{
    [Theory]
    [InlineData("2020/21", new[] { "2020/21" })]
    [InlineData("2014/15..2017/18", new[] { "2014/15", "2015/16", "2016/17", "2017/18" })]
    [InlineData("2019/20, 2016/17..2017/18,2016/17", new[] { "2016/17", "2017/18", "2019/20" })]
    [InlineData("2020/21..2020/21", new[] { "2020/21" })]
    [InlineData("year ending March 2018..2018/19", new[] { "2017/18", "2018/19" })]
    public void A_run_of_years_is_one_a_range_or_a_list_each_once_oldest_first(string text, string[] expected)
        => FinancialYear.ParseRun(text).Select(y => y.ToString()).Should().Equal(expected);

    [Theory]
    [InlineData("2019/20..2018/19", "'2019/20..2018/19' is not a range of financial years: 2018/19 is before 2019/20*")]
    [InlineData("2019/20..", "*not a financial year*")]
    [InlineData(" , ", "' , ' names no financial year*")]
    [InlineData("2019/21", "'2019/21' is not a financial year*")]
    public void A_malformed_run_is_a_format_error_that_quotes_it(string text, string message)
    {
        var act = () => FinancialYear.ParseRun(text);
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Twelve_releases_are_the_range_from_2014_15_to_2025_26()
    {
        var years = FinancialYear.Range(FinancialYear.Parse("2014/15"), FinancialYear.Parse("2025/26"));

        years.Should().HaveCount(12);
        years[0].ToString().Should().Be("2014/15");
        years[^1].ToString().Should().Be("2025/26");
        var backwards = () => FinancialYear.Range(FinancialYear.Parse("2025/26"), FinancialYear.Parse("2014/15"));
        backwards.Should().Throw<ArgumentException>();
    }
}
