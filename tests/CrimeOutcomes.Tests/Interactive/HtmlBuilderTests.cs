using CrimeOutcomes.Interactive;

namespace CrimeOutcomes.Tests.Interactive;

public class HtmlBuilderTests
{
    [Fact]
    public void Text_and_attribute_values_are_escaped()
    {
        var html = new HtmlBuilder();
        using (html.Open("div", ("title", "a \"quoted\" <b> & 'single'")))
        {
            html.Text("<script>alert('x')</script> & more");
        }

        html.ToString().Should().Be(
            "<div title=\"a &quot;quoted&quot; &lt;b&gt; &amp; &#39;single&#39;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</div>");
    }

    [Fact]
    public void A_null_attribute_is_left_out()
    {
        var html = new HtmlBuilder().Element("td", "1", ("title", null), ("style", "x"));

        html.ToString().Should().Be("<td style=\"x\">1</td>");
    }

    [Fact]
    public void Empty_html_elements_get_a_closing_tag_but_svg_shapes_self_close()
    {
        var html = new HtmlBuilder();
        html.Empty("td");
        using (html.Open("svg"))
        {
            html.Empty("line", ("x1", "0"));
        }

        html.Empty("br");

        html.ToString().Should().Be("<td></td><svg><line x1=\"0\" /></svg><br />");
    }

    [Fact]
    public void Control_characters_that_xml_forbids_are_dropped()
    {
        new HtmlBuilder().Text("a\u0001b\tc").ToString().Should().Be("ab\tc");
    }

    [Fact]
    public void An_unclosed_element_is_an_error_not_broken_html()
    {
        var html = new HtmlBuilder();
        html.Open("div");

        var act = () => html.ToString();

        act.Should().Throw<InvalidOperationException>().WithMessage("*<div>*");
    }

    [Theory]
    [InlineData("div onclick")]
    [InlineData("a\"b")]
    [InlineData("")]
    [InlineData("1a")]
    public void Invalid_tag_or_attribute_names_are_refused(string name)
    {
        var html = new HtmlBuilder();

        html.Invoking(h => h.Empty(name)).Should().Throw<ArgumentException>();
        html.Invoking(h => h.Empty("td", (name, "1"))).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(12.3456, "12.35")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1234567.891, "1234567.89")]
    public void Numbers_are_invariant_with_at_most_two_decimals(double value, string expected)
    {
        HtmlBuilder.Number(value).Should().Be(expected);
    }

    [Fact]
    public void A_style_sheet_is_written_raw_and_refuses_what_it_cannot_escape()
    {
        new HtmlBuilder().Style(".a { color: red; }").ToString().Should().Be("<style>.a { color: red; }</style>");

        // In HTML a style element's text is not entity-decoded: an escaped quote would reach the CSS as "&#39;".
        var html = new HtmlBuilder();
        html.Invoking(h => h.Style(".a { font-family: 'Segoe UI'; }")).Should().Throw<ArgumentException>();
        html.Invoking(h => h.Style("</style><script>")).Should().Throw<ArgumentException>();
    }
}
