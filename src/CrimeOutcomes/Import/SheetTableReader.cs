namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the data sheets of a workbook: in each sheet, the first row (among the first 50) whose headers make an
/// open-data table starts the data; sheets without one (cover, notes, contents) are skipped. Empty rows between
/// data rows are set aside as blank rows; empty rows after the last data row are ignored.
/// </summary>
internal static class SheetTableReader
{
    private const int HeaderSearchRows = 50;
    private const int ProgressEvery = 50_000;

    public static FileAggregate Read(ISheetSource source, string name, ImportOptions options)
    {
        try
        {
            return ReadSheets(source, name, options);
        }
        catch (ChunkRowException error)
        {
            throw error.Error;
        }
    }

    private static FileAggregate ReadSheets(ISheetSource source, string name, ImportOptions options)
    {
        using (source)
        {
            FileAggregate? aggregate = null;
            long done = 0;
            foreach (var sheet in source.Sheets())
            {
                ColumnMap? map = null;
                OpenDataAccumulator? accumulator = null;
                long pendingBlank = 0;
                foreach (var row in sheet.Rows)
                {
                    if (map is null)
                    {
                        if (row.Number > HeaderSearchRows)
                        {
                            break;
                        }

                        if (ColumnMap.TryCreate(row.Cells.AsSpan(0, row.Count).ToArray(), out map))
                        {
                            map!.Check(options, new ImportLocation(name, sheet.Name, row.Number, null));
                            aggregate ??= new FileAggregate(name, map.Kind) { ReleaseDate = ReleaseDate.FromFileName(name) };
                            if (aggregate.Kind != map.Kind)
                            {
                                throw new ImportFormatException(new ImportLocation(name, sheet.Name, row.Number, null),
                                    $"this sheet is a {map.Kind} table but an earlier sheet of the workbook is a {aggregate.Kind} table; import them from separate files.");
                            }

                            aggregate.Sheets.Add(sheet.Name);
                            aggregate.HasRecordedBasis &= map.Recorded >= 0;
                            aggregate.HasClosedBasis &= map.Closed >= 0;
                            accumulator = new OpenDataAccumulator(options, map, name, sheet.Name);
                        }

                        continue;
                    }

                    if (row.Count == 0)
                    {
                        pendingBlank++;
                        continue;
                    }

                    var blank = new TextFieldRow([], 0);
                    for (; pendingBlank > 0; pendingBlank--)
                    {
                        accumulator!.Add(ref blank, row.Number - pendingBlank);
                    }

                    // Cells past the row's last value are empty (the source's buffer may hold an earlier row's values there).
                    var width = Math.Max(row.Count, Math.Min(map.Headers.Count, row.Cells.Length));
                    Array.Clear(row.Cells, row.Count, width - row.Count);
                    var fields = new TextFieldRow(row.Cells, width);
                    accumulator!.Add(ref fields, row.Number);
                    if (++done % ProgressEvery == 0)
                    {
                        options.Progress?.Report(new ImportProgress(name, done, 0));
                    }
                }

                accumulator?.MergeInto(aggregate!, _ => 0);
            }

            return aggregate ?? throw new ImportFormatException(
                $"'{name}' has no sheet with an open-data header row (it needs 'Force Name', 'Financial Year', 'Outcome Type' and an outcome count column, or 'Number of Offences') in its first {HeaderSearchRows} rows.");
        }
    }
}
