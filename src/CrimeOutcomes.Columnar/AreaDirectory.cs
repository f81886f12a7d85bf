using CrimeOutcomes.Json;

namespace CrimeOutcomes.Columnar;

/// <summary>
/// The groups of forces a file refers to, kept in its key-value metadata (<see cref="Key"/>) in the CrimeOutcomes JSON
/// format (one missing-figure entry per group, whose "groups" declare the members and what each group is drawn from),
/// so a group read back is the group written. Forces need no directory: their ONS code or name is in the rows.
/// </summary>
internal static class AreaDirectory
{
    public const string Key = "crimeoutcomes.groups";

    private static readonly FigureKey Placeholder = new(ForceRegistry.Default.EnglandAndWales, CalendarYear.Parse("2000"), CrimeScope.AllCrime);

    public static string? Write(IEnumerable<Area> areas)
    {
        var builder = new OutcomeDatasetBuilder();
        var any = false;
        foreach (var group in areas.OfType<ForceGroup>().Distinct())
        {
            builder.AddMissingRecordedCrimes(Placeholder with { Area = group }, FigureAbsence.NotReported);
            any = true;
        }

        return any ? CrimeOutcomesJson.Serialize(builder.Build()) : null;
    }

    public static Dictionary<(AreaKind Kind, string Name), Area> Read(string? json, ColumnarReadOptions options, string path)
    {
        var groups = new Dictionary<(AreaKind, string), Area>();
        if (json is null)
        {
            return groups;
        }

        OutcomeDataset directory;
        try
        {
            directory = CrimeOutcomesJson.DeserializeDataset(json, new CrimeOutcomesJsonOptions { Registry = options.Registry, Catalogue = options.Catalogue });
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ColumnarSchemaException(path, null, $"the groups in its key-value metadata '{Key}' cannot be read: {e.Message}");
        }

        foreach (var figure in directory.MissingFigures)
        {
            groups[(figure.Key.Area.Kind, figure.Key.Area.Name)] = figure.Key.Area;
        }

        return groups;
    }
}
