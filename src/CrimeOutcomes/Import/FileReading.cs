namespace CrimeOutcomes.Import;

/// <summary>How a file was read: the encoding of its text and what it came packed in, as the report gives them.</summary>
/// <param name="Encoding">"UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252"; null for a workbook.</param>
/// <param name="Container">"gzip", "zip" or "zip/gzip"; null for a file read as it is.</param>
internal sealed record FileReading(string? Encoding, string? Container)
{
    /// <summary>The report with this reading's encoding and container.</summary>
    public FileImportReport ApplyTo(FileImportReport report) => report with { Encoding = Encoding, Container = Container };

    /// <summary>The result with this reading applied to each of its files' reports.</summary>
    public ImportResult ApplyTo(ImportResult result) => result with { Report = new ImportReport([.. result.Report.Files.Select(ApplyTo)]) };
}
