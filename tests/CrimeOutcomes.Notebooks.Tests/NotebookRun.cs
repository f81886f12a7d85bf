using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CrimeOutcomes.Notebooks.Tests;

/// <summary>One output of a cell: an error, a stream (console) text, or a display value of a MIME type.</summary>
public sealed record CellOutput(string Kind, string? MimeType, string Text);

/// <summary>A code cell as the kernel ran it.</summary>
public sealed record CellRun(string Source, IReadOnlyList<CellOutput> Outputs);

/// <summary>The result of running a notebook: the tool's exit code and console output, and each code cell's outputs.</summary>
public sealed partial record NotebookRun(ProcessResult Process, IReadOnlyList<CellRun> Cells)
{
    public IEnumerable<CellOutput> Outputs => Cells.SelectMany(c => c.Outputs);

    public IEnumerable<CellOutput> Errors => Outputs.Where(o => o.Kind == "error");

    /// <summary>The HTML that CrimeOutcomes' own formatters produced (their root element has the class crime-outcomes).</summary>
    public IEnumerable<string> CrimeOutcomesHtml => Outputs
        .Where(o => o.MimeType == "text/html" && o.Text.StartsWith("<div class=\"crime-outcomes", StringComparison.Ordinal))
        .Select(o => o.Text);

    /// <summary>
    /// The console output and the HTML not of CrimeOutcomes' formatters (such as a DataFrame's table), as text: tags,
    /// style sheets and scripts taken out, entities decoded, white space folded to single spaces.
    /// </summary>
    public string OtherOutputText => string.Join(" ", Outputs
        .Where(o => o.MimeType is null || (o.MimeType == "text/html" && !o.Text.StartsWith("<div class=\"crime-outcomes", StringComparison.Ordinal)))
        .Select(o => o.MimeType is null ? o.Text : WebUtility.HtmlDecode(Tags().Replace(StyleOrScript().Replace(o.Text, " "), " ")))
        .Select(t => Spaces().Replace(t, " ").Trim()));

    /// <summary>Everything the run showed, for failure messages.</summary>
    public string Describe() => $"{Process}\n--- cells ---\n" + string.Join("\n", Cells.Select((c, i) =>
        $"[{i}] {FirstLine(c.Source)}\n" + string.Join("\n", c.Outputs.Select(o => $"    {o.Kind} {o.MimeType}: {Shorten(o.Text)}"))));

    internal static IReadOnlyList<CellRun> ParseCells(string ipynb)
    {
        var cells = new List<CellRun>();
        foreach (var cell in JsonNode.Parse(ipynb)!["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code")
            {
                continue;
            }

            var outputs = new List<CellOutput>();
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                var kind = (string?)output!["output_type"] ?? "unknown";
                if (kind == "error")
                {
                    outputs.Add(new CellOutput(kind, null, $"{(string?)output["ename"]}: {(string?)output["evalue"]} {Text(output["traceback"])}"));
                }
                else if (output["text"] is { } stream)
                {
                    outputs.Add(new CellOutput(kind, null, Text(stream)));
                }

                foreach (var (mime, value) in output["data"]?.AsObject() ?? [])
                {
                    outputs.Add(new CellOutput(kind, mime, Text(value)));
                }
            }

            cells.Add(new CellRun(Text(cell["source"]), outputs));
        }

        return cells;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray parts => string.Concat(parts.Select(p => p?.ToString())),
        _ => node.ToString(),
    };

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"<(style|script)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
