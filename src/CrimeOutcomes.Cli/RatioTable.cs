using System.Globalization;
using System.Text;
using System.Text.Json;
using CrimeOutcomes.Export;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Cli;

/// <summary>What the <c>ratios</c> command was asked for.</summary>
/// <remarks>
/// <paramref name="WithBritishTransportPolice"/> takes the national line over England and Wales and BTP instead of
/// England and Wales; <paramref name="Layout"/> lays out several years.
/// </remarks>
internal sealed record RatioRequest(string Outcomes, string By, IReadOnlyList<FinancialYear> Years, string? Scope, CountBasis Basis, RatioDenominator Denominator, string Format,
    bool WithBritishTransportPolice = false, SeriesLayout Layout = SeriesLayout.Wide)
{
    /// <summary>The year of a one-year request (the last of several).</summary>
    public FinancialYear Year => Years[^1];

    /// <summary>The ratio asked for.</summary>
    public RatioDefinition Definition => RatioDefinition.OutcomeRate(Denominator, [.. Outcomes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(OutcomeCatalogue.Default.Parse)]);

    /// <summary>The crimes asked for.</summary>
    public CrimeScope CrimeScope => Scope is null ? CrimeScope.AllCrime : CrimeScope.AllCrime.WithOffenceGroup(Scope);

    /// <summary>The national line's area.</summary>
    public Area NationalArea => WithBritishTransportPolice ? ForceRegistry.Default.EnglandAndWalesAndBritishTransportPolice : ForceRegistry.Default.EnglandAndWales;
}

/// <summary>
/// Prints ratios by force or region with the national line, as a table, csv or json. British Transport Police, which
/// no region or police force area holds, has its own line whenever the files have figures for it; the national line
/// is England and Wales, or England and Wales and BTP when asked.
/// </summary>
internal static class RatioTable
{
    public static void Print(ImportResult result, RatioRequest request, TextWriter output)
    {
        var definition = request.Definition;
        var scope = request.CrimeScope;
        var data = result.Dataset;
        var calculator = new OutcomeRatioCalculator();
        var registry = ForceRegistry.Default;
        var lines = request.By == "region"
            ? registry.Regions.Select(region => TryCalculate(calculator, data, definition, region, request.Year, scope, request.Basis)).OfType<Ratio>().ToArray()
            : calculator.ByForce(data, definition, registry.EnglandAndWales, request.Year, scope, request.Basis);
        if (lines.Count == 0)
        {
            throw new KeyNotFoundException($"The files have no figures for {request.Year}, {scope} on the {request.Basis.ToDisplayName()}.");
        }

        var nationalForces = registry.EnglandAndWalesAndBritishTransportPolice.Forces.Where(f => !f.IsTerritorial)
            .Select(force => TryCalculate(calculator, data, definition, force, request.Year, scope, request.Basis))
            .OfType<Ratio>()
            .ToArray();
        lines = [.. lines, .. nationalForces];
        var national = calculator.Calculate(data, definition, request.NationalArea, request.Year, scope, request.Basis);
        switch (request.Format)
        {
            case "csv":
                CsvExport.WriteRatios([.. lines, national], output);
                break;
            case "json":
                WriteJson(output, definition, request, scope, lines, national);
                break;
            default:
                WriteTable(output, definition, request, scope, lines, national);
                break;
        }
    }

    private static Ratio? TryCalculate(OutcomeRatioCalculator calculator, OutcomeDataset data, RatioDefinition definition, Area area, FinancialYear year, CrimeScope scope, CountBasis basis)
    {
        try
        {
            return calculator.Calculate(data, definition, area, year, scope, basis);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static void WriteTable(TextWriter output, RatioDefinition definition, RatioRequest request, CrimeScope scope, IReadOnlyList<Ratio> lines, Ratio national)
    {
        output.WriteLine($"{definition.Name} over {definition.DenominatorLabel}: {request.Year}, {scope}, {BasisText(request.Basis)}");
        output.WriteLine();
        var header = request.By == "region" ? "Region" : "Force";
        var numerator = Clip(definition.NumeratorLabel, 16);
        var denominator = Clip(definition.DenominatorLabel, 20);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{header,-28} {numerator,16} {denominator,20} {"ratio",9}  coverage"));
        foreach (var ratio in lines.OrderBy(r => r.Key!.Value.Area is PoliceForce { IsTerritorial: false }).ThenBy(r => r.Key!.Value.Area.Name, StringComparer.Ordinal))
        {
            WriteLine(output, ratio.Key!.Value.Area.Name, ratio);
        }

        output.WriteLine(new string('-', 28 + 1 + 16 + 1 + 20 + 1 + 9));
        WriteLine(output, national.Coverage.Area.Name, national);
        if (!national.Coverage.IsComplete)
        {
            var missing = national.Coverage.Missing;
            output.WriteLine(missing.Count <= 10
                ? $"The national line covers {national.Coverage}: the forces missing are {string.Join(", ", missing.Select(f => f.Name))}."
                : $"The national line covers {national.Coverage}: {missing.Count} forces have no figures in the files.");
        }
    }

    private static void WriteLine(TextWriter output, string name, Ratio ratio)
        => output.WriteLine(ratio.HasCounts
            ? string.Create(CultureInfo.InvariantCulture, $"{Clip(name, 28),-28} {ratio.Numerator,16:N0} {ratio.Denominator,20:N0} {ratio.FormatPercent(1),9}  {ratio.Coverage}")
            : $"{Clip(name, 28),-28} {ratio.UndefinedReason}");

    internal static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    internal static string BasisText(CountBasis basis) => basis switch
    {
        CountBasis.Recorded => "recorded basis (outcomes to date of offences recorded in the year)",
        CountBasis.Closed => "closed basis (outcomes assigned in the year)",
        _ => "basis unstated",
    };

    /// <summary>
    /// Writes one indented JSON object that starts with the ratio's name and labels, then <paramref name="members"/>
    /// (relaxed escaping, so that "Devon &amp; Cornwall" stays readable).
    /// </summary>
    internal static void WriteJsonObject(TextWriter output, RatioDefinition definition, Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("ratio", definition.Name);
            json.WriteString("numerator", definition.NumeratorLabel);
            json.WriteString("denominator", definition.DenominatorLabel);
            members(json);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJson(TextWriter output, RatioDefinition definition, RatioRequest request, CrimeScope scope, IReadOnlyList<Ratio> lines, Ratio national)
    {
        WriteJsonObject(output, definition, json =>
        {
            json.WriteString("period", request.Year.ToString());
            json.WriteString("scope", scope.ToString());
            json.WriteString("basis", request.Basis.ToShortName());
            json.WriteStartArray(request.By == "region" ? "regions" : "forces");
            foreach (var ratio in lines)
            {
                WriteJsonRatio(json, ratio.Key!.Value.Area, ratio);
            }

            json.WriteEndArray();
            json.WritePropertyName("national");
            WriteJsonRatio(json, national.Coverage.Area, national);
        });
    }

    private static void WriteJsonRatio(Utf8JsonWriter json, Area area, Ratio ratio)
    {
        json.WriteStartObject();
        json.WriteString("area", area.Name);
        if (area.Code is { } code)
        {
            json.WriteString("areaCode", code);
        }

        if (ratio.HasCounts)
        {
            json.WriteNumber("numerator", ratio.Numerator);
            json.WriteNumber("denominator", ratio.Denominator);
        }
        else
        {
            json.WriteNull("numerator");
            json.WriteNull("denominator");
            json.WriteString("missing", ratio.UndefinedReason);
        }

        if (ratio.Percent is { } percent)
        {
            json.WriteNumber("percent", percent);
        }
        else
        {
            json.WriteNull("percent");
        }

        json.WriteNumber("forcesCovered", ratio.Coverage.ForcesCovered);
        json.WriteNumber("forcesInArea", ratio.Coverage.ForcesInArea);
        json.WriteString("coverage", ratio.Coverage.ToString());
        json.WriteEndObject();
    }
}
