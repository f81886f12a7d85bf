namespace CrimeOutcomes.Import;

/// <summary>
/// Turns the aggregates of several files into one dataset: later releases replace earlier ones year by year,
/// files with figures for different keys of the same year (the main and the alternate-offence tables) add up,
/// recorded crimes come from recorded-crime tables or, failing those, from the recorded-basis outcome sums.
/// </summary>
internal static class DatasetAssembler
{
    public static ImportResult Assemble(IReadOnlyList<FileAggregate> files, ImportOptions options)
    {
        // For each year, a file whose figures overlap those of another file of the same kind is a release of the
        // same table: the later release supplies the year. Files whose figures do not overlap (the main table and
        // the alternate-offence table, say) both do. Overlapping files whose names show no release order clash.
        var superseded = new Dictionary<(FileAggregate File, FinancialYear Year), FileAggregate>();
        var byYear = files.SelectMany(f => f.Years.Select(y => (File: f, Year: y))).GroupBy(x => (x.File.Kind, x.Year));
        foreach (var group in byYear)
        {
            var year = group.Key.Year;
            var accepted = new List<(FileAggregate File, HashSet<(FigureKey, OutcomeType?)> Keys)>();
            foreach (var file in group.Select(x => x.File).OrderByDescending(f => f.ReleaseDate ?? DateOnly.MinValue))
            {
                var keys = file.Figures.Keys.Where(k => FileAggregate.YearOf(k.Key.Period) == year).ToHashSet();
                var later = accepted.FirstOrDefault(a => a.Keys.Overlaps(keys));
                if (later.File is null)
                {
                    accepted.Add((file, keys));
                    continue;
                }

                if (file.ReleaseDate is null || later.File.ReleaseDate is null || file.ReleaseDate == later.File.ReleaseDate)
                {
                    throw new ImportFormatException(
                        file.GivenPath,
                        $"'{later.File.GivenPath}' and '{file.GivenPath}' both give {file.Kind} figures for {year} for the same keys, and their names do not show which release is later "
                        + "(a re-issued Home Office file ends in its release date, such as '-240425' for 25 April 2024). Import one of them.",
                        null)
                    {
                        Files = [later.File.GivenPath, file.GivenPath],
                    };
                }

                superseded[(file, year)] = later.File;
            }
        }

        bool Supplies(FileAggregate file, ReportingPeriod period) => !superseded.ContainsKey((file, FileAggregate.YearOf(period)));

        var builder = new OutcomeDatasetBuilder();
        var recordedKeys = new HashSet<FigureKey>();
        foreach (var file in files.Where(f => f.Kind == OpenDataTableKind.RecordedCrime))
        {
            foreach (var ((key, _), sums) in file.Figures.Where(f => Supplies(file, f.Key.Key.Period)))
            {
                if (sums.OffencesState.HasNumber())
                {
                    builder.AddRecordedCrimes(key, sums.Offences);
                }
                else
                {
                    builder.AddMissingRecordedCrimes(key, sums.OffencesState.Absence());
                }

                recordedKeys.Add(key);
            }
        }

        var negativeSums = files.ToDictionary(f => f, _ => new List<OutcomeCountFigure>());
        foreach (var file in files.Where(f => f.Kind == OpenDataTableKind.Outcomes))
        {
            AddOutcomes(file, builder, recordedKeys, options, negativeSums[file], period => Supplies(file, period));
        }

        foreach (var file in files)
        {
            foreach (var gap in file.Gaps.Concat(file.QuartersNotInRelease()).Where(g => Supplies(file, g.Quarter)))
            {
                builder.AddGap(gap);
            }
        }

        var reports = files.Select(file =>
        {
            var lost = file.Years.Where(y => superseded.ContainsKey((file, y))).ToArray();
            return file.ToReport(lost, lost.Length > 0 ? superseded[(file, lost[0])].GivenPath : null, negativeSums[file]);
        }).ToArray();
        return new ImportResult(builder.Build(), new ImportReport(reports));
    }

    /// <summary>
    /// The figures of one outcomes table. The table publishes every outcome type it lists for every key (zeros
    /// included), so an outcome type with no row for a key is zero: a copy of the table without its zero rows gives
    /// the same figures. A figure whose cells held only markers is missing, with the marker's reason; recorded
    /// crimes derived from a key with a missing figure are missing too.
    /// </summary>
    private static void AddOutcomes(FileAggregate file, OutcomeDatasetBuilder builder, HashSet<FigureKey> recordedKeys, ImportOptions options,
        List<OutcomeCountFigure> negativeSums, Func<ReportingPeriod, bool> supplies)
    {
        var outcomes = file.Figures.Keys.Select(k => k.Outcome!).Distinct().Order().ToArray();
        var keys = file.Figures.Keys.Select(k => k.Key).Where(k => supplies(k.Period)).Distinct()
            .OrderBy(k => k.Area.Name, StringComparer.Ordinal).ThenBy(k => k.Period).ThenBy(k => k.Scope.ToString(), StringComparer.Ordinal);
        var derives = options.DeriveRecordedCrimes && file.HasRecordedBasis && outcomes.Any(o => !o.IsSubset);

        // A figure whose only cells are "not provided" in a period the force gave other quarters of is the sum of those
        // quarters: their rows, had they been published, would be zeros (a copy without its zero rows reads the same).
        var gapQuarters = file.Gaps.GroupBy(g => (g.Force, g.Basis, g.Quarter.Year)).ToDictionary(g => g.Key, g => g.Select(x => x.Quarter).Distinct().Count());
        bool PartlyProvided(FigureKey key, CountBasis basis)
            => key.Area is PoliceForce force && key.Period.Kind == PeriodKind.FinancialYear
               && gapQuarters.TryGetValue((force, basis, key.Period.AsFinancialYear()), out var lacking) && lacking < 4;

        foreach (var key in keys)
        {
            long derived = 0;
            FigureAbsence? derivedAbsence = null;
            foreach (var outcome in outcomes)
            {
                var found = file.Figures.TryGetValue((key, outcome), out var sums);
                if (file.HasRecordedBasis)
                {
                    var absence = Add(builder, key, CountBasis.Recorded, outcome, found, sums.Recorded, sums.RecordedState, negativeSums, PartlyProvided);
                    if (!outcome.IsSubset)
                    {
                        derivedAbsence ??= absence;
                        derived = checked(derived + (found ? sums.Recorded : 0));
                    }
                }

                if (file.HasClosedBasis)
                {
                    Add(builder, key, CountBasis.Closed, outcome, found, sums.Closed, sums.ClosedState, negativeSums, PartlyProvided);
                }
            }

            if (derives && !recordedKeys.Contains(key))
            {
                if (derivedAbsence is { } absence)
                {
                    builder.AddMissingRecordedCrimes(key, absence);
                }
                else if (derived >= 0)
                {
                    builder.AddRecordedCrimes(key, derived);
                }
            }
        }
    }

    /// <summary>
    /// Adds one count (zero when the table has no row for it, or when its only cells are "not provided" in a year the
    /// force gave other quarters of); returns why it is missing, or null.
    /// </summary>
    private static FigureAbsence? Add(OutcomeDatasetBuilder builder, FigureKey key, CountBasis basis, OutcomeType outcome, bool found, long count, CountState state,
        List<OutcomeCountFigure> negativeSums, Func<FigureKey, CountBasis, bool> partlyProvided)
    {
        if (found && !state.HasNumber() && !(state.Absence() == FigureAbsence.NotProvided && partlyProvided(key, basis)))
        {
            var absence = state.Absence();
            builder.AddMissingOutcomeCount(key, basis, outcome, absence);
            return absence;
        }

        builder.AddOutcomeCount(key, basis, outcome, count);
        if (count < 0)
        {
            negativeSums.Add(new OutcomeCountFigure(key, basis, outcome, count));
        }

        return null;
    }
}
