using CrimeOutcomes.Statistics;

namespace CrimeOutcomes;

/// <content>Series over periods.</content>
public sealed partial class OutcomeRatioCalculator
{
    /// <summary>
    /// <paramref name="definition"/> for one area and scope over a run of periods, as one <see cref="RatioSeries"/>:
    /// each period's ratio (as <see cref="Calculate(OutcomeDataset, RatioDefinition, FigureKey, CountBasis?)"/> gives
    /// it) with its interval and coverage, the changes from period to period, the framework's validity and the known
    /// issues. A period whose numerator outcome was not in the framework has no ratio and says so (never 0 %); a
    /// period the dataset has no figures for has none either, and says which.
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">A force or a group.</param>
    /// <param name="periods">The periods, all of one kind; they are sorted and each taken once.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has (a dataset with both throws, naming them).</param>
    /// <param name="options">Interval level and method, and the known issues; <see cref="RatioSeriesOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">No periods, or periods of different kinds.</exception>
    /// <exception cref="InvalidOperationException">No basis was given and the dataset holds several.</exception>
    public RatioSeries Series(OutcomeDataset data, RatioDefinition definition, Area area, IEnumerable<ReportingPeriod> periods, CrimeScope scope, CountBasis? basis = null, RatioSeriesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(periods);
        options ??= RatioSeriesOptions.Default;
        ConfidenceLevels.Validate(options.Level, nameof(options));
        var run = SortedRun(periods);
        var points = new List<RatioSeriesPoint>(run.Length);
        CountBasis? used = basis;
        foreach (var period in run)
        {
            var point = Point(data, definition, new FigureKey(area, period, scope), basis, options);
            used ??= point.Ratio?.Basis;
            points.Add(point);
        }

        return new RatioSeries(definition, area, scope, used, points, options);
    }

    /// <summary>
    /// Forces × periods as one call: the series of every force of <paramref name="area"/> that has any figure in any
    /// of the periods, in force name order (see <see cref="Series(OutcomeDataset, RatioDefinition, Area, IEnumerable{ReportingPeriod}, CrimeScope, CountBasis?, RatioSeriesOptions?)"/>).
    /// </summary>
    /// <param name="data">The dataset.</param>
    /// <param name="definition">What to divide.</param>
    /// <param name="area">The area whose forces to list (England and Wales for all 43).</param>
    /// <param name="periods">The periods, all of one kind.</param>
    /// <param name="scope">Which crimes.</param>
    /// <param name="basis">The count basis; when null, the only basis the dataset has.</param>
    /// <param name="options">Interval level and method, and the known issues.</param>
    /// <exception cref="ArgumentException">No periods, or periods of different kinds.</exception>
    public IReadOnlyList<RatioSeries> SeriesByForce(OutcomeDataset data, RatioDefinition definition, Area area, IEnumerable<ReportingPeriod> periods, CrimeScope scope, CountBasis? basis = null, RatioSeriesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(periods);
        var run = SortedRun(periods);
        var bases = basis is { } given ? [given] : data.Bases.ToArray();
        return [.. area.Forces
            .Where(force => run.Any(period => bases.Any(b => data.HasAnyFigure(new FigureKey(force, period, scope), b))))
            .OrderBy(force => force.Name, StringComparer.Ordinal)
            .Select(force => Series(data, definition, force, run, scope, basis, options))];
    }

    private static ReportingPeriod[] SortedRun(IEnumerable<ReportingPeriod> periods)
    {
        var run = periods.Distinct().Order().ToArray();
        if (run.Length == 0)
        {
            throw new ArgumentException("A series needs at least one period.", nameof(periods));
        }

        if (run.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new ArgumentException($"A series' periods must be of one kind; got {string.Join(", ", run.Select(p => p.ToString()))}.", nameof(periods));
        }

        return run;
    }

    private RatioSeriesPoint Point(OutcomeDataset data, RatioDefinition definition, FigureKey key, CountBasis? basis, RatioSeriesOptions options)
    {
        var status = OutcomeFrameworkHistory.StatusOf(definition, key.Period);
        var point = new RatioSeriesPoint
        {
            Period = key.Period,
            Framework = status,
            FrameworkChanges = OutcomeFrameworkHistory.ChangesIn(key.Period),
        };
        if (status == FrameworkStatus.NotInFramework)
        {
            var absent = definition.Numerator.Where(o => OutcomeFrameworkHistory.StatusOf(o, key.Period) == FrameworkStatus.NotInFramework).Select(o => o.ToString()).ToArray();
            return point with { Absence = $"{string.Join(" and ", absent)} {(absent.Length > 1 ? "were" : "was")} not in the framework in {key.Period}", Warnings = Warnings(null) };
        }

        Ratio ratio;
        try
        {
            ratio = Calculate(data, definition, key, basis);
        }
        catch (KeyNotFoundException error)
        {
            return point with { Absence = $"no figures for {key.Period}: {FirstSentence(error.Message)}", Warnings = Warnings(null) };
        }

        // With a ratio its coverage is known, and its gaps can show a partial-year release.
        return point with
        {
            Ratio = ratio,
            Interval = IsProportion(ratio) ? ratio.ConfidenceInterval(options.Level, options.Method) : null,
            Warnings = Warnings(ratio.Coverage),
        };

        IReadOnlyList<DataWarning> Warnings(Coverage? coverage) => options.Issues.WarningsFor(key.Area, key.Period, definition, coverage);
    }

    private static bool IsProportion(Ratio ratio) => ratio.IsDefined && ratio.Numerator >= 0 && ratio.Numerator <= ratio.Denominator;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
