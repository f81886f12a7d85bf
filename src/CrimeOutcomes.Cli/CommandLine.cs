using System.CommandLine;
using CrimeOutcomes.Columnar;
using CrimeOutcomes.Export;
using CrimeOutcomes.Import;

namespace CrimeOutcomes.Cli;

/// <summary>
/// The commands: no arguments prints the seed table; <c>import</c> prints an import report; <c>ratios</c> prints ratios
/// by force; <c>convert</c> writes the files as Parquet, Arrow or csv.
/// </summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("crime-outcomes: the Home Office crime outcomes framework. With no command, prints the seed story's table and its ratios.");
        root.SetAction(parse => SeedTable.Print(parse.InvocationConfiguration.Output));
        root.Add(BuildImport());
        root.Add(BuildRatios());
        root.Add(BuildConvert());
        return root;
    }

    private static Argument<FileInfo[]> FilesArgument() => new("files")
    {
        Description = "Outcomes open-data or recorded-crime tables (.csv, .csv.gz, .xlsx, .ods, or a .zip of those; csv text in UTF-8, UTF-16 or Windows-1252); several files make one dataset, a later release replacing an earlier one year by year.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<bool> LenientOption() => new("--lenient")
    {
        Description = "Collect malformed rows in the report instead of stopping at the first one.",
    };

    private static Option<int> ThreadsOption() => new("--threads")
    {
        Description = "How many threads a large csv file is read with (default: one per processor).",
        DefaultValueFactory = _ => 0,
        Validators = { result => { if (result.GetValueOrDefault<int>() < 0) { result.AddError("--threads must be 0 (one per processor) or more."); } } },
    };

    private static Command BuildImport()
    {
        var files = FilesArgument();
        var lenient = LenientOption();
        var threads = ThreadsOption();
        var byQuarter = new Option<bool>("--by-quarter") { Description = "Keep figures per financial quarter instead of summing to years." };
        var grain = new Option<OffenceGrain>("--offence-grain") { Description = "Keep offences apart by Group, Subgroup or Code (default: None, all offences together).", DefaultValueFactory = _ => OffenceGrain.None };
        var groups = new Option<string[]>("--offence-group") { Description = "Keep only this offence group (repeatable).", AllowMultipleArgumentsPerToken = false };
        var forces = new Option<string[]>("--force") { Description = "Keep only this force (repeatable).", AllowMultipleArgumentsPerToken = false };
        var years = new Option<string[]>("--year") { Description = "Keep only this financial year, such as 2020/21 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var export = new Option<FileInfo?>("--export") { Description = "Also write the dataset to this csv file." };
        var command = new Command("import", "Reads the files and prints the import report: rows read, kept, filtered, rejected (with line and reason), set aside, unknown names, and the count totals.")
        {
            files, lenient, threads, byQuarter, grain, groups, forces, years, export,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guard(error, () =>
            {
                var options = ImportOptions.Default with
                {
                    Strict = !parse.GetValue(lenient),
                    MaxDegreeOfParallelism = parse.GetValue(threads),
                    ByQuarter = parse.GetValue(byQuarter),
                    OffenceGrain = parse.GetValue(grain),
                    OffenceGroups = parse.GetValue(groups) is { Length: > 0 } g ? g : null,
                    Forces = parse.GetValue(forces) is { Length: > 0 } f ? f.Select(ForceRegistry.Default.Get).ToArray() : null,
                    Years = parse.GetValue(years) is { Length: > 0 } y ? y.Select(FinancialYear.Parse).ToArray() : null,
                };
                var result = ImportProgressBar.Run(parse.GetValue(files)!, options);
                output.Write(result.Report.ToString());
                output.WriteLine($"Dataset: {result.Dataset.Keys.Count:N0} keys, {result.Dataset.RecordedCrimes.Count:N0} recorded-crime figures, {result.Dataset.OutcomeCounts.Count:N0} outcome counts.");
                if (parse.GetValue(export) is { } path)
                {
                    Export.CsvExport.WriteDataset(result.Dataset, path.FullName);
                    output.WriteLine($"Dataset written to {path.FullName}.");
                }

                return 0;
            });
        });
        return command;
    }

    private static Command BuildConvert()
    {
        var files = FilesArgument();
        var lenient = LenientOption();
        var to = new Option<ColumnarFormat>("--to") { Description = "The format: Parquet, Arrow (an Arrow IPC file) or Csv.", Required = true };
        var rows = new Option<bool>("--rows") { Description = "Write the clean row-level table: every kept row, validated, as it streams (the default)." };
        var dataset = new Option<bool>("--dataset") { Description = "Write the aggregated dataset (force × year × outcome type) instead of the rows." };
        var path = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("convert", "Reads the files and writes their validated rows (--rows) or the dataset (--dataset) as Parquet, Arrow or csv, for DuckDB, pandas, Spark or notebooks (schemas in docs/columnar.md).")
        {
            files, lenient, to, rows, dataset, path,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(rows) && result.GetValue(dataset))
            {
                result.AddError("Give --rows or --dataset, not both.");
            }
        });
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guard(error, () =>
            {
                var target = parse.GetValue(path)!.FullName;
                var format = parse.GetValue(to);
                var options = ImportOptions.Default with { Strict = !parse.GetValue(lenient) };
                if (parse.GetValue(dataset))
                {
                    var result = ImportProgressBar.Run(parse.GetValue(files)!, options);
                    OutcomeDatasetFile.Write(result.Dataset, target, format);
                    output.WriteLine($"Dataset written to {target} ({format}): {result.Dataset.RecordedCrimes.Count:N0} recorded-crime figures, {result.Dataset.OutcomeCounts.Count:N0} outcome counts, {result.Dataset.MissingFigures.Count:N0} missing figures.");
                    return 0;
                }

                long written;
                using (var writer = OpenDataRowWriter.Create(target, format))
                {
                    ImportProgressBar.Run(parse.GetValue(files)!, options with { RowSink = writer });
                    written = writer.RowsWritten;
                }

                output.WriteLine($"Rows written to {target} ({format}): {written:N0} rows.");
                return 0;
            });
        });
        return command;
    }

    private static Command BuildRatios()
    {
        var files = FilesArgument();
        var lenient = LenientOption();
        var threads = ThreadsOption();
        var national = new Option<string>("--national")
        {
            Description = "The group of the national line: england-and-wales (the Home Office's, without British Transport Police) or with-btp (England and Wales and British Transport Police). BTP has its own line either way.",
            DefaultValueFactory = _ => "england-and-wales",
        };
        national.AcceptOnlyFromAmong("england-and-wales", "with-btp");
        var outcome = new Option<string>("--outcome")
        {
            Description = "The outcome type(s) of the numerator: '16', or several joined by commas such as '14,16'.",
            Required = true,
        };
        var by = new Option<string>("--by") { Description = "One line per force or per region.", DefaultValueFactory = _ => "force" };
        by.AcceptOnlyFromAmong("force", "region");
        var year = new Option<string[]>("--year")
        {
            Description = "The financial year (2020/21), a range (2014/15..2025/26) or a list joined by commas (repeatable); several years print areas × years with the changes.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var layout = new Option<string>("--layout") { Description = "For several years: wide (one line per area, a column per year) or long (one line per area and year).", DefaultValueFactory = _ => "wide" };
        layout.AcceptOnlyFromAmong("wide", "long");
        var scope = new Option<string?>("--scope") { Description = "An offence group to narrow to, such as 'Violence against the person' (default: all crime)." };
        var basis = new Option<string>("--basis") { Description = "recorded: outcomes for offences recorded in the year (the Home Office headline); closed: outcomes assigned in the year.", DefaultValueFactory = _ => "recorded" };
        basis.AcceptOnlyFromAmong("recorded", "closed");
        var denominator = new Option<string>("--denominator") { Description = "recorded-crimes, assigned-outcomes or suspect-identified.", DefaultValueFactory = _ => "recorded-crimes" };
        denominator.AcceptOnlyFromAmong("recorded-crimes", "assigned-outcomes", "suspect-identified");
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("ratios", "Prints an outcome ratio by force (or region) for one financial year or a run of years, with the national line, its coverage, the changes and the known issues of the data.")
        {
            files, outcome, by, year, scope, basis, denominator, national, format, layout, lenient, threads,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Guard(error, () =>
            {
                var request = new RatioRequest(
                    parse.GetValue(outcome)!,
                    parse.GetValue(by)!,
                    [.. parse.GetValue(year)!.SelectMany(FinancialYear.ParseRun).Distinct().Order()],
                    parse.GetValue(scope),
                    FigureNames.ParseBasis(parse.GetValue(basis)!),
                    parse.GetValue(denominator) switch
                    {
                        "assigned-outcomes" => RatioDenominator.AssignedOutcomes,
                        "suspect-identified" => RatioDenominator.SuspectIdentifiedOutcomes,
                        _ => RatioDenominator.RecordedCrimes,
                    },
                    parse.GetValue(format)!,
                    parse.GetValue(national) == "with-btp",
                    parse.GetValue(layout) == "long" ? SeriesLayout.Long : SeriesLayout.Wide);
                var options = ImportOptions.Default with
                {
                    Strict = !parse.GetValue(lenient),
                    MaxDegreeOfParallelism = parse.GetValue(threads),
                    Years = request.Years,
                    OffenceGroups = request.Scope is null ? null : [request.Scope],
                };
                var result = ImportProgressBar.Run(parse.GetValue(files)!, options);
                if (request.Years.Count == 1)
                {
                    RatioTable.Print(result, request, output);
                }
                else
                {
                    SeriesTable.Print(result, request, output);
                }

                return 0;
            });
        });
        return command;
    }

    /// <summary>Runs a command body, turning the errors a user can cause into a message on standard error and exit code 2.</summary>
    private static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
