using System.Globalization;

namespace CrimeOutcomes.Import;

/// <summary>
/// A file goes beyond a limit of the reader's options: a csv line longer than
/// <see cref="ImportOptions.MaxLineLength"/>, a part of a workbook that would expand beyond
/// <see cref="ImportOptions.MaxEntryBytes"/> or <see cref="ImportOptions.MaxCompressionRatio"/> (a zip bomb), a cell
/// longer than <see cref="ImportOptions.MaxCellLength"/>, a sheet with more than <see cref="ImportOptions.MaxSheetRows"/>
/// rows. The reader stops before it buffers the oversized data. The message names the file (and the line or row when
/// known), the option and its value; raise the option to read such a file.
/// </summary>
public sealed class ImportLimitException : ImportFormatException
{
    private readonly string? _what;

    /// <summary>Creates the exception with a plain message.</summary>
    public ImportLimitException()
        : this("The file goes beyond a limit of the reader.")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    /// <param name="message">What went wrong.</param>
    public ImportLimitException(string message)
        : base(message)
    {
        LimitName = string.Empty;
    }

    /// <summary>Creates the exception with a plain message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ImportLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
        LimitName = string.Empty;
    }

    /// <summary>Creates the exception for a limit exceeded at <paramref name="location"/>.</summary>
    /// <param name="location">Where.</param>
    /// <param name="limitName">The option, such as "ImportOptions.MaxLineLength".</param>
    /// <param name="limit">Its value.</param>
    /// <param name="reason">What goes beyond it.</param>
    public ImportLimitException(ImportLocation location, string limitName, long limit, string reason)
        : base(location, WithLimit(reason, limitName, limit))
    {
        LimitName = limitName;
        Limit = limit;
        _what = reason;
    }

    /// <summary>Creates the exception for a limit that the whole of <paramref name="file"/> (or a part of a workbook) exceeds.</summary>
    internal ImportLimitException(string file, string limitName, long limit, string reason)
        : base(file, $"'{file}': {WithLimit(reason, limitName, limit)}", null)
    {
        LimitName = limitName;
        Limit = limit;
        _what = reason;
    }

    /// <summary>The option whose limit was reached, such as "ImportOptions.MaxLineLength"; empty when not given.</summary>
    public string LimitName { get; }

    /// <summary>The option's value.</summary>
    public long Limit { get; }

    /// <inheritdoc/>
    internal override ImportFormatException At(ImportLocation location) => new ImportLimitException(location, LimitName, Limit, _what ?? Message);

    private static string WithLimit(string reason, string limitName, long limit)
        => string.Create(CultureInfo.InvariantCulture, $"{reason} (limit: {limitName} = {limit:N0}).");
}
