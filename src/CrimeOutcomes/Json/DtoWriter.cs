namespace CrimeOutcomes.Json;

/// <summary>
/// Turns domain values into the JSON shapes. Forces are written as their ONS code (a national force without one,
/// as its name); groups are declared once in the document's "groups" and referred to by an id made of their kind
/// and name, which cannot be mistaken for a force.
/// </summary>
internal sealed class DtoWriter
{
    private readonly Dictionary<Area, string> _ids = [];
    private readonly List<GroupDto?> _groups = [];

    /// <summary>The groups referred to so far, each after the groups it refers to.</summary>
    public IReadOnlyList<GroupDto?> Groups => _groups;

    public static string ForceReference(PoliceForce force) => force.AreaCode?.Value ?? force.Name;

    public string Area(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area switch
        {
            PoliceForce force => ForceReference(force),
            ForceGroup group => Declare(group),
            _ => throw new ArgumentException($"The area {area.Name} is neither a force nor a group of forces.", nameof(area)),
        };
    }

    public static PeriodDto Period(ReportingPeriod period) => new()
    {
        Kind = JsonNames.PeriodKinds.Name(period.Kind),
        Value = period.ToString(),
    };

    public static ScopeDto Scope(CrimeScope scope) => new()
    {
        Name = scope.Name,
        OffenceGroup = scope.OffenceGroup,
        OffenceSubgroup = scope.OffenceSubgroup,
        OffenceCode = scope.OffenceCode?.Value,
    };

    public FigureKeyDto Key(FigureKey key) => new() { Area = Area(key.Area), Period = Period(key.Period), Scope = Scope(key.Scope) };

    public DatasetDocument Dataset(OutcomeDataset dataset)
    {
        var recorded = dataset.RecordedCrimes.Select(f => (RecordedCrimeDto?)new RecordedCrimeDto
        {
            Area = Area(f.Key.Area),
            Period = Period(f.Key.Period),
            Scope = Scope(f.Key.Scope),
            Count = f.Count,
        }).ToArray();
        var outcomes = dataset.OutcomeCounts.Select(f => (OutcomeCountDto?)new OutcomeCountDto
        {
            Area = Area(f.Key.Area),
            Period = Period(f.Key.Period),
            Scope = Scope(f.Key.Scope),
            Basis = JsonNames.Bases.Name(f.Basis),
            Outcome = f.Outcome.Code,
            Count = f.Count,
        }).ToArray();
        return new DatasetDocument
        {
            SchemaVersion = CrimeOutcomesJson.SchemaVersion,
            Groups = Groups,
            RecordedCrimes = recorded,
            OutcomeCounts = outcomes,
            MissingFigures = MissingFigures(dataset.MissingFigures),
            Gaps = Gaps(dataset.Gaps),
        };
    }

    public CoverageDto Coverage(Coverage coverage) => new()
    {
        Area = Area(coverage.Area),
        ForcesCovered = coverage.ForcesCovered,
        Contributing = coverage.IsListed ? coverage.Contributing.Select(ForceReference).ToArray() : null,
        Gaps = Gaps(coverage.Gaps),
    };

    public RatioDto Ratio(Ratio ratio) => new()
    {
        // A ratio without counts writes them as null, never as zeros, and says which figures are missing.
        Numerator = ratio.HasCounts ? ratio.Numerator : null,
        Denominator = ratio.HasCounts ? ratio.Denominator : null,
        MissingFigures = MissingFigures(ratio.MissingFigures),
        NumeratorLabel = ratio.NumeratorLabel,
        DenominatorLabel = ratio.DenominatorLabel,
        Basis = JsonNames.Bases.Name(ratio.Basis),
        Coverage = Coverage(ratio.Coverage),
        Key = ratio.Key is { } key ? Key(key) : null,
        Definition = ratio.Definition is { } definition
            ? new RatioDefinitionDto
            {
                Name = definition.Name,
                Numerator = definition.Numerator.Select(o => o.Code).ToArray(),
                Denominator = JsonNames.Denominators.Name(definition.Denominator),
                MissingOutcomesCountAsZero = definition.MissingOutcomesCountAsZero,
            }
            : null,
    };

    public RatioChangeDto Change(RatioChange change) => new() { From = Ratio(change.From), To = Ratio(change.To) };

    public AreaAggregateDto Aggregate(AreaAggregate aggregate) => new()
    {
        Area = Area(aggregate.Key.Area),
        Period = Period(aggregate.Key.Period),
        Scope = Scope(aggregate.Key.Scope),
        Basis = JsonNames.Bases.Name(aggregate.Basis),
        IsComputed = aggregate.IsComputed,
        RecordedCrimes = aggregate.RecordedCrimes,
        RecordedCrimesCoverage = Coverage(aggregate.RecordedCrimesCoverage),
        OutcomeCounts = aggregate.OutcomeCounts.OrderBy(c => c.Key)
            .Select(c => (OutcomeCountEntryDto?)new OutcomeCountEntryDto { Outcome = c.Key.Code, Count = c.Value })
            .ToArray(),
        OutcomeCountsCoverage = Coverage(aggregate.OutcomeCountsCoverage),
        MissingOutcomes = MissingFigures(aggregate.MissingOutcomes.OrderBy(m => m.Key).SelectMany(m => m.Value).ToArray()),
    };

    /// <summary>
    /// <paramref name="items"/>, or null when there are none, which leaves the member out of the document (a document
    /// without such figures is then the one earlier versions wrote). The members' [DisallowNull] is for reading, where an
    /// explicit null is refused; writing null is what leaves them out, hence the one null-forgiving operator.
    /// </summary>
    private static T?[] LeftOutWhenEmpty<T>(T?[] items)
        where T : class
        => items.Length == 0 ? null! : items;

    private MissingFigureDto?[] MissingFigures(IReadOnlyList<MissingFigure> missing)
        => LeftOutWhenEmpty(missing.Select(m => (MissingFigureDto?)new MissingFigureDto
        {
            Area = Area(m.Key.Area),
            Period = Period(m.Key.Period),
            Scope = Scope(m.Key.Scope),
            Basis = Basis(m.Basis),
            Outcome = m.Outcome?.Code,
            Absence = JsonNames.Absences.Name(m.Absence),
        }).ToArray());

    private static FigureGapDto?[] Gaps(IReadOnlyList<FigureGap> gaps)
        => LeftOutWhenEmpty(gaps.Select(g => (FigureGapDto?)new FigureGapDto
        {
            Force = ForceReference(g.Force),
            Quarter = g.Quarter.ToString(),
            Basis = Basis(g.Basis),
            Absence = JsonNames.Absences.Name(g.Absence),
        }).ToArray());

    private static string? Basis(CountBasis? basis) => basis is { } known ? JsonNames.Bases.Name(known) : null;

    private string Declare(ForceGroup group)
    {
        if (_ids.TryGetValue(group, out var id))
        {
            return id;
        }

        var within = group.Within is { } area ? Area(area) : null;
        id = $"{JsonNames.GroupKinds.Name(group.Kind)}:{group.Name}";
        _ids.Add(group, id);
        _groups.Add(new GroupDto
        {
            Id = id,
            Kind = JsonNames.GroupKinds.Name(group.Kind),
            Name = group.Name,
            Code = group.Code,
            Members = group.IsMembershipListed ? group.Forces.Select(ForceReference).ToArray() : null,
            ForceCount = group.IsMembershipListed ? null : group.ForceCount,
            Within = within,
        });
        return id;
    }
}
