namespace CrimeOutcomes;

/// <summary>
/// The table of known issues of the published data (docs/known-issues.md gives it with its sources), and the
/// warnings a figure meets. Series and charts attach these warnings to every period they touch. Immutable and safe
/// to share across threads.
/// </summary>
public sealed class KnownDataIssues
{
    private const string OpenDataSource = "Home Office, Police recorded crime and outcomes open data tables (gov.uk)";

    /// <summary>The forces with quarters of 2014/15 marked "N/A - data not provided" (declared before Default, which reads it).</summary>
    private static readonly string[] NotProvidedForces =
        ["Bedfordshire", "British Transport Police", "Cumbria", "Dyfed-Powys", "Hertfordshire", "Leicestershire", "Metropolitan Police", "South Yorkshire"];

    /// <summary>Creates a table of issues.</summary>
    /// <param name="issues">The issues; their ids must be distinct.</param>
    /// <exception cref="ArgumentException">Two issues share an id.</exception>
    public KnownDataIssues(IEnumerable<KnownDataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        All = [.. issues];
        if (All.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two known issues share the id '{twice.Key}'.", nameof(issues));
        }
    }

    /// <summary>The issues known of the Home Office outcomes and recorded-crime tables, for the default force registry.</summary>
    public static KnownDataIssues Default { get; } = new(DefaultIssues(ForceRegistry.Default));

    /// <summary>Every issue.</summary>
    public IReadOnlyList<KnownDataIssue> All { get; }

    /// <summary>The id of Greater Manchester's 2019/20 out-of-court figures.</summary>
    public const string GreaterManchesterOutOfCourt = "gmp-2019-20-out-of-court";

    /// <summary>The id of the 2014/15 force-quarters marked "N/A - data not provided".</summary>
    public const string NotProvided2014 = "not-provided-2014-15";

    /// <summary>The id of British Transport Police leaving the recorded-crime tables after 2014/15.</summary>
    public const string TransportPoliceLeavesTables = "btp-leaves-prc-tables";

    /// <summary>The id of partial-year releases (fewer than four quarters).</summary>
    public const string PartialYear = "partial-year-release";

    /// <summary>The issue with that id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="KeyNotFoundException">No issue has it; the message lists the ids.</exception>
    public KnownDataIssue this[string id]
        => All.FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"No known issue has the id '{id}'; the ids are {string.Join(", ", All.Select(i => $"'{i.Id}'"))}.");

    /// <summary>
    /// The warnings a figure for <paramref name="area"/> in <paramref name="period"/> meets: every issue it touches
    /// (<see cref="KnownDataIssue.Touches"/>), and a partial-year release when <paramref name="coverage"/> lacks
    /// quarters that were not in the release. Each message says what the issue means for this area and period.
    /// </summary>
    /// <param name="area">The area.</param>
    /// <param name="period">The period.</param>
    /// <param name="definition">The ratio the figure is of, or null for any figure.</param>
    /// <param name="coverage">The figure's coverage, when known (its gaps show partial-year releases).</param>
    public IReadOnlyList<DataWarning> WarningsFor(Area area, ReportingPeriod period, RatioDefinition? definition = null, Coverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        var warnings = new List<DataWarning>();
        foreach (var issue in All)
        {
            if (issue.Kind == KnownIssueKind.PartialYearRelease)
            {
                var lacking = coverage?.Gaps.Where(g => g.Absence == FigureAbsence.NotInRelease && issue.Touches(g.Force, period)).Select(g => g.Quarter).Distinct().Order().ToArray() ?? [];
                if (lacking.Length > 0)
                {
                    warnings.Add(new DataWarning(issue, area, period,
                        $"{period}: a partial-year release; it lacks {string.Join(", ", lacking.Select(q => $"Q{q.Quarter}"))}, so its figures cover part of the year."));
                }
            }
            else if (issue.Touches(area, period, definition))
            {
                var forces = issue.Forces.Where(area.Contains).Select(f => f.Name).ToArray();
                var who = forces.Length == 0 || area is PoliceForce ? area.Name : $"{area.Name} (through {string.Join(", ", forces)})";
                warnings.Add(new DataWarning(issue, area, period, $"{who}, {period}: {issue.Title}. {issue.Description}"));
            }
        }

        return warnings;
    }

    private static IEnumerable<KnownDataIssue> DefaultIssues(ForceRegistry registry)
    {
        var outOfCourt = OutcomeCatalogue.Default.All.Where(o => o.Group == OutcomeGroup.OutOfCourtFormal || o.Group == OutcomeGroup.OutOfCourtInformal).ToArray();
        yield return new KnownDataIssue
        {
            Id = GreaterManchesterOutOfCourt,
            Kind = KnownIssueKind.UnmarkedFigures,
            Title = "Greater Manchester's out-of-court outcomes collapse in 2019/20",
            Description = "A change of IT system; the file has no marker, so the counts of outcomes 2, 3, 6, 7 and 8 (and what they are shares of) are not comparable with other years.",
            Source = $"{OpenDataSource}; public analyses of the 2019/20 release",
            Forces = [registry.Get("Greater Manchester")],
            FirstYear = FinancialYear.StartingIn(2019),
            LastYear = FinancialYear.StartingIn(2019),
            Outcomes = outOfCourt,
        };
        yield return new KnownDataIssue
        {
            Id = NotProvided2014,
            Kind = KnownIssueKind.ForceQuartersNotProvided,
            Title = "force-quarters of 2014/15 not provided",
            Description = "Eight forces have quarters marked 'N/A - data not provided': their 2014/15 figures, and any total that includes them, are partial.",
            Source = $"{OpenDataSource}, prc-outcomes-open-data-mar2015-tables",
            Forces = [.. NotProvidedForces.Select(registry.Get)],
            FirstYear = FinancialYear.StartingIn(2014),
            LastYear = FinancialYear.StartingIn(2014),
        };
        yield return new KnownDataIssue
        {
            Id = TransportPoliceLeavesTables,
            Kind = KnownIssueKind.ForceLeavesTable,
            Title = "British Transport Police leaves the recorded-crime tables after 2014/15",
            Description = "From 2015/16 its recorded crimes come only from the outcomes tables' sums: an area that includes it is not comparable with earlier years' recorded-crime tables.",
            Source = $"{OpenDataSource}, prc-pfa-mar2013-onwards-tables",
            Forces = [registry.Get("British Transport Police")],
            FirstYear = FinancialYear.StartingIn(2015),
        };
        yield return new KnownDataIssue
        {
            Id = PartialYear,
            Kind = KnownIssueKind.PartialYearRelease,
            Title = "partial-year release",
            Description = "A release with fewer than four quarters of its year (such as apr2024-to-sep2024): its figures cover part of the year until the full-year release replaces them.",
            Source = $"{OpenDataSource}, e.g. prc-outcomes-open-data-apr2024-to-sep2024-tables",
            FirstYear = FinancialYear.StartingIn(2014),
        };
    }
}
