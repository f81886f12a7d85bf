using System.Globalization;
using System.Text;
using System.Text.Json;
using CrimeOutcomes.Export;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Cli;

/// <summary>
/// Prints a ratio over several years: areas × years as a table, csv or json, wide or long, with the change from
/// year to year (or first to last, wide) and its z-test, what the framework did not yet hold, and the known issues
/// of the data. Lines as <see cref="RatioTable"/>: each force or region, British Transport Police on its own, the national line.
/// </summary>
internal static class SeriesTable
{
    private const int NameWidth = 28;
    private const int YearWidth = 9;

    public static void Print(ImportResult result, RatioRequest request, TextWriter output)
    {
        var definition = request.Definition;
        var scope = request.CrimeScope;
        var data = result.Dataset;
        var calculator = new OutcomeRatioCalculator();
        var registry = ForceRegistry.Default;
        var years = request.Years.Select(y => (ReportingPeriod)y).ToArray();
        IReadOnlyList<RatioSeries> lines = request.By == "region"
            ? [.. registry.Regions.Select(region => calculator.Series(data, definition, region, years, scope, request.Basis)).Where(HasAnyRatio)]
            : calculator.SeriesByForce(data, definition, registry.EnglandAndWales, years, scope, request.Basis);
        if (lines.Count == 0)
        {
            throw new KeyNotFoundException($"The files have no figures for {request.Years[0]} to {request.Years[^1]}, {scope} on the {request.Basis.ToDisplayName()}.");
        }

        var others = registry.EnglandAndWalesAndBritishTransportPolice.Forces.Where(f => !f.IsTerritorial)
            .Select(force => calculator.Series(data, definition, force, years, scope, request.Basis))
            .Where(HasAnyRatio);
        lines = [.. lines, .. others];
        var national = calculator.Series(data, definition, request.NationalArea, years, scope, request.Basis);
        switch (request.Format)
        {
            case "csv":
                CsvExport.WriteSeries([.. lines, national], output, request.Layout);
                break;
            case "json":
                WriteJson(output, request, lines, national);
                break;
            default:
                WriteTable(output, request, lines, national);
                break;
        }
    }

    private static bool HasAnyRatio(RatioSeries series) => series.Points.Any(p => p.Ratio is not null);

    private static void WriteTable(TextWriter output, RatioRequest request, IReadOnlyList<RatioSeries> lines, RatioSeries national)
    {
        var definition = national.Definition;
        output.WriteLine($"{definition.Name} over {definition.DenominatorLabel}: {request.Years[0]} to {request.Years[^1]}, {national.Scope}, {RatioTable.BasisText(request.Basis)}");
        output.WriteLine();
        var header = request.By == "region" ? "Region" : "Force";
        var ordered = lines.OrderBy(s => s.Area is PoliceForce { IsTerritorial: false }).ThenBy(s => s.Area.Name, StringComparer.Ordinal).ToArray();
        if (request.Layout == SeriesLayout.Long)
        {
            WriteLong(output, header, ordered, national);
        }
        else
        {
            WriteWide(output, header, ordered, national);
        }

        output.WriteLine();
        output.WriteLine("'n/f': the outcome was not in the framework that year (never 0 %); '–': no figures; '*': the change is significant at 95 % (two-proportion z-test).");
        var notes = national.Points.Where(p => !p.HasValue || p.Coverage is { IsComplete: false } or { IsPartial: true })
            .Select(p => $"{national.Area.Name}, {p.Period}: {p.Absence ?? p.Ratio?.UndefinedReason ?? $"covers {p.Coverage}"}");
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }

        foreach (var change in OutcomeFrameworkHistory.Changes.Where(c => request.Years.Any(y => c.FallsIn(y))))
        {
            output.WriteLine($"framework: {change}");
        }

        foreach (var warning in WarningLines(lines.Append(national).SelectMany(s => s.Warnings)))
        {
            output.WriteLine($"warning: {warning}");
        }
    }

    /// <summary>One line per issue and area: its message when it touches one year, its years and title when several.</summary>
    private static IEnumerable<string> WarningLines(IEnumerable<DataWarning> warnings)
        => warnings.GroupBy(w => (w.Issue.Id, Area: w.Area.Name))
            .Select(g => g.Select(w => w.Period).Distinct().Order().ToArray() is { Length: > 1 } periods
                ? $"{g.Key.Area}, {periods[0]} to {periods[^1]} ({periods.Length} periods): {g.First().Issue.Title}. {g.First().Issue.Description}"
                : g.First().Message)
            .Distinct(StringComparer.Ordinal);

    private static void WriteWide(TextWriter output, string header, IReadOnlyList<RatioSeries> lines, RatioSeries national)
    {
        var title = new StringBuilder($"{header,-NameWidth}");
        foreach (var period in national.Periods)
        {
            title.Append(CultureInfo.InvariantCulture, $" {period,YearWidth}");
        }

        output.WriteLine(title.Append("  change").ToString());
        foreach (var series in lines)
        {
            output.WriteLine(WideLine(series));
        }

        output.WriteLine(new string('-', title.Length + 10));
        output.WriteLine(WideLine(national));
    }

    private static string WideLine(RatioSeries series)
    {
        var line = new StringBuilder($"{RatioTable.Clip(series.Area.Name, NameWidth),-NameWidth}");
        foreach (var point in series.Points)
        {
            line.Append(CultureInfo.InvariantCulture, $" {Cell(point),YearWidth}");
        }

        return line.Append("  ").Append(ChangeText(series.Overall, withPeriods: true)).ToString().TrimEnd();
    }

    private static void WriteLong(TextWriter output, string header, IReadOnlyList<RatioSeries> lines, RatioSeries national)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{header,-NameWidth} {"year",-8} {"numerator",12} {"denominator",14} {"ratio",9} {"change",11}  coverage");
        output.WriteLine(title);
        foreach (var series in lines)
        {
            WriteLongLines(output, series);
        }

        output.WriteLine(new string('-', title.Length));
        WriteLongLines(output, national);
    }

    private static void WriteLongLines(TextWriter output, RatioSeries series)
    {
        for (var i = 0; i < series.Points.Count; i++)
        {
            var point = series.Points[i];
            var name = RatioTable.Clip(series.Area.Name, NameWidth);
            var change = i == 0 ? string.Empty : ChangeText(series.Changes[i - 1], withPeriods: false);
            output.WriteLine(point.Ratio is { HasCounts: true } ratio
                ? string.Create(CultureInfo.InvariantCulture, $"{name,-NameWidth} {point.Period,-8} {ratio.Numerator,12:N0} {ratio.Denominator,14:N0} {Cell(point),9} {change,11}  {ratio.Coverage}")
                : string.Create(CultureInfo.InvariantCulture, $"{name,-NameWidth} {point.Period,-8} {point.Absence ?? point.Ratio?.UndefinedReason}"));
        }
    }

    /// <summary>"22.9 %", "n/f" (not in the framework), "–" (no figures or no counts).</summary>
    private static string Cell(RatioSeriesPoint point)
        => point.Framework == FrameworkStatus.NotInFramework ? "n/f"
            : point.HasValue ? point.Ratio!.FormatPercent(1)
            : "–";

    /// <summary>"+1.2 pp*" (with "2017/18→2019/20 " before it when asked), or empty when there is no comparison.</summary>
    private static string ChangeText(RatioSeriesChange? change, bool withPeriods)
    {
        if (change?.Difference is not { } difference)
        {
            return string.Empty;
        }

        // A change too small to show at one decimal (significant or not, on millions of crimes) shows two.
        var format = Math.Abs(difference.PercentagePoints) < 0.05m ? "+0.00;-0.00;0.00" : "+0.0;-0.0;0.0";
        var text = string.Create(CultureInfo.InvariantCulture, $"{difference.PercentagePoints.ToString(format, CultureInfo.InvariantCulture)} pp{(difference.IsSignificantAt(0.95) ? "*" : string.Empty)}");
        return withPeriods ? $"{text} ({change.From.Period}→{change.To.Period})" : text;
    }

    private static void WriteJson(TextWriter output, RatioRequest request, IReadOnlyList<RatioSeries> lines, RatioSeries national)
    {
        var definition = national.Definition;
        RatioTable.WriteJsonObject(output, definition, json =>
        {
            json.WriteStartArray("periods");
            foreach (var period in national.Periods)
            {
                json.WriteStringValue(period.ToString());
            }

            json.WriteEndArray();
            json.WriteString("scope", national.Scope.ToString());
            json.WriteString("basis", request.Basis.ToShortName());
            json.WriteStartArray(request.By == "region" ? "regions" : "forces");
            foreach (var series in lines)
            {
                WriteJsonSeries(json, series);
            }

            json.WriteEndArray();
            json.WritePropertyName("national");
            WriteJsonSeries(json, national);
            json.WriteStartArray("frameworkChanges");
            foreach (var change in national.FrameworkChanges)
            {
                json.WriteStartObject();
                json.WriteString("date", change.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("description", change.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static void WriteJsonSeries(Utf8JsonWriter json, RatioSeries series)
    {
        json.WriteStartObject();
        json.WriteString("area", series.Area.Name);
        if (series.Area.Code is { } code)
        {
            json.WriteString("areaCode", code);
        }

        json.WriteStartArray("points");
        foreach (var point in series.Points)
        {
            json.WriteStartObject();
            json.WriteString("period", point.Period.ToString());
            json.WriteString("framework", JsonNamingPolicy.CamelCase.ConvertName(point.Framework.ToString()));
            var ratio = point.Ratio;
            WriteNumberOrNull(json, "numerator", ratio is { HasCounts: true } ? ratio.Numerator : null);
            WriteNumberOrNull(json, "denominator", ratio is { HasCounts: true } ? ratio.Denominator : null);
            if (ratio?.Percent is { } percent)
            {
                json.WriteNumber("percent", percent);
            }
            else
            {
                json.WriteNull("percent");
            }

            if (point.Interval is { } interval)
            {
                json.WriteNumber("lowerPercent", interval.Lower * 100);
                json.WriteNumber("upperPercent", interval.Upper * 100);
            }

            if (ratio is not null)
            {
                json.WriteString("coverage", ratio.Coverage.ToString());
            }

            if ((point.Absence ?? ratio?.UndefinedReason) is { } why)
            {
                json.WriteString("missing", why);
            }

            json.WriteStartArray("warnings");
            foreach (var warning in point.Warnings)
            {
                json.WriteStringValue(warning.Message);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("changes");
        foreach (var change in series.Changes)
        {
            json.WriteStartObject();
            json.WriteString("from", change.From.Period.ToString());
            json.WriteString("to", change.To.Period.ToString());
            if (change.Difference is { } difference)
            {
                json.WriteNumber("percentagePoints", difference.PercentagePoints);
                json.WriteNumber("pValue", difference.PValue);
                json.WriteBoolean("significant", difference.IsSignificantAt(0.95));
            }
            else
            {
                json.WriteNull("percentagePoints");
                json.WriteString("notCompared", change.Absence ?? (change.Comparison as Statistics.NotComparable)?.Explanation);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
