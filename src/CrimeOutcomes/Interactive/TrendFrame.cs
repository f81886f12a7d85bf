using System.Globalization;
using System.Text;

namespace CrimeOutcomes.Interactive;

/// <summary>
/// What <see cref="TrendChart"/> and <see cref="TrendSmallMultiples"/> share: the series, the run of periods they
/// span, the framework changes and known-issue warnings they meet (each with a footnote mark, "F1", "W1"), and the
/// words for a period without a ratio.
/// </summary>
internal sealed class TrendFrame
{
    private readonly Dictionary<FrameworkChange, string> _changeMarks = [];

    /// <summary>The frame of <paramref name="series"/>.</summary>
    /// <exception cref="ArgumentNullException">The list is null or holds null.</exception>
    /// <exception cref="ArgumentException">The periods are of different kinds.</exception>
    public TrendFrame(IReadOnlyList<RatioSeries> series, string parameter)
    {
        if (series.Any(s => s is null))
        {
            throw new ArgumentNullException(parameter, "The list of series holds a null.");
        }

        Series = series;
        Periods = [.. series.SelectMany(s => s.Periods).Distinct().Order()];
        if (Periods.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new ArgumentException($"The series of a trend chart must have periods of one kind; got {string.Join(", ", Periods)}.", parameter);
        }

        Changes = [.. series.SelectMany(s => s.FrameworkChanges).Distinct().OrderBy(c => c.Date).ThenBy(c => c.Label, StringComparer.Ordinal)];
        for (var i = 0; i < Changes.Count; i++)
        {
            _changeMarks[Changes[i]] = $"F{i + 1}";
        }

        Warnings = [.. series.SelectMany(s => s.Warnings)
            .GroupBy(w => (w.Period, w.Issue.Id))
            .OrderBy(g => g.Key.Period).ThenBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select((g, i) => new WarningGroup($"W{i + 1}", g.Key.Period, g.First().Issue, [.. g]))];
    }

    /// <summary>Every series, reference lines included.</summary>
    public IReadOnlyList<RatioSeries> Series { get; }

    /// <summary>Every period of any series, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>The framework changes within the periods, oldest first.</summary>
    public IReadOnlyList<FrameworkChange> Changes { get; }

    /// <summary>The warnings, one group per known issue and period.</summary>
    public IReadOnlyList<WarningGroup> Warnings { get; }

    public string MarkOf(FrameworkChange change) => _changeMarks[change];

    /// <summary>The warning groups a point's warnings belong to.</summary>
    public IEnumerable<WarningGroup> GroupsOf(RatioSeriesPoint point)
        => Warnings.Where(g => g.Period == point.Period && point.Warnings.Any(w => w.Issue.Id == g.Issue.Id));

    /// <summary>The warning groups of one series' points.</summary>
    public IEnumerable<WarningGroup> GroupsOf(RatioSeries series) => series.Points.SelectMany(GroupsOf).Distinct();

    /// <summary>The default title: "withdrawal (outcome 16), All crime, 2014/15 to 2020/21".</summary>
    public string Title()
    {
        if (Series.Count == 0)
        {
            return "No series";
        }

        var names = Series.Select(s => s.Definition.Name).Distinct(StringComparer.Ordinal).ToArray();
        var scopes = Series.Select(s => s.Scope.ToString()).Distinct(StringComparer.Ordinal).ToArray();
        var what = names.Length == 1 ? names[0] : "Ratios";
        var scope = scopes.Length == 1 ? $", {scopes[0]}" : string.Empty;
        var span = Periods.Count == 1 ? Periods[0].ToString() : $"{Periods[0]} to {Periods[^1]}";
        return $"{what}{scope}, {span}";
    }

    /// <summary>
    /// A series' name on the chart and in the table: its area, or, where several series share the area, the area
    /// with the ratio's name (or, for the same ratio, its scope), so that two national lines are told apart.
    /// </summary>
    public string Label(RatioSeries series)
    {
        var sameArea = Series.Where(s => s.Area.Equals(series.Area)).ToArray();
        if (sameArea.Length == 1)
        {
            return series.Area.Name;
        }

        return sameArea.Select(s => s.Definition.Name).Distinct(StringComparer.Ordinal).Count() > 1
            ? $"{series.Area.Name}, {series.Definition.Name}"
            : $"{series.Area.Name}, {series.Scope}";
    }

    /// <summary>The point of <paramref name="series"/> in <paramref name="period"/>, or null when the series does not span it.</summary>
    public static RatioSeriesPoint? PointOf(RatioSeries series, ReportingPeriod period) => series.Points.FirstOrDefault(p => p.Period == period);

    /// <summary>What a table shows for a period: "23.0 %", or why there is no percentage (never a zero).</summary>
    public static string Value(RatioSeriesPoint? point) => point switch
    {
        null => "–",
        { HasValue: true, Ratio: { } ratio } => ratio.FormatPercent(),
        { Framework: FrameworkStatus.NotInFramework } => "not in the framework",
        { Ratio: null } => "no figures",
        { Ratio.HasCounts: false } => Describe.NoFigure,
        _ => "undefined",
    };

    /// <summary>The full reason a period has no percentage, for tooltips and notes.</summary>
    public static string Reason(RatioSeriesPoint point) => point.Absence ?? point.Ratio?.UndefinedReason ?? string.Empty;

    /// <summary>"voluntary", "part of the period", or null when the outcome was in the framework throughout.</summary>
    public static string? Status(RatioSeriesPoint point) => point.Framework switch
    {
        FrameworkStatus.Voluntary => "recording voluntary",
        FrameworkStatus.PartOfPeriod => "in the framework for part of the period",
        _ => null,
    };

    /// <summary>The interval legend ("95 % CI: Wilson score intervals …"), or null when no point has an interval.</summary>
    public string? IntervalLegend(IEnumerable<RatioSeries> series)
    {
        var intervals = series.SelectMany(s => s.Points).Where(p => p.Interval is not null).Select(p => p.Interval!.Value).ToArray();
        return intervals.Length == 0 ? null : IntervalText.Legend(intervals);
    }

    /// <summary>"Count basis: recorded basis: …." or that the bases differ.</summary>
    public string BasisNote()
    {
        var bases = Series.Select(s => s.Basis).OfType<CountBasis>().Distinct().ToArray();
        return bases.Length switch
        {
            0 => string.Empty,
            1 => $"Count basis: {Describe.Basis(bases[0])}.",
            _ => "Count bases differ between series.",
        };
    }

    /// <summary>One line per framework change and warning group: "F1: 2019-04-01, outcome 22 (voluntary): Outcome 22 introduced; recording voluntary.".</summary>
    public IEnumerable<string> Footnotes()
    {
        foreach (var change in Changes)
        {
            var label = change.Label == change.Description ? string.Empty : $", {change.Label}";
            yield return string.Create(CultureInfo.InvariantCulture, $"{MarkOf(change)}: {change.Date:yyyy-MM-dd}{label}: {change.Description}.");
        }

        foreach (var group in Warnings)
        {
            yield return $"{group.Mark}: {group.Footnote()}";
        }
    }

    /// <summary>The footnotes as a block of notes.</summary>
    public void WriteFootnotes(HtmlBuilder html)
    {
        if (Changes.Count == 0 && Warnings.Count == 0)
        {
            return;
        }

        using (html.Open("div", ("class", "co-footnotes")))
        {
            foreach (var note in Footnotes())
            {
                HtmlParts.Note(html, note);
            }
        }
    }

    /// <summary>"Dashed lines: framework changes (F1 …). W1 …: known issues of the data." for a chart's note.</summary>
    public string AnnotationNote(string changeWhere)
    {
        var text = new StringBuilder();
        if (Changes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Dashed lines{changeWhere}: changes of the outcomes framework ({string.Join(", ", Changes.Select(MarkOf))}, on the date they took effect). ");
        }

        if (Warnings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", Warnings.Select(w => w.Mark))}: known issues of the data, under the periods they touch. ");
        }

        return text.ToString();
    }

    /// <summary>The figures as a table: one row per series, one column per period; each cell the percentage, the counts, the interval and the warning marks, or why there is no percentage.</summary>
    public void WriteTable(HtmlBuilder html, IReadOnlyList<RatioSeries> rows)
    {
        string[] headers = ["Area", .. Periods.Select(p => string.Join(" ", Changes.Where(c => c.FallsIn(p)).Select(MarkOf).Prepend(p.ToString())))];
        using (HtmlParts.Table(html))
        {
            HtmlParts.HeaderRow(html, headers, i => i > 0, i => i == 0 ? null : ChangesTitle(Periods[i - 1]));
            using (html.Open("tbody"))
            {
                foreach (var series in rows)
                {
                    using (html.Open("tr"))
                    {
                        HtmlParts.RowHeader(html, Label(series));
                        foreach (var period in Periods)
                        {
                            WriteCell(html, series, PointOf(series, period));
                        }
                    }
                }
            }
        }
    }

    /// <summary>The figures as a plain-text table of percentages (or reasons) with their warning marks.</summary>
    public void WriteText(StringBuilder text, IReadOnlyList<RatioSeries> rows)
    {
        var table = new TextTable([("Area", false), .. Periods.Select(p => (p.ToString(), true))]);
        foreach (var series in rows)
        {
            table.Add([Label(series), .. Periods.Select(p => PointOf(series, p) is { } point ? Marked(Value(point), point) : "–")]);
        }

        table.WriteTo(text);
        foreach (var note in Footnotes())
        {
            text.AppendLine(note);
        }
    }

    private string Marked(string value, RatioSeriesPoint point)
        => string.Join(" ", GroupsOf(point).Select(g => g.Mark).Prepend(value));

    private string? ChangesTitle(ReportingPeriod period)
    {
        var changes = Changes.Where(c => c.FallsIn(period)).ToArray();
        return changes.Length == 0 ? null : string.Join("; ", changes.Select(c => $"{MarkOf(c)}: {c}"));
    }

    private void WriteCell(HtmlBuilder html, RatioSeries series, RatioSeriesPoint? point)
    {
        if (point is null)
        {
            HtmlParts.Cell(html, "–", numeric: true, title: $"The series of {series.Area.Name} does not span this period.");
            return;
        }

        var title = new StringBuilder($"{series.Area.Name}, {point}");
        if (point.Interval is { } interval)
        {
            title.Append(", ").Append(interval.Format());
        }

        if (point.Coverage is { } coverage)
        {
            title.Append(" (").Append(coverage).Append(')');
        }

        foreach (var warning in point.Warnings)
        {
            title.Append(". Warning: ").Append(warning.Message);
        }

        using (html.Open("td", ("class", "n"), ("title", title.ToString())))
        {
            html.Element("div", Value(point), ("class", point.HasValue ? "co-value" : "co-absent"));
            if (point.Ratio is { HasCounts: true } ratio)
            {
                html.Element("div", $"{Describe.Count(ratio.Numerator)} / {Describe.Count(ratio.Denominator)}", ("class", "co-note"));
            }

            if (point.Interval is { } bounds)
            {
                html.Element("div", bounds.FormatBounds(), ("class", "co-note"));
            }

            if (point.Coverage is { } partial && (partial.IsPartial || !partial.IsComplete))
            {
                html.Element("div", partial.ToString(), ("class", "co-note"));
            }

            if (Status(point) is { } status)
            {
                html.Element("div", status, ("class", "co-note"));
            }

            if (!point.HasValue)
            {
                html.Element("div", Reason(point), ("class", "co-note"));
            }

            foreach (var group in GroupsOf(point))
            {
                html.Element("span", group.Mark, ("class", "co-warning"), ("title", string.Join(" ", point.Warnings.Where(w => w.Issue.Id == group.Issue.Id).Select(w => w.Message))));
            }
        }
    }
}

/// <summary>The warnings of one known issue in one period, across the series of a chart, with their footnote mark.</summary>
internal sealed record WarningGroup(string Mark, ReportingPeriod Period, KnownDataIssue Issue, IReadOnlyList<DataWarning> Warnings)
{
    private const int NamesShown = 6;

    /// <summary>The warning's own message when the areas share it, else the issue's title and description, with the areas it concerns.</summary>
    public string Footnote()
    {
        var messages = Warnings.Select(w => w.Message).Distinct(StringComparer.Ordinal).ToArray();
        var areas = Warnings.Select(w => w.Area.Name).Distinct(StringComparer.Ordinal).ToArray();
        var names = areas.Length <= NamesShown ? string.Join(", ", areas) : $"{string.Join(", ", areas.Take(NamesShown))} and {areas.Length - NamesShown} more";
        var who = string.Create(CultureInfo.InvariantCulture, $" ({areas.Length} areas: {names})");
        return messages.Length == 1
            ? messages[0] + (areas.Length > 1 ? who : string.Empty)
            : $"{Period}: {Issue.Title}. {Issue.Description}{who}";
    }

    /// <summary>The tooltip of the mark on the time axis.</summary>
    public string Tooltip() => $"{Mark}: {Footnote()}";
}
