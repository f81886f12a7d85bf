using System.Globalization;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;

namespace CrimeOutcomes.Import;

/// <summary>
/// Reads Freedom of Information style wide tables from csv: an area column (a force, or a named group such as
/// "England and Wales", a region or "36 responding forces", whose figures are published aggregates), a year column
/// (calendar or financial, as the header or the values say), an optional recorded-crimes column, and one column
/// per outcome type ("Outcome 16", "OC15", "16", or an outcome description). Typed by hand, so thousands
/// separators ("5,523"), spaces, blank cells and markers such as "-", "n/a", "#N/A", "NULL" or "[c]" are all read:
/// a marker is no figure (kept in the dataset as missing, with its reason), never a zero.
/// </summary>
public sealed partial class FoiTableReader
{
    private static readonly string[] AreaHeaders = ["area", "force", "force name", "police force", "police force area", "region"];
    /// <summary>Markers of hand-made tables beside the published ones (<see cref="CountMarker.Known"/>).</summary>
    private static readonly (string Text, FigureAbsence Absence)[] HandMadeMarkers =
    [
        ("-", FigureAbsence.NotAvailable), ("–", FigureAbsence.NotAvailable), ("x", FigureAbsence.NotAvailable), ("not available", FigureAbsence.NotAvailable),
        ("*", FigureAbsence.Suppressed), ("#VALUE!", FigureAbsence.NotAvailable),
    ];

    private readonly FoiTableOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">The options; <see cref="FoiTableOptions.Default"/> when null.</param>
    public FoiTableReader(FoiTableOptions? options = null)
    {
        _options = options ?? FoiTableOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRejectedRowsListed, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxLineLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxUnknownAreaNames, nameof(options));
    }

    /// <summary>
    /// Reads the table in the csv file at <paramref name="path"/>: UTF-8, UTF-16 with a byte order mark, or
    /// Windows-1252 (as extracts from force systems often are), found from the file's bytes; the report's
    /// <see cref="FileImportReport.Encoding"/> says which.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ImportFormatException">A needed column is missing, (strict) a row is malformed, or the file is not text; the message names file, line and column.</exception>
    /// <exception cref="ImportLimitException">A line is longer than <see cref="FoiTableOptions.MaxLineLength"/>.</exception>
    public ImportResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        return TextFileDecoding.Detect(path, name, workbooks: false).ReadWithFallback(decoding =>
        {
            using var text = new StreamReader(path, decoding.Encoding, detectEncodingFromByteOrderMarks: false);
            var result = new FileReading(decoding.Name, null).ApplyTo(Read(text, name));
            return result with { Report = new ImportReport([.. result.Report.Files.Select(file => file with { File = path, FileName = name })]) };
        });
    }

    /// <summary>Reads a table from <paramref name="csv"/>.</summary>
    /// <param name="csv">The csv text.</param>
    /// <param name="name">The name to use in the report and in error messages.</param>
    /// <exception cref="ImportFormatException">A needed column is missing, or (strict) a row is malformed.</exception>
    /// <exception cref="ImportLimitException">A line is longer than <see cref="FoiTableOptions.MaxLineLength"/>.</exception>
    public ImportResult Read(TextReader csv, string name)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        long line = 0;
        try
        {
            return ReadRows(new LineLimitedTextReader(csv, _options.MaxLineLength), name, ref line);
        }
        catch (LineTooLongException error)
        {
            throw new ImportLimitException(new ImportLocation(name, null, error.LineStart, null), "FoiTableOptions.MaxLineLength", _options.MaxLineLength,
                string.Create(CultureInfo.InvariantCulture, $"the line is longer than {_options.MaxLineLength:N0} characters"));
        }
        catch (OverflowException error)
        {
            throw new ImportFormatException(new ImportLocation(name, null, line, null),
                "the counts of the rows read so far, with this row's, add up to more than a 64-bit count holds (9,223,372,036,854,775,807).", error);
        }
        catch (NotSupportedException error) when (error.Source == "Sep")
        {
            throw new ImportFormatException(new ImportLocation(name, null, line + 1, null),
                "a quoted field is left open: its row runs past the 16,777,216 characters the csv parser buffers.", error);
        }
    }

    private ImportResult ReadRows(TextReader csv, string name, ref long line)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(csv);
        if (!reader.MoveNext())
        {
            throw new ImportFormatException(new ImportLocation(name, null, 1, null), "the table is empty; it should start with a header row.");
        }

        var headers = reader.Current[..].ToStringsArray().Select(h => h.Trim()).ToArray();
        var layout = Layout.Of(headers, _options.Catalogue, new ImportLocation(name, null, 1, null));
        var tally = new FileTally();
        var rejected = new List<RejectedRow>();
        var builder = new OutcomeDatasetBuilder();
        var recordedKeys = new HashSet<FigureKey>();
        var outcomeKeys = new HashSet<(FigureKey, OutcomeType)>();
        var unknown = new Dictionary<string, (long Rows, IReadOnlyList<string> Suggestions)>(StringComparer.Ordinal);

        // Each name is resolved once: an unknown name costs a search for suggestions (about half a millisecond).
        var areas = new Dictionary<string, (Area? Area, ForceNameMatch Match)>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            var row = reader.Current;
            line = row.LineNumberFrom;
            tally.RowsRead++;
            var cells = row[..].ToStringsArray();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                SetAside(tally, "(blank row)", default);
                continue;
            }

            CountTotals counts = default;
            try
            {
                counts = ReadCounts(cells, layout, name, line, out var recorded, out var outcomes);
                tally.CountsRead += counts;
                var areaText = Cell(cells, layout.Area).Trim();
                if (!areas.TryGetValue(areaText, out var resolved))
                {
                    resolved.Area = ResolveArea(areaText, out resolved.Match);
                    areas[areaText] = resolved;
                }

                var (area, match) = resolved;
                if (area is null && match.Kind == ForceNameMatchKind.NonForce)
                {
                    SetAside(tally, areaText, counts);
                    continue;
                }

                if (area is null)
                {
                    var entry = unknown.GetValueOrDefault(areaText);
                    if (entry.Rows == 0 && unknown.Count >= _options.MaxUnknownAreaNames)
                    {
                        throw new ImportLimitException(new ImportLocation(name, null, line, headers[layout.Area]), "FoiTableOptions.MaxUnknownAreaNames", _options.MaxUnknownAreaNames,
                            string.Create(CultureInfo.InvariantCulture, $"'{Shorten(areaText)}' is one more area name than the {_options.MaxUnknownAreaNames:N0} distinct names the registry does not know that a table may have (is this a table of police forces?)"));
                    }

                    unknown[areaText] = (entry.Rows + 1, match.Suggestions);
                    Reject(tally, rejected, counts, new ImportLocation(name, null, line, headers[layout.Area]),
                        $"'{Shorten(areaText)}' is not a known police force or group of forces; nearest known names: {string.Join(", ", match.Suggestions.Select(s => $"'{s}'"))}.");
                    continue;
                }

                var period = ReadPeriod(Cell(cells, layout.Year), layout.YearKind)
                    ?? throw new ImportFormatException(new ImportLocation(name, null, line, headers[layout.Year]),
                        $"'{Shorten(Cell(cells, layout.Year).Trim())}' is not a {(layout.YearKind == PeriodKind.FinancialYear ? "financial year (such as 2016/17)" : "year (such as 2016 or 2016/17)")}.");
                var key = new FigureKey(area, period, _options.Scope);

                // Every check before any figure is added, so that a rejected row leaves nothing in the dataset.
                if (recorded is { } r && ((r.Count ?? 0) < 0 || recordedKeys.Contains(key)))
                {
                    throw new ImportFormatException(new ImportLocation(name, null, line, headers[layout.Recorded]), r.Count < 0
                        ? string.Create(CultureInfo.InvariantCulture, $"the number of recorded crimes {r.Count} is negative.")
                        : $"an earlier row already gives the recorded crimes of {area.Name}, {period}; a second figure for the same key is a duplicate, not something to add.");
                }

                // An FOI answer counts crimes once, with no corrections of earlier releases: a negative count is a typing error.
                foreach (var (column, outcome, cell) in outcomes)
                {
                    if ((cell.Count < 0 && outcome.IsAssignedOutcome) || outcomeKeys.Contains((key, outcome)))
                    {
                        throw new ImportFormatException(new ImportLocation(name, null, line, headers[column]), cell.Count < 0
                            ? string.Create(CultureInfo.InvariantCulture, $"the count {cell.Count} of {outcome} is negative; an FOI table has no corrections, and only outcome 0 (not yet assigned) can be.")
                            : $"an earlier row already gives the count of {outcome} for {area.Name}, {period}; a second figure for the same key is a duplicate, not something to add.");
                    }
                }

                // A marked or blank cell is a figure the table does not give: kept as missing, never as zero.
                if (recorded is { } recordedCrimes)
                {
                    recordedKeys.Add(key);
                    _ = recordedCrimes.Count is { } value ? builder.AddRecordedCrimes(key, value) : builder.AddMissingRecordedCrimes(key, recordedCrimes.Absence);
                }

                foreach (var (_, outcome, cell) in outcomes)
                {
                    outcomeKeys.Add((key, outcome));
                    _ = cell.Count is { } value
                        ? builder.AddOutcomeCount(key, _options.Basis, outcome, value)
                        : builder.AddMissingOutcomeCount(key, _options.Basis, outcome, cell.Absence);
                }

                tally.RowsKept++;
                tally.CountsKept += counts;
            }
            catch (ImportFormatException error) when (!_options.Strict && error is not ImportLimitException)
            {
                Reject(tally, rejected, counts, error.Location!, error.Reason!);
            }
        }

        if (tally.RowsRead == 0)
        {
            throw new ImportFormatException(name, $"'{name}' has a header row but no data rows.", null);
        }

        var report = tally.ToReport(name, name, OpenDataTableKind.FoiTable) with
        {
            Rejected = rejected,
            UnknownNames = [.. unknown.Select(u => new UnknownName(u.Key, u.Value.Rows, u.Value.Suggestions))],
        };
        return new ImportResult(builder.Build(), new ImportReport([report]));

        void Reject(FileTally t, List<RejectedRow> list, CountTotals counts, ImportLocation location, string reason)
        {
            if (_options.Strict)
            {
                throw new ImportFormatException(location, reason);
            }

            t.RowsRejected++;
            t.CountsRejected += counts;
            if (list.Count < _options.MaxRejectedRowsListed)
            {
                list.Add(new RejectedRow(location, reason));
            }
        }
    }

    /// <summary>A value quoted in a message, cut to 200 characters.</summary>
    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    private static void SetAside(FileTally tally, string name, CountTotals counts)
    {
        tally.RowsSetAside++;
        tally.CountsSetAside += counts;
        var entry = tally.SetAside.GetValueOrDefault(name);
        tally.SetAside[name] = (entry.Rows + 1, entry.Counts + counts);
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : string.Empty;

    private static CountTotals ReadCounts(string[] cells, Layout layout, string name, long line, out CountCell? recorded, out List<(int Column, OutcomeType Outcome, CountCell Cell)> outcomes)
    {
        recorded = layout.Recorded >= 0 ? ReadNumber(cells, layout.Recorded, layout, name, line) : null;
        outcomes = [];
        long sum = 0;
        foreach (var (column, outcome) in layout.Outcomes)
        {
            var cell = ReadNumber(cells, column, layout, name, line);
            outcomes.Add((column, outcome, cell));
            sum = checked(sum + (cell.Count ?? 0));
        }

        return new CountTotals(0, 0, recorded?.Count ?? 0, sum);
    }

    private static CountCell ReadNumber(string[] cells, int column, Layout layout, string name, long line)
    {
        var text = Cell(cells, column).Trim();
        if (CountMarker.TryMatch(text, out var marker))
        {
            return new CountCell(null, marker.Absence);
        }

        foreach (var (handMade, absence) in HandMadeMarkers)
        {
            if (text.Equals(handMade, StringComparison.OrdinalIgnoreCase))
            {
                return new CountCell(null, absence);
            }
        }

        return CountParser.TryParse(text, out var value)
            ? new CountCell(value, default)
            : throw new ImportFormatException(new ImportLocation(name, null, line, layout.Headers[column]), CountProblem.Of(text));
    }

    /// <summary>A count cell: its number, or why it has none.</summary>
    private readonly record struct CountCell(long? Count, FigureAbsence Absence);

    private Area? ResolveArea(string text, out ForceNameMatch match)
    {
        match = _options.Registry.Match(text);
        if (match.Force is { } force)
        {
            return force;
        }

        var key = NameKey.Of(text);
        var registry = _options.Registry;
        Area? group = key switch
        {
            "england and wales" or "england and wales total" or "all forces" or "national" => registry.EnglandAndWales,
            "england" => registry.England,
            "wales" => registry.Wales,
            _ => Enum.GetValues<Region>().Where(r => NameKey.Of(r.ToDisplayName()) == key).Select(r => (Area?)registry.RegionOf(r)).FirstOrDefault(),
        };
        if (group is not null)
        {
            return group;
        }

        // "36 responding forces", "the 40 forces that answered": a published aggregate whose members are not listed.
        // (Not tried on text far longer than such a name: the pattern backtracks, quadratically on long text.)
        var counted = text.Length <= 200 ? CountedForces().Match(text) : Match.Empty;
        if (counted.Success && int.TryParse(counted.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= registry.EnglandAndWales.ForceCount)
        {
            return ForceGroup.Unlisted(text, n, registry.EnglandAndWales);
        }

        return null;
    }

    private static ReportingPeriod? ReadPeriod(string text, PeriodKind? kind)
    {
        var s = text.Trim();
        if (kind != PeriodKind.CalendarYear && FinancialYear.TryParse(s, out var financial))
        {
            return financial;
        }

        return kind != PeriodKind.FinancialYear && CalendarYear.TryParse(s, out var calendar) ? calendar : null;
    }

    [GeneratedRegex(@"\b(\d{1,2})\b.*\bforces?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountedForces();

    /// <summary>Where the columns are.</summary>
    private sealed record Layout(string[] Headers, int Area, int Year, PeriodKind? YearKind, int Recorded, IReadOnlyList<(int Column, OutcomeType Outcome)> Outcomes)
    {
        public static Layout Of(string[] headers, IOutcomeCatalogue catalogue, ImportLocation location)
        {
            int area = -1, year = -1, recorded = -1;
            PeriodKind? yearKind = null;
            var outcomes = new List<(int, OutcomeType)>();
            for (var i = 0; i < headers.Length; i++)
            {
                var key = NameKey.Of(headers[i]);
                if (area < 0 && AreaHeaders.Contains(key))
                {
                    area = i;
                }
                else if (year < 0 && key.EndsWith("year", StringComparison.Ordinal))
                {
                    year = i;
                    yearKind = key.Contains("financial", StringComparison.Ordinal) ? PeriodKind.FinancialYear
                        : key.Contains("calendar", StringComparison.Ordinal) ? PeriodKind.CalendarYear : null;
                }
                else if (catalogue.TryParse(headers[i], out var outcome))
                {
                    if (outcomes.Any(o => o.Item2.Equals(outcome)))
                    {
                        throw new ImportFormatException(location with { Column = headers[i] },
                            $"two columns give outcome {outcome.Code}: '{headers[outcomes.First(o => o.Item2.Equals(outcome)).Item1]}' and '{headers[i]}'.");
                    }

                    outcomes.Add((i, outcome));
                }
                else if (recorded < 0 && (key.Contains("recorded", StringComparison.Ordinal) || key is "number of offences" or "offences" or "crimes"))
                {
                    recorded = i;
                }
            }

            if (area < 0 || year < 0 || (recorded < 0 && outcomes.Count == 0))
            {
                throw new ImportFormatException(location,
                    $"an FOI table needs an area column ('Area' or 'Force'), a year column ('Year', 'Calendar year' or 'Financial year') and a recorded-crimes column or outcome columns ('Outcome 16'). Headers found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
            }

            return new Layout(headers, area, year, yearKind, recorded, outcomes);
        }
    }
}
