using System.Xml.Linq;

namespace CrimeOutcomes.Tests.Interactive;

/// <summary>Parses rendered HTML as XML: the renderers promise well-formed output, so a parse failure is a bug.</summary>
internal static class RenderingAssertions
{
    public static XElement ParseHtml(string html) => XDocument.Parse(html).Root!;

    public static XNamespace Svg { get; } = "http://www.w3.org/2000/svg";

    public static XElement SvgOf(string html)
    {
        var svg = ParseHtml(html).Descendants(Svg + "svg").Single();
        // The SVG alone must stand as an XML document too (it is what a browser parses as inline SVG).
        return XDocument.Parse(svg.ToString()).Root!;
    }

    public static double Attr(XElement element, string name)
        => double.Parse(element.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The texts of the cells of every body row of the first table.</summary>
    public static List<string[]> BodyRows(string html)
        => ParseHtml(html).Descendants("tbody").First().Elements("tr")
            .Select(tr => tr.Elements().Select(cell => cell.Value).ToArray()).ToList();
}
