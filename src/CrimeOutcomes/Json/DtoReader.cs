namespace CrimeOutcomes.Json;

/// <summary>
/// Turns the JSON shapes back into domain values, resolving force references through the registry, group
/// references through the document's "groups", and outcome codes through the catalogue. Every failure is a
/// <see cref="System.Text.Json.JsonException"/> whose message starts with the JSON path of the offending value.
/// </summary>
internal sealed class DtoReader
{
    private readonly IForceRegistry _registry;
    private readonly IOutcomeCatalogue _catalogue;
    private readonly Dictionary<string, (GroupDto Dto, string Path)> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Area> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    public DtoReader(CrimeOutcomesJsonOptions options, IReadOnlyList<GroupDto?> groups)
    {
        _registry = options.Registry;
        _catalogue = options.Catalogue;
        for (var i = 0; i < groups.Count; i++)
        {
            var path = $"$.groups[{i}]";
            var group = JsonErrors.NotNull(groups[i], path, "a group object");
            if (_declared.TryGetValue(group.Id, out var earlier))
            {
                throw JsonErrors.At($"{path}.id", $"The group id {JsonErrors.Quote(group.Id)} is already declared at {earlier.Path}.");
            }

            if (PoliceForceAreaCode.TryParse(group.Id, out _) || _registry.TryGet(group.Id, out _))
            {
                throw JsonErrors.At($"{path}.id", $"The group id {JsonErrors.Quote(group.Id)} is also a police force reference; choose an id that names no force (such as 'group:{group.Name}').");
            }

            _declared.Add(group.Id, (group, path));
        }

        // Resolve every declaration, so errors in unused groups and cycles are reported too, and two ids cannot name the same area.
        var seen = new Dictionary<Area, string>();
        foreach (var (id, (_, path)) in _declared)
        {
            var area = Area(id, $"{path}.id");
            if (!seen.TryAdd(area, path))
            {
                throw JsonErrors.At(path, $"The {area.Kind} '{area.Name}' is declared twice, here and at {seen[area]}.");
            }
        }
    }

    public OutcomeDataset Dataset(DatasetDocument document)
    {
        var builder = new OutcomeDatasetBuilder();
        for (var i = 0; i < document.RecordedCrimes.Count; i++)
        {
            var path = $"$.recordedCrimes[{i}]";
            var figure = JsonErrors.NotNull(document.RecordedCrimes[i], path, "a recorded-crime object");
            var key = Key(figure.Area, figure.Period, figure.Scope, path);
            JsonErrors.Guard($"{path}.count", () => builder.AddRecordedCrimes(key, figure.Count));
        }

        for (var i = 0; i < document.OutcomeCounts.Count; i++)
        {
            var path = $"$.outcomeCounts[{i}]";
            var figure = JsonErrors.NotNull(document.OutcomeCounts[i], path, "an outcome-count object");
            var key = Key(figure.Area, figure.Period, figure.Scope, path);
            var basis = JsonNames.Bases.Parse(figure.Basis, $"{path}.basis");
            var outcome = Outcome(figure.Outcome, $"{path}.outcome");
            JsonErrors.Guard($"{path}.count", () => builder.AddOutcomeCount(key, basis, outcome, figure.Count));
        }

        var missing = document.MissingFigures ?? [];
        for (var i = 0; i < missing.Count; i++)
        {
            var path = $"$.missingFigures[{i}]";
            var figure = MissingFigure(missing[i], path);
            JsonErrors.Guard($"{path}.absence", () => figure.Outcome is { } outcome
                ? builder.AddMissingOutcomeCount(figure.Key, figure.Basis!.Value, outcome, figure.Absence)
                : builder.AddMissingRecordedCrimes(figure.Key, figure.Absence));
        }

        foreach (var gap in Gaps(document.Gaps ?? [], "$.gaps", null))
        {
            builder.AddGap(gap);
        }

        return builder.Build();
    }

    public Coverage Coverage(CoverageDto dto, string path)
    {
        var area = Area(dto.Area, $"{path}.area");
        Coverage coverage;
        if (!area.IsMembershipListed)
        {
            if (dto.Contributing is not null)
            {
                throw JsonErrors.At($"{path}.contributing", $"The members of '{area.Name}' were not published, so its coverage cannot list contributing forces.");
            }

            coverage = CrimeOutcomes.Coverage.OfPublished(area);
        }
        else
        {
            var contributing = JsonErrors.NotNull(dto.Contributing, $"{path}.contributing", $"the list of the forces of '{area.Name}' that contributed");
            var forces = Forces(contributing, $"{path}.contributing");
            coverage = JsonErrors.Guard($"{path}.contributing", () => CrimeOutcomes.Coverage.OfComputed(area, forces));
        }

        if (coverage.ForcesCovered != dto.ForcesCovered)
        {
            throw JsonErrors.At($"{path}.forcesCovered", $"{dto.ForcesCovered} does not match the coverage of '{area.Name}', which covers {coverage.ForcesCovered} forces.");
        }

        return dto.Gaps is { } gaps ? coverage.WithGaps(Gaps(gaps, $"{path}.gaps", coverage)) : coverage;
    }

    public Ratio Ratio(RatioDto dto, string path)
    {
        var basis = JsonNames.Bases.Parse(dto.Basis, $"{path}.basis");
        var coverage = Coverage(dto.Coverage, $"{path}.coverage");
        FigureKey? key = dto.Key is { } k ? Key(k.Area, k.Period, k.Scope, $"{path}.key") : null;
        var definition = dto.Definition is { } d ? Definition(d, $"{path}.definition") : null;
        if (key is { } known && known.Area != coverage.Area)
        {
            throw JsonErrors.At($"{path}.coverage.area", $"The coverage is of '{coverage.Area.Name}' but the ratio is about '{known.Area.Name}'.");
        }

        var missing = MissingFigures(dto.MissingFigures ?? [], $"{path}.missingFigures");
        if (dto.Numerator is { } numerator && dto.Denominator is { } denominator)
        {
            if (missing.Length > 0)
            {
                throw JsonErrors.At($"{path}.missingFigures", "A ratio with counts has no missing figures: give null counts for a ratio without counts, or leave \"missingFigures\" out.");
            }

            return JsonErrors.Guard(path, () => new Ratio(numerator, denominator, dto.NumeratorLabel, dto.DenominatorLabel, basis, coverage)
            {
                Key = key,
                Definition = definition,
            });
        }

        if (dto.Numerator is not null || dto.Denominator is not null || missing.Length == 0)
        {
            throw JsonErrors.At($"{path}.{(dto.Numerator is null ? "numerator" : "denominator")}",
                "A count may be null only when both are, in a ratio without counts that lists in \"missingFigures\" the figures it lacks: a missing figure is never read as zero.");
        }

        return JsonErrors.Guard(path, () => CrimeOutcomes.Ratio.WithoutCounts(missing, dto.NumeratorLabel, dto.DenominatorLabel, basis, coverage) with
        {
            Key = key,
            Definition = definition,
        });
    }

    public RatioChange Change(RatioChangeDto dto, string path)
        => new(Ratio(dto.From, $"{path}.from"), Ratio(dto.To, $"{path}.to"));

    public AreaAggregate Aggregate(AreaAggregateDto dto, string path)
    {
        var key = Key(dto.Area, dto.Period, dto.Scope, path);
        var basis = JsonNames.Bases.Parse(dto.Basis, $"{path}.basis");
        if (dto.RecordedCrimes is < 0)
        {
            throw JsonErrors.At($"{path}.recordedCrimes", $"Recorded crimes cannot be negative ({dto.RecordedCrimes}).");
        }

        var recordedCoverage = Coverage(dto.RecordedCrimesCoverage, $"{path}.recordedCrimesCoverage");
        var outcomeCoverage = Coverage(dto.OutcomeCountsCoverage, $"{path}.outcomeCountsCoverage");
        foreach (var (coverage, member) in new[] { (recordedCoverage, "recordedCrimesCoverage"), (outcomeCoverage, "outcomeCountsCoverage") })
        {
            if (coverage.Area != key.Area)
            {
                throw JsonErrors.At($"{path}.{member}.area", $"The coverage is of '{coverage.Area.Name}' but the aggregate is for '{key.Area.Name}'.");
            }
        }

        var counts = new Dictionary<OutcomeType, long>();
        for (var i = 0; i < dto.OutcomeCounts.Count; i++)
        {
            var entryPath = $"{path}.outcomeCounts[{i}]";
            var entry = JsonErrors.NotNull(dto.OutcomeCounts[i], entryPath, "an outcome-count object");
            var outcome = Outcome(entry.Outcome, $"{entryPath}.outcome");
            if (!counts.TryAdd(outcome, entry.Count))
            {
                throw JsonErrors.At($"{entryPath}.outcome", $"{outcome} appears more than once in the aggregate.");
            }
        }

        return new AreaAggregate(key, basis, dto.IsComputed, dto.RecordedCrimes, recordedCoverage, counts, outcomeCoverage)
        {
            MissingOutcomes = MissingOutcomes(dto.MissingOutcomes ?? [], $"{path}.missingOutcomes", key, basis, dto.IsComputed, counts),
        };
    }

    /// <summary>
    /// An aggregate's missing outcomes, grouped by outcome type: each one an outcome count (not recorded crimes) on the
    /// aggregate's basis, period and scope, of a type it has no count for; for the area itself when the figures are
    /// its own, for one of its forces when they are summed over them.
    /// </summary>
    private Dictionary<OutcomeType, IReadOnlyList<MissingFigure>> MissingOutcomes(
        IReadOnlyList<MissingFigureDto?> dtos, string path, FigureKey key, CountBasis basis, bool isComputed, Dictionary<OutcomeType, long> counts)
    {
        var figures = MissingFigures(dtos, path);
        for (var i = 0; i < figures.Length; i++)
        {
            var (figure, itemPath) = (figures[i], $"{path}[{i}]");
            if (figure.Outcome is not { } outcome)
            {
                throw JsonErrors.At(itemPath, "An aggregate's missing outcome is an outcome count: it needs \"outcome\" and \"basis\" (recorded crimes that are missing leave \"recordedCrimes\" out instead).");
            }

            if (figure.Basis != basis)
            {
                throw JsonErrors.At($"{itemPath}.basis", $"The missing figure is on another basis than the aggregate ({basis.ToDisplayName()}).");
            }

            var ofArea = isComputed ? figure.Key.Area is PoliceForce force && key.Area.Contains(force) : figure.Key.Area == key.Area;
            if (!ofArea || (figure.Key with { Area = key.Area }) != key)
            {
                throw JsonErrors.At(itemPath, $"The missing figure is for {figure.Key}; the aggregate's are for {(isComputed ? "the forces of " : string.Empty)}{key}.");
            }

            if (counts.ContainsKey(outcome))
            {
                throw JsonErrors.At($"{itemPath}.outcome", $"The aggregate has a count of {outcome}, so it cannot also be missing.");
            }
        }

        return figures.GroupBy(f => f.Outcome!).ToDictionary(g => g.Key, g => (IReadOnlyList<MissingFigure>)g.ToArray());
    }

    /// <summary>A list of missing figures, none of them listed twice.</summary>
    private MissingFigure[] MissingFigures(IReadOnlyList<MissingFigureDto?> dtos, string path)
    {
        var figures = new MissingFigure[dtos.Count];
        var seen = new HashSet<MissingFigure>();
        for (var i = 0; i < figures.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            figures[i] = MissingFigure(dtos[i], itemPath);
            if (!seen.Add(figures[i]))
            {
                throw JsonErrors.At(itemPath, $"The missing figure {figures[i]} is listed more than once.");
            }
        }

        return figures;
    }

    /// <summary>A missing figure: recorded crimes (neither basis nor outcome) or an outcome count (both).</summary>
    private MissingFigure MissingFigure(MissingFigureDto? dto, string path)
    {
        var figure = JsonErrors.NotNull(dto, path, "a missing-figure object");
        var key = Key(figure.Area, figure.Period, figure.Scope, path);
        var absence = JsonNames.Absences.Parse(figure.Absence, $"{path}.absence");
        if (figure.Outcome is not { } code)
        {
            return figure.Basis is null
                ? new MissingFigure(key, null, null, absence)
                : throw JsonErrors.At($"{path}.basis", "Missing recorded crimes have no count basis; a missing outcome count gives \"outcome\" as well.");
        }

        var outcome = Outcome(code, $"{path}.outcome");
        var basis = figure.Basis is { } name
            ? JsonNames.Bases.Parse(name, $"{path}.basis")
            : throw JsonErrors.At(path, $"A missing count of {outcome} needs its \"basis\".");
        return new MissingFigure(key, basis, outcome, absence);
    }

    /// <summary>Force-quarters without figures, none listed twice; within a <paramref name="coverage"/>, only of the forces it includes.</summary>
    private List<FigureGap> Gaps(IReadOnlyList<FigureGapDto?> dtos, string path, Coverage? coverage)
    {
        var gaps = new List<FigureGap>(dtos.Count);
        var seen = new HashSet<FigureGap>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var dto = JsonErrors.NotNull(dtos[i], itemPath, "a gap object");
            var force = Force(dto.Force, $"{itemPath}.force");
            if (coverage is { IsListed: true } && !coverage.Contributing.Contains(force))
            {
                throw JsonErrors.At($"{itemPath}.force", $"{force.Name} does not contribute to this coverage of '{coverage.Area.Name}', so its gaps are not part of it.");
            }

            var quarter = FinancialQuarter.TryParse(dto.Quarter, out var parsed)
                ? parsed
                : throw JsonErrors.At($"{itemPath}.quarter", $"{JsonErrors.Quote(dto.Quarter)} is not a financial quarter: expected a form such as '2014/15 Q4'.");
            var basis = dto.Basis is { } name ? JsonNames.Bases.Parse(name, $"{itemPath}.basis") : (CountBasis?)null;
            var gap = new FigureGap(force, quarter, basis, JsonNames.Absences.Parse(dto.Absence, $"{itemPath}.absence"));
            if (!seen.Add(gap))
            {
                throw JsonErrors.At(itemPath, $"The gap {gap} is listed more than once.");
            }

            gaps.Add(gap);
        }

        return gaps;
    }

    private FigureKey Key(string area, PeriodDto period, ScopeDto scope, string path)
        => new(Area(area, $"{path}.area"), Period(period, $"{path}.period"), Scope(scope, $"{path}.scope"));

    private static ReportingPeriod Period(PeriodDto dto, string path)
    {
        var kind = JsonNames.PeriodKinds.Parse(dto.Kind, $"{path}.kind");
        ReportingPeriod? period = kind switch
        {
            PeriodKind.CalendarYear => CalendarYear.TryParse(dto.Value, out var year) ? year : null,
            PeriodKind.FinancialYear => FinancialYear.TryParse(dto.Value, out var year) ? year : null,
            PeriodKind.FinancialQuarter => FinancialQuarter.TryParse(dto.Value, out var quarter) ? quarter : null,
            _ => null,
        };
        return period ?? throw JsonErrors.At($"{path}.value", $"{JsonErrors.Quote(dto.Value)} is not a {dto.Kind}: expected {kind switch
        {
            PeriodKind.CalendarYear => "four digits such as '2016'",
            PeriodKind.FinancialYear => "a form such as '2016/17' or 'year ending March 2017'",
            _ => "a form such as '2016/17 Q1'",
        }}.");
    }

    private static CrimeScope Scope(ScopeDto dto, string path)
    {
        var scope = JsonErrors.Guard($"{path}.name", () => CrimeScope.Named(dto.Name));
        if (dto.OffenceGroup is { } group)
        {
            scope = JsonErrors.Guard($"{path}.offenceGroup", () => scope.WithOffenceGroup(group));
        }

        if (dto.OffenceSubgroup is { } subgroup)
        {
            scope = JsonErrors.Guard($"{path}.offenceSubgroup", () => scope.WithOffenceSubgroup(subgroup));
        }

        if (dto.OffenceCode is { } code)
        {
            scope = scope.WithOffenceCode(CrimeOutcomes.OffenceCode.TryParse(code, out var offenceCode)
                ? offenceCode
                : throw JsonErrors.At($"{path}.offenceCode", $"{JsonErrors.Quote(code)} is not an offence code: expected one to three digits and at most two letters, such as '8N' or '92A'."));
        }

        return scope;
    }

    private OutcomeType Outcome(string code, string path)
        => _catalogue.TryGetByCode(code, out var outcome)
            ? outcome
            : throw JsonErrors.At(path, $"{JsonErrors.Quote(code)} is not an outcome code of the catalogue. Known codes: {string.Join(", ", _catalogue.All.Select(o => o.Code))}.");

    private RatioDefinition Definition(RatioDefinitionDto dto, string path)
    {
        var denominator = JsonNames.Denominators.Parse(dto.Denominator, $"{path}.denominator");
        var outcomes = new OutcomeType[dto.Numerator.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var itemPath = $"{path}.numerator[{i}]";
            outcomes[i] = Outcome(JsonErrors.NotNull(dto.Numerator[i], itemPath, "an outcome code"), itemPath);
        }

        return JsonErrors.Guard(path, () => RatioDefinition.Restore(dto.Name, denominator, dto.MissingOutcomesCountAsZero, outcomes));
    }

    private PoliceForce[] Forces(IReadOnlyList<string?> references, string path)
    {
        var forces = new PoliceForce[references.Count];
        var seen = new HashSet<PoliceForce>();
        for (var i = 0; i < forces.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            forces[i] = Force(JsonErrors.NotNull(references[i], itemPath, "a force reference (ONS code or name)"), itemPath);
            if (!seen.Add(forces[i]))
            {
                throw JsonErrors.At(itemPath, $"{forces[i].Name} is listed more than once.");
            }
        }

        return forces;
    }

    private PoliceForce Force(string reference, string path)
        => Area(reference, path) as PoliceForce
            ?? throw JsonErrors.At(path, $"{JsonErrors.Quote(reference)} is a group, where a police force is expected.");

    /// <summary>Resolves an area reference: a declared group id, an ONS police force area code, or a force name.</summary>
    private Area Area(string reference, string path)
    {
        if (_resolved.TryGetValue(reference, out var known))
        {
            return known;
        }

        if (_declared.TryGetValue(reference, out var declared))
        {
            if (!_resolving.Add(reference))
            {
                throw JsonErrors.At($"{declared.Path}.within", $"The group {JsonErrors.Quote(reference)} is drawn, directly or not, from itself.");
            }

            var group = WithCheckedCode(Group(declared.Dto, declared.Path), declared.Dto.Code, declared.Path);
            _resolving.Remove(reference);
            _resolved[reference] = group;
            return group;
        }

        if (PoliceForceAreaCode.TryParse(reference, out var code))
        {
            return JsonErrors.Guard(path, () => _registry.Get(code));
        }

        var match = _registry.Match(reference);
        return match.Kind switch
        {
            ForceNameMatchKind.Force => match.Force!,
            ForceNameMatchKind.NonForce => throw JsonErrors.At(path,
                $"{JsonErrors.Quote(reference)} is not a police force but a non-force row of the published tables; a group must be declared in \"groups\" and referred to by its id."),
            _ => throw JsonErrors.At(path,
                $"{JsonErrors.Quote(reference)} is neither a declared group id nor a known police force.{(match.Suggestions.Count > 0 ? $" Nearest known forces: {string.Join(", ", match.Suggestions.Select(s => $"'{s}'"))}." : string.Empty)}"),
        };
    }

    /// <summary>The registry's own group equal to <paramref name="group"/> with the same members, so that it keeps its ONS code.</summary>
    private ForceGroup? Known(ForceGroup group)
        => group.Within is null
            ? new[] { _registry.EnglandAndWales, _registry.England, _registry.Wales, _registry.EnglandAndWalesAndBritishTransportPolice }
                .Concat(_registry.Regions)
                .FirstOrDefault(g => g == group && g.Forces.SequenceEqual(group.Forces))
            : null;

    /// <summary>
    /// The group, once its declared ONS code (if any) is checked: a code is the registry's, for the group of the same
    /// members; it is never taken on trust, so a document cannot give a region's code to other forces.
    /// </summary>
    private ForceGroup WithCheckedCode(ForceGroup group, string? code, string path)
    {
        if (code is null || group.Code == code)
        {
            return group;
        }

        var message = _registry.TryGetArea(code, out var area)
            ? $"The code {JsonErrors.Quote(code)} is that of {area.Name}, whose forces are not the members of '{group.Name}'{(group.Code is { } own ? $" (its code is '{own}')" : string.Empty)}."
            : $"The code {JsonErrors.Quote(code)} is not the ONS code of an area the registry knows (a region's E12…, England E92000001, Wales W92000004, England and Wales K04000001).";
        throw JsonErrors.At($"{path}.code", message);
    }

    private ForceGroup Group(GroupDto dto, string path)
    {
        var kind = JsonNames.GroupKinds.Parse(dto.Kind, $"{path}.kind");
        var within = dto.Within is { } reference ? Area(reference, $"{path}.within") : null;
        if (dto.Members is not null && dto.ForceCount is not null)
        {
            throw JsonErrors.At($"{path}.forceCount", "A group gives either its listed members or, when they were not published, its force count, not both.");
        }

        if (dto.Members is { } members)
        {
            var forces = Forces(members, $"{path}.members");
            if (within is { IsMembershipListed: true } && forces.FirstOrDefault(f => !within.Contains(f)) is { } stranger)
            {
                throw JsonErrors.At($"{path}.members", $"{stranger.Name} is not part of {within.Name}, which the group is drawn from.");
            }

            var restored = JsonErrors.Guard(path, () => ForceGroup.Restore(dto.Name, forces, kind, within));
            return Known(restored) ?? restored;
        }

        var count = dto.ForceCount ?? throw JsonErrors.At(path, "A group needs either \"members\" (its forces) or \"forceCount\" and \"within\" (when its members were not published).");
        if (kind != AreaKind.Group)
        {
            throw JsonErrors.At($"{path}.kind", $"A group whose members were not published has the kind 'group', not {JsonErrors.Quote(dto.Kind)}.");
        }

        var from = within ?? throw JsonErrors.At(path, "A group whose members were not published needs \"within\": the area it was drawn from.");
        return JsonErrors.Guard(path, () => ForceGroup.Unlisted(dto.Name, count, from));
    }
}
