namespace CrimeOutcomes.Tests.Figures;

/// <summary>Offence codes as the Home Office tables write them: text, never numbers.</summary>
public sealed class OffenceCodeTests
{
    [Theory]
    [InlineData("8N", "8N")]
    [InlineData(" 105a ", "105A")]
    [InlineData("3A", "3A")]
    [InlineData("802", "802")]
    [InlineData("53F", "53F")]
    [InlineData("4.4", "4.4")]
    [InlineData("4.10", "4.10")]
    [InlineData("37.2", "37.2")]
    [InlineData("1/4.1/4.10/4.2", "1/4.1/4.10/4.2")]
    [InlineData("1 / 4.1 / 4.10 / 4.2", "1/4.1/4.10/4.2")]
    public void Published_codes_parse_and_keep_their_text(string text, string value)
    {
        var code = OffenceCode.Parse(text);
        code.Value.Should().Be(value);
        code.ToString().Should().Be(value);
        code.IsCompound.Should().Be(value.Contains('/'));
    }

    [Fact]
    public void A_dotted_code_is_text_so_4_10_is_not_4_1()
    {
        OffenceCode.Parse("4.10").Should().NotBe(OffenceCode.Parse("4.1"));
        OffenceCode.Parse("4.10").GetHashCode().Should().NotBe(OffenceCode.Parse("4.1").GetHashCode());
        (OffenceCode.Parse("37.2") == OffenceCode.Parse("37.2")).Should().BeTrue();
    }

    [Fact]
    public void A_compound_code_equals_the_same_parts_in_another_order_and_keeps_the_order_read()
    {
        var outcomes = OffenceCode.Parse("1/4.1/4.10/4.2");
        var recordedCrime = OffenceCode.Parse("1/4.1/4.2/4.10");

        outcomes.Should().Be(recordedCrime);
        outcomes.GetHashCode().Should().Be(recordedCrime.GetHashCode());
        recordedCrime.Value.Should().Be("1/4.1/4.2/4.10");
        outcomes.Parts.Should().Equal("1", "4.1", "4.10", "4.2");
        outcomes.Should().NotBe(OffenceCode.Parse("1/4.1/4.2"));

        // Scopes narrowed to either spelling are the same scope, so the two tables' figures meet.
        CrimeScope.AllCrime.WithOffenceCode(outcomes).Should().Be(CrimeScope.AllCrime.WithOffenceCode(recordedCrime));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A8")]
    [InlineData("8NNN")]
    [InlineData("1234")]
    [InlineData("4.")]
    [InlineData(".4")]
    [InlineData("4.1234")]
    [InlineData("1//4.1")]
    [InlineData("1/")]
    [InlineData("Homicide")]
    [InlineData("37,2")]
    public void Text_that_is_no_code_is_refused_with_the_text_quoted(string text)
    {
        OffenceCode.TryParse(text, out _).Should().BeFalse();
        var act = () => OffenceCode.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not an offence code*");
    }
}
