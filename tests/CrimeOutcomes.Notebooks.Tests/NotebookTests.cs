using System.Xml.Linq;
using Xunit.Abstractions;

using CrimeOutcomes.Tests.Shared;

namespace CrimeOutcomes.Notebooks.Tests;

[Collection(NotebookRunsDefinition.Name)]
public sealed class NotebookTests(NotebookKernel kernel, ITestOutputHelper log)
{
    /// <summary>
    /// Figures each docs notebook must show in the HTML of CrimeOutcomes' own formatters, hand-checked (intervals and
    /// tests computed independently in Python: Wilson with z = 1.959964, Newcombe's hybrid score, pooled z):
    /// seed story: 5,523 / 10,829 = 51.0 % (West Mercia 2016), Wilson 0.50060–0.51943; 164,510 / 438,349 = 37.5 % (36 forces,
    /// 2016), 4.2 pp above a third, so "a third" does not fit; 4,519 / 9,773 = 46.2 % fits "just under 50 per cent";
    /// West Mercia 2015 → 2016 +4.76 pp, Newcombe +3.40 to +6.13 pp;
    /// national aggregation (docs/data/sample-outcomes-open-data.csv, 2020/21, recorded basis, summed with Python's csv module):
    /// 3,696 rows read, 528 of Action Fraud set aside; Σ outcome 16 / Σ all outcomes = 260,898 / 1,135,630 = 23.0 % over
    /// 6 forces; funnel dispersion Σ z² / 6 = 512.17 with z = (y − 0.229739) / √(0.229739 · 0.770261 / n), every force
    /// beyond the 99.8 % limits (3 above, 3 below); Devon &amp; Cornwall 25.2859 % and the Metropolitan Police 25.2857 %,
    /// plausible ranks 1–2; West Mercia 46,332 / 205,700 against the rest 214,566 / 929,930: −0.55 pp, Newcombe −0.75 to −0.35 pp;
    /// FOI table: 3,902 / 10,736 − 3,018 / 9,412 = 36.35 % − 32.07 % = +4.3 pp, Newcombe +2.97 to +5.59 pp, z = 6.38;
    /// Wilson 2019 0.31130–0.33016, 2020 0.35440–0.37260;
    /// columnar and DataFrames (the real 2017/18 file in ../shared/real, figures of its README, computed with pandas):
    /// 450,912 rows; England and Wales 786,413 / 4,818,517 = 16.32 % over the 43 territorial forces; West Mercia,
    /// violence against the person, 13,170 / 28,228 = 46.66 %.
    /// outcome 16 over the years (the real 2017/18 file, pandas: England and Wales 786,413 / 4,818,517 = 16.32 %, West Mercia
    /// 19,379 / 84,350 = 22.97 %; West Mercia's generated 2019/20 22,907 / 89,821 = 25.50 %, +2.53 pp, Newcombe +2.13 to +2.93 pp,
    /// pooled z = 12.30); outcome 22 "not in the framework" before 2019/20; warnings W1 (2014/15 not provided), W2 (partial 2020/21).
    /// </summary>
    private static readonly Dictionary<string, string[]> KeyFigures = new(StringComparer.Ordinal)
    {
        ["01-seed-story"] =
        [
            "51.0 %", "37.5 %", "5,523", "10,829", "+4.8 pp", "✗ does not fit", "✓ fits", "+4.2 pp", "“more than a third”",
            "50.1 % to 51.9 %", "+3.4 to +6.1 pp", "did not list its forces",
        ],
        ["02-national-aggregation"] =
        [
            "3,696", "Action Fraud", "✓ Every row is accounted for", "23.0 %", "260,898", "1,135,630", "6 of 43 forces", "99.8 % limits",
            "above 99.8 % (3)", "below 99.8 % (3)", "φ = 512.17", "1–2", "-0.5 pp", "-0.7 to -0.3 pp",
        ],
        ["03-your-own-foi-table"] = ["+4.3 pp", "3,902", "10,736", "+3.0 to +5.6 pp", "z = 6.38", "31.1 % to 33.0 %", "35.4 % to 37.3 %", "DifferentPeriodKind"],
        ["04-columnar-and-dataframes"] =
        [
            "450,912 rows read, 450,912 kept", "✓ Every row is accounted for", "16.3 %", "786,413", "4,818,517", "43 of 43 forces",
            "46.7 %", "13,170", "28,228", "Violence against the person",
        ],
        ["05-outcome-16-over-the-years"] =
        [
            "786,413", "4,818,517", "16.3 %", "19,379", "84,350", "23.0 %", "22,907", "89,821", "+2.5 pp", "+2.1 to +2.9 pp", "z = 12.30",
            "not in the framework", "force-quarters of 2014/15 not provided", "a partial-year release; it lacks Q3, Q4", "West Mercia 25.1 %",
        ],
    };

    /// <summary>
    /// What a notebook must show outside CrimeOutcomes' formatters (console text, and the tables that
    /// Microsoft.Data.Analysis' own notebook extension renders for a DataFrame), as text with the tags taken out, hand-checked:
    /// the 2017/18 dataset holds 44 recorded-crime figures, 44 × 21 × 2 − 44 = 1,804 outcome counts and 44 missing
    /// figures (outcome 0 has no closed-basis figure, `--`), 1,892 rows; outcome 16, recorded basis: Metropolitan Police
    /// 95,826, Greater Manchester 50,697; by offence group over the 43 forces, violence against the person 494,822,
    /// public order offences 87,990 (summed with Python's csv module from the file).
    /// </summary>
    private static readonly Dictionary<string, string[]> OtherFigures = new(StringComparer.Ordinal)
    {
        ["04-columnar-and-dataframes"] =
        [
            "1,804 outcome counts and 44 missing figures, the same as imported: True", "1,892 rows, 15 columns",
            "44 missing figures: outcome 0, closed basis, not_applicable", "450,912 rows",
            "0 outcome_count force Metropolitan Police E23000001 financial_year 2017/18 All crime",
            "recorded 16 Evidential difficulties (victim does not support action) 95826",
            "1 outcome_count force Greater Manchester E23000005",
            "0 Violence against the person 494822 1 Public order offences 87990",
        ],
    };

    public static TheoryData<string> DocsNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in NotebookKernel.DocsNotebooks(RepositoryRoot()))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocsNotebooks))]
    public void Every_notebook_in_docs_runs_green_under_the_real_kernel(string notebook)
    {
        var run = kernel.Run(Path.Combine(kernel.RepositoryRoot, notebook));
        log.WriteLine($"{notebook}: exit code {run.Process.ExitCode} in {run.Process.Elapsed.TotalSeconds:F1} s (pack {kernel.Pack.Elapsed.TotalSeconds:F1} s{(kernel.ToolInstall is { } t ? $", tool install {t.Elapsed.TotalSeconds:F1} s" : string.Empty)})");

        run.Process.ExitCode.Should().Be(0, "every cell must succeed:\n{0}", run.Describe());
        run.Errors.Should().BeEmpty(run.Describe());
        run.Cells.Should().NotBeEmpty();

        // The package's extension was loaded by #r alone, and its formatters rendered the results.
        run.Outputs.Should().Contain(o => o.Text.Contains("interactive-extensions/dotnet/extension.dib", StringComparison.Ordinal)
            && o.Text.Contains(kernel.PackageVersion, StringComparison.Ordinal), "the package's extension.dib must load:\n{0}", run.Describe());
        var html = run.CrimeOutcomesHtml.ToArray();
        html.Should().NotBeEmpty("CrimeOutcomes' formatters must render the results:\n{0}", run.Describe());
        foreach (var fragment in html)
        {
            // Self-contained and well-formed: parses as XML, no script, no external resource.
            var root = XDocument.Parse(fragment).Root!;
            root.Descendants().Select(e => e.Name.LocalName).Should().NotContain("script");
            root.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName is "src" or "href").Should().BeEmpty();
        }

        var name = Path.GetFileNameWithoutExtension(notebook);
        var rendered = string.Join("\n", html.Select(h => XDocument.Parse(h).Root!.Value));
        KeyFigures.Should().ContainKey(name, "each docs notebook lists the figures it must show (add them to KeyFigures)");
        foreach (var figure in KeyFigures[name])
        {
            rendered.Should().Contain(figure, "{0} must show {1} in the HTML of CrimeOutcomes' formatters", notebook, figure);
        }

        var shown = run.OtherOutputText;
        foreach (var figure in OtherFigures.GetValueOrDefault(name, []))
        {
            shown.Should().Contain(figure, "{0} must show {1} in its console output or a DataFrame's table", notebook, figure);
        }
    }

    [Fact]
    public void A_notebook_with_a_failing_cell_fails_the_run()
    {
        var notebook = Path.Combine(AppContext.BaseDirectory, "Broken", "broken.dib");

        var run = kernel.Run(notebook);
        log.WriteLine($"broken.dib: exit code {run.Process.ExitCode} in {run.Process.Elapsed.TotalSeconds:F1} s");

        run.Process.ExitCode.Should().Be(2, "dotnet-repl exits with 2 when a cell fails:\n{0}", run.Describe());
        run.Errors.Should().ContainSingle(run.Describe()).Which.Text.Should().Contain("West Mercia, 2030");
        // The cell before the broken one ran and the extension rendered it: the failure is the broken cell's alone.
        run.CrimeOutcomesHtml.Should().ContainSingle().Which.Should().Contain("10,829");
    }

    [Fact]
    public void The_package_line_is_rewritten_only_in_code_cells()
    {
        const string notebook = "#!markdown\n\nLoad it with\n#r \"nuget: CrimeOutcomes\"\n\n#!csharp\n\n#r \"nuget: CrimeOutcomes, 1.2.3\"\n1 + 1\n";

        var rewritten = kernel.RewriteDib(notebook);

        rewritten.Should().Be(
            $"#!markdown\n\nLoad it with\n#r \"nuget: CrimeOutcomes\"\n\n#!csharp\n\n#i \"nuget: {kernel.Feed}\"\n#r \"nuget: CrimeOutcomes, {kernel.PackageVersion}\"\n1 + 1\n");
        kernel.Invoking(k => k.RewriteDib("#!csharp\n\n1 + 1\n")).Should().Throw<InvalidOperationException>().WithMessage("*found 0*");
    }

    [Fact]
    public void The_columnar_package_line_is_pointed_at_the_packed_columnar_package_of_the_same_version()
    {
        const string notebook = "#!csharp\n\n#r \"nuget: CrimeOutcomes\"\n#r \"nuget: CrimeOutcomes.Columnar\"\n\n#!markdown\n\n#r \"nuget: CrimeOutcomes.Columnar\"\n";

        var rewritten = kernel.RewriteDib(notebook);

        rewritten.Should().Be(
            $"#!csharp\n\n#i \"nuget: {kernel.Feed}\"\n#r \"nuget: CrimeOutcomes, {kernel.PackageVersion}\"\n#r \"nuget: CrimeOutcomes.Columnar, {kernel.PackageVersion}\"\n\n#!markdown\n\n#r \"nuget: CrimeOutcomes.Columnar\"\n");
        kernel.Invoking(k => k.RewriteDib("#!csharp\n\n#r \"nuget: CrimeOutcomes.Columnar\"\n")).Should().Throw<InvalidOperationException>().WithMessage("*found 0*");
        File.Exists(Path.Combine(kernel.Feed, $"CrimeOutcomes.Columnar.{kernel.PackageVersion}.nupkg")).Should().BeTrue();
    }

    [Fact]
    public void The_package_line_of_an_ipynb_notebook_is_rewritten_in_its_code_cell_only()
    {
        const string notebook = """
            {"cells": [
              {"cell_type": "markdown", "source": ["#r \"nuget: CrimeOutcomes\""]},
              {"cell_type": "code", "source": ["#r \"nuget: CrimeOutcomes\"\n", "1 + 1"]}
            ]}
            """;

        var cells = System.Text.Json.Nodes.JsonNode.Parse(kernel.RewriteIpynb(notebook))!["cells"]!.AsArray();

        cells[0]!["source"]![0]!.GetValue<string>().Should().Be("#r \"nuget: CrimeOutcomes\"");
        cells[1]!["source"]!.GetValue<string>().Should().Be($"#i \"nuget: {kernel.Feed}\"\n#r \"nuget: CrimeOutcomes, {kernel.PackageVersion}\"\n1 + 1");
    }

    private static string RepositoryRoot() => RepositoryPaths.Root;
}
