namespace CrimeOutcomes.Interactive;

/// <summary>
/// The pieces every rendering shares: the root element with its style sheet, headings, tables and notes. The
/// style sheet is scoped to the root's class, so it styles nothing else on the page, and it is written once per
/// rendering rather than on every cell, which keeps a 200-row table small. No colour is set on body text, which takes
/// the notebook's own; rules and fills use grey with transparency or mid-tone accents that read on light and dark
/// backgrounds alike, as do the green and red of a claim verdict (which also carries a ✓ or ✗, not colour alone). Without the style sheet (a front end that strips it) the tables still read as plain tables.
/// </summary>
internal static class HtmlParts
{
    /// <summary>Bars and accents: a mid-tone blue readable on white and on near-black.</summary>
    public const string Accent = "#4e8fd8";

    /// <summary>The reference (national) line: a mid-tone orange.</summary>
    public const string Reference = "#e8743b";

    /// <summary>A verdict that fits, and points within limits: a mid-tone green.</summary>
    public const string Good = "#2ca58d";

    /// <summary>Points beyond the 95 % limits: a mid-tone amber.</summary>
    public const string Warning = "#d4a20c";

    /// <summary>A verdict that does not fit, and points beyond the 99.8 % limits: a mid-tone red.</summary>
    public const string Bad = "#d9534f";

    /// <summary>Colours for several series, each mid-tone.</summary>
    public static readonly string[] Palette = ["#4e8fd8", "#e8743b", "#2ca58d", "#c05299", "#d4a20c", "#8a79d6", "#d9534f", "#6c9a3c"];

    private const string StyleSheet =
        ".crime-outcomes { font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; margin: 4px 0; } "
        + ".crime-outcomes .co-heading { font-weight: 600; margin: 2px 0 4px 0; } "
        + ".crime-outcomes .co-note { opacity: 0.75; font-size: 0.9em; margin: 2px 0; } "
        + ".crime-outcomes .co-label { font-weight: 600; } "
        + ".crime-outcomes table.co-table { border-collapse: collapse; margin: 4px 0; font-size: 0.95em; } "
        + ".crime-outcomes table.co-table th, .crime-outcomes table.co-table td { padding: 3px 10px; text-align: left; "
        + "border-bottom: 1px solid rgba(128, 128, 128, 0.25); } "
        + ".crime-outcomes table.co-table thead th { border-bottom: 1px solid rgba(128, 128, 128, 0.7); vertical-align: bottom; } "
        + ".crime-outcomes table.co-table th { font-weight: 600; } "
        + ".crime-outcomes table.co-table .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } "
        + ".crime-outcomes details { margin: 2px 0; } "
        + ".crime-outcomes summary { cursor: pointer; } "
        + ".crime-outcomes .co-names { padding: 2px 0 2px 1em; } "
        + ".crime-outcomes .co-fits { color: #2ca58d; font-weight: 600; } "
        + ".crime-outcomes .co-misfit { color: #d9534f; font-weight: 600; } "
        + ".crime-outcomes svg { max-width: 100%; height: auto; }";

    /// <summary>A complete fragment: a root element with the style sheet and the content <paramref name="write"/> writes.</summary>
    public static string Fragment(string kind, Action<HtmlBuilder> write)
    {
        var html = new HtmlBuilder();
        using (html.Open("div", ("class", "crime-outcomes " + kind)))
        {
            html.Style(StyleSheet);
            write(html);
        }

        return html.ToString();
    }

    public static void Heading(HtmlBuilder html, string text) => html.Element("div", text, ("class", "co-heading"));

    public static void Note(HtmlBuilder html, string text) => html.Element("div", text, ("class", "co-note"));

    public static HtmlBuilder.Scope Table(HtmlBuilder html) => html.Open("table", ("class", "co-table"));

    /// <summary>A header row; <paramref name="numeric"/> marks the right-aligned columns.</summary>
    public static void HeaderRow(HtmlBuilder html, IReadOnlyList<string> headers, Func<int, bool> numeric, Func<int, string?>? titles = null)
    {
        using (html.Open("thead"))
        using (html.Open("tr"))
        {
            for (var i = 0; i < headers.Count; i++)
            {
                html.Element("th", headers[i], ("class", numeric(i) ? "n" : null), ("title", titles?.Invoke(i)), ("scope", "col"));
            }
        }
    }

    public static void Cell(HtmlBuilder html, string text, bool numeric = false, string? title = null)
        => html.Element("td", text, ("class", numeric ? "n" : null), ("title", title));

    public static void RowHeader(HtmlBuilder html, string text) => html.Element("th", text, ("scope", "row"));

    /// <summary>A bold label followed by text, on its own line.</summary>
    public static void Labelled(HtmlBuilder html, string label, string text)
    {
        using (html.Open("div"))
        {
            html.Element("span", label, ("class", "co-label"));
            html.Text(text);
        }
    }

    /// <summary>A collapsible section (no script: the HTML details element); dispose to close it.</summary>
    public static HtmlBuilder.Scope Details(HtmlBuilder html, string summary)
    {
        var scope = html.Open("details");
        html.Element("summary", summary);
        return scope;
    }

    /// <summary>A collapsible list of names.</summary>
    public static void NameList(HtmlBuilder html, string summary, IEnumerable<string> names)
    {
        using (Details(html, summary))
        {
            html.Element("div", string.Join(", ", names), ("class", "co-names"));
        }
    }
}
