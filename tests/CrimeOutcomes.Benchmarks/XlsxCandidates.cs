using ExcelDataReader;

namespace CrimeOutcomes.Benchmarks;

/// <summary>
/// The xlsx readers measured side by side for issue 13: each reads every cell of every sheet of a workbook as text
/// and returns the rows, the non-empty cells and a checksum (the sum of the texts' lengths), so that all do the same work.
/// </summary>
internal static partial class XlsxCandidates
{
    public static IReadOnlyList<(string Name, Func<string, (long Rows, long Cells, long Checksum)> Read)> All { get; } =
    [
        ("exceldatareader", ExcelDataReaderCells),
        ("xmlreader", XmlReaderCells),
        ("scanner", ScannerCells),
        ("inflate-only", InflateOnly),
    ];

    /// <summary>ExcelDataReader 3.6 (the reader before issue 13): GetValue of every cell, as the old XlsxSheetSource turned it to text.</summary>
    public static (long, long, long) ExcelDataReaderCells(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        long rows = 0, cells = 0, checksum = 0;
        do
        {
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var text = value switch
                    {
                        null => null,
                        string s => s,
                        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    };
                    if (text is not null)
                    {
                        cells++;
                        checksum += text.Length;
                    }
                }
            }
        }
        while (reader.NextResult());
        return (rows, cells, checksum);
    }
}
