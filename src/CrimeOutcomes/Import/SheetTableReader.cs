namespace CrimeOutcomes.Import;

/// <summary>
/// Reads the data sheets of a workbook: in each sheet, the first row (among the first 50) whose headers make an
/// open-data table starts the data; sheets without one (cover, notes, contents) are skipped, and so are pivot
/// reports (<see cref="PivotTableCaptions"/>). Sheets are chosen by their header rows, never by their names, which
/// vary from year to year ("Outcomes_open_data_2019_20", "Outcomes open data 2021_22", "2013_14"); every data sheet
/// of a workbook (the year sheets of the PRC tables) adds to the one file aggregate. Empty rows between data rows
/// are set aside as blank rows; empty rows after the last data row are ignored.
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
        catch (Exception error) when (error is System.Xml.XmlException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            // The ods reader's XML parser, its UTF-8 decoder or the zip inflater met a malformed part.
            throw WorkbookFile.Unreadable(name, Path.GetExtension(name).TrimStart('.').ToLowerInvariant(), error);
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
                    if (row.Number > options.MaxSheetRows)
                    {
                        throw new ImportLimitException(new ImportLocation(name, sheet.Name, row.Number, null), "ImportOptions.MaxSheetRows", options.MaxSheetRows,
                            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the sheet has more than {options.MaxSheetRows:N0} rows"));
                    }

                    if (map is null)
                    {
                        if (row.Number > HeaderSearchRows)
                        {
                            break;
                        }

                        var cells = row.Cells.AsSpan(0, row.Count).ToArray();

                        // A pivot table caption ("Row Labels", "Values", "Sum of …", "Grand Total") above or in the
                        // header makes the sheet a pivot report (the Pivot sheet of the republished workbooks): its
                        // rows are sums of the data rows, and a header row under a "Values" caption can read like
                        // a data header. The sheet is skipped; see PivotTableCaptions.
                        if (PivotTableCaptions.FirstIn(cells) is not null)
                        {
                            break;
                        }

                        if (ColumnMap.TryCreate(cells, out map))
                        {
                            map!.Check(options, new ImportLocation(name, sheet.Name, row.Number, null));
                            aggregate ??= new FileAggregate(name, map.Kind) { ReleaseDate = ReleaseDate.FromFileName(name) };
                            if (aggregate.Kind != map.Kind)
                            {
                                throw new ImportFormatException(new ImportLocation(name, sheet.Name, row.Number, null),
                                    $"this sheet is a {map.Kind} table but an earlier sheet of the workbook is a {aggregate.Kind} table; import them from separate files.");
                            }

                            aggregate.Sheets.Add(sheet.Name);

                            // Cells right of the table's last column are not part of it: the source need not read them.
                            sheet.Columns?.Limit = map.Width;
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
                        Add(accumulator!, ref blank, row.Number - pendingBlank, name, sheet.Name);
                    }

                    // Cells past the row's last value are empty (the source's buffer may hold an earlier row's values there).
                    var width = Math.Max(row.Count, Math.Min(map.Width, row.Cells.Length));
                    Array.Clear(row.Cells, row.Count, width - row.Count);
                    var fields = new TextFieldRow(row.Cells, width);
                    if (row.Numeric != 0 && row.IsNumber(map.OffenceCode))
                    {
                        // A code typed as a number ("802"): read as the text the cell shows, and said in the report.
                        aggregate!.Tally.OffenceCodesStoredAsNumbers++;
                    }

                    Add(accumulator!, ref fields, row.Number, name, sheet.Name);
                    if (++done % ProgressEvery == 0)
                    {
                        options.Progress?.Report(new ImportProgress(name, done, 0));
                    }
                }

                accumulator?.MergeInto(aggregate!, _ => 0);
            }

            return aggregate ?? throw new ImportFormatException(name,
                $"'{name}' has no sheet with an open-data header row (it needs 'Force Name', 'Financial Year', 'Outcome Type' and an outcome count column, or 'Number of Offences') in its first {HeaderSearchRows} rows.", null);
        }
    }

    /// <summary>Adds a row; a sum beyond 64 bits becomes a format error at the row.</summary>
    private static void Add(OpenDataAccumulator accumulator, ref TextFieldRow row, long number, string name, string sheet)
    {
        try
        {
            accumulator.Add(ref row, number);
        }
        catch (OverflowException error)
        {
            throw new ImportFormatException(new ImportLocation(name, sheet, number, null),
                "the counts of the rows read so far, with this row's, add up to more than a 64-bit count holds (9,223,372,036,854,775,807).", error);
        }
    }
}
