namespace CrimeOutcomes.Interactive;

/// <summary>
/// The pieces every rendering shares: the root element, headings, tables and notes, styled inline so that the
/// HTML stands alone. Text takes the notebook's own colour (no colour is set on text); rules and fills use
/// grey with transparency or mid-tone accents that read on light and dark backgrounds alike.
/// </summary>
internal static class HtmlParts
{
    /// <summary>Bars and accents: a mid-tone blue readable on white and on near-black.</summary>
    public const string Accent = "#4e8fd8";

    /// <summary>The reference (national) line: a mid-tone orange.</summary>
    public const string Reference = "#e8743b";

    /// <summary>Colours for several series, each mid-tone.</summary>
    public static readonly string[] Palette = ["#4e8fd8", "#e8743b", "#2ca58d", "#c05299", "#d4a20c", "#8a79d6", "#d9534f", "#6c9a3c"];

    private const string RootStyle = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 4px 0;";
    private const string TableStyle = "border-collapse: collapse; margin: 4px 0; font-size: 0.95em;";
    private const string HeadStyle = "padding: 3px 10px; border-bottom: 1px solid rgba(128, 128, 128, 0.7); font-weight: 600; vertical-align: bottom;";
    private const string CellStyle = "padding: 3px 10px; border-bottom: 1px solid rgba(128, 128, 128, 0.25);";
    private const string NumberStyle = " text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;";

    /// <summary>A complete fragment: a root element with the content <paramref name="write"/> writes.</summary>
    public static string Fragment(string kind, Action<HtmlBuilder> write)
    {
        var html = new HtmlBuilder();
        using (html.Open("div", ("class", "crime-outcomes " + kind), ("style", RootStyle)))
        {
            write(html);
        }

        return html.ToString();
    }

    public static void Heading(HtmlBuilder html, string text)
        => html.Element("div", text, ("style", "font-weight: 600; margin: 2px 0 4px 0;"));

    public static void Note(HtmlBuilder html, string text)
        => html.Element("div", text, ("style", "opacity: 0.75; font-size: 0.9em; margin: 2px 0;"));

    public static HtmlBuilder.Scope Table(HtmlBuilder html) => html.Open("table", ("style", TableStyle));

    /// <summary>A header row; headers ending in a right-aligned column are marked by <paramref name="numeric"/>.</summary>
    public static void HeaderRow(HtmlBuilder html, IReadOnlyList<string> headers, Func<int, bool> numeric, Func<int, string?>? titles = null)
    {
        using (html.Open("thead"))
        using (html.Open("tr"))
        {
            for (var i = 0; i < headers.Count; i++)
            {
                html.Element("th", headers[i], ("style", HeadStyle + (numeric(i) ? " text-align: right;" : " text-align: left;")), ("title", titles?.Invoke(i)), ("scope", "col"));
            }
        }
    }

    public static void Cell(HtmlBuilder html, string text, bool numeric = false, string? title = null)
        => html.Element("td", text, ("style", CellStyle + (numeric ? NumberStyle : string.Empty)), ("title", title));

    public static void RowHeader(HtmlBuilder html, string text)
        => html.Element("th", text, ("style", CellStyle + " text-align: left; font-weight: 600;"), ("scope", "row"));

    /// <summary>A collapsible list of names (no script: the HTML details element).</summary>
    public static void NameList(HtmlBuilder html, string summary, IEnumerable<string> names)
    {
        using (html.Open("details", ("style", "margin: 2px 0;")))
        {
            html.Element("summary", summary, ("style", "cursor: pointer;"));
            html.Element("div", string.Join(", ", names), ("style", "padding: 2px 0 2px 1em;"));
        }
    }
}
