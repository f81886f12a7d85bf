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
                        $"'{later.File.File}' and '{file.File}' both give {file.Kind} figures for {year} for the same keys, and their names do not show which release is later "
                        + "(a re-issued Home Office file ends in its release date, such as '-240425' for 25 April 2024). Import one of them.");
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
                builder.AddRecordedCrimes(key, sums.Offences);
                recordedKeys.Add(key);
            }
        }

        foreach (var file in files.Where(f => f.Kind == OpenDataTableKind.Outcomes))
        {
            var derived = new Dictionary<FigureKey, long>();
            foreach (var ((key, outcome), sums) in file.Figures.Where(f => Supplies(file, f.Key.Key.Period))
                         .OrderBy(f => f.Key.Key.Area.Name, StringComparer.Ordinal).ThenBy(f => f.Key.Key.Period).ThenBy(f => f.Key.Outcome))
            {
                if (file.HasRecordedBasis)
                {
                    builder.AddOutcomeCount(key, CountBasis.RecordedInPeriod, outcome!, sums.Recorded);
                    if (!outcome!.IsSubset)
                    {
                        derived[key] = checked(derived.GetValueOrDefault(key) + sums.Recorded);
                    }
                }

                if (file.HasClosedBasis)
                {
                    builder.AddOutcomeCount(key, CountBasis.AssignedInPeriod, outcome!, sums.Closed);
                }
            }

            if (options.DeriveRecordedCrimes)
            {
                foreach (var (key, count) in derived.Where(d => d.Value >= 0 && !recordedKeys.Contains(d.Key)))
                {
                    builder.AddRecordedCrimes(key, count);
                }
            }
        }

        var reports = files.Select(file =>
        {
            var lost = file.Years.Where(y => superseded.ContainsKey((file, y))).ToArray();
            return file.ToReport(lost, lost.Length > 0 ? superseded[(file, lost[0])].File : null);
        }).ToArray();
        return new ImportResult(builder.Build(), new ImportReport(reports));
    }
}
