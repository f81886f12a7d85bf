namespace CrimeOutcomes.Import;

/// <summary>
/// Turns the aggregates of several files into one dataset: later releases replace earlier ones year by year,
/// recorded crimes come from recorded-crime tables or, failing those, from the recorded-basis outcome sums.
/// </summary>
internal static class DatasetAssembler
{
    public static ImportResult Assemble(IReadOnlyList<FileAggregate> files, ImportOptions options)
    {
        // Which file supplies each (table kind, financial year): the latest release; two undated files clash.
        var winners = new Dictionary<(OpenDataTableKind, FinancialYear), FileAggregate>();
        foreach (var file in files)
        {
            foreach (var year in file.Years)
            {
                if (!winners.TryGetValue((file.Kind, year), out var other))
                {
                    winners[(file.Kind, year)] = file;
                    continue;
                }

                if (file.ReleaseDate is null || other.ReleaseDate is null || file.ReleaseDate == other.ReleaseDate)
                {
                    throw new ImportFormatException(
                        $"'{other.File}' and '{file.File}' both give {file.Kind} figures for {year}, and their names do not show which release is later "
                        + "(a re-issued Home Office file ends in its release date, such as '-240425' for 25 April 2024). Import one of them.");
                }

                if (file.ReleaseDate > other.ReleaseDate)
                {
                    winners[(file.Kind, year)] = file;
                }
            }
        }

        var builder = new OutcomeDatasetBuilder();
        var recordedKeys = new HashSet<FigureKey>();
        foreach (var file in files.Where(f => f.Kind == OpenDataTableKind.RecordedCrime))
        {
            foreach (var ((key, _), sums) in file.Figures.Where(f => winners[(file.Kind, FileAggregate.YearOf(f.Key.Key.Period))] == file))
            {
                builder.AddRecordedCrimes(key, sums.Offences);
                recordedKeys.Add(key);
            }
        }

        foreach (var file in files.Where(f => f.Kind == OpenDataTableKind.Outcomes))
        {
            var derived = new Dictionary<FigureKey, long>();
            foreach (var ((key, outcome), sums) in file.Figures.Where(f => winners[(file.Kind, FileAggregate.YearOf(f.Key.Key.Period))] == file)
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
            var lost = file.Years.Where(y => winners[(file.Kind, y)] != file).ToArray();
            return file.ToReport(lost, lost.Length > 0 ? winners[(file.Kind, lost[0])].File : null);
        }).ToArray();
        return new ImportResult(builder.Build(), new ImportReport(reports));
    }
}
