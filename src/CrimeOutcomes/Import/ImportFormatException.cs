namespace CrimeOutcomes.Import;

/// <summary>
/// A published table could not be read: a malformed row (in strict mode, the first one), a missing column, or an
/// unreadable file. The message and <see cref="Location"/> name the file, the line or sheet row, and the column; a
/// problem with the whole file (not a workbook, no header row) names the file in the message and in <see cref="File"/>.
/// <see cref="ImportLimitException"/>, for a file beyond a limit of the options, is one.
/// </summary>
public class ImportFormatException : FormatException
{
    private readonly IReadOnlyList<string>? _files;

    private readonly string? _file;

    /// <summary>Creates the exception with a plain message (no location).</summary>
    public ImportFormatException()
        : this("The table could not be read.")
    {
    }

    /// <summary>Creates the exception with a plain message (no location).</summary>
    /// <param name="message">What went wrong.</param>
    public ImportFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a plain message (no location) and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ImportFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at <paramref name="location"/>.</summary>
    /// <param name="location">Where.</param>
    /// <param name="reason">What is wrong, quoting the value.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ImportFormatException(ImportLocation location, string reason, Exception? innerException = null)
        : base($"{location?.ToString() ?? "(unknown location)"}: {reason}", innerException)
    {
        ArgumentNullException.ThrowIfNull(location);
        Location = location;
        Reason = reason;
    }

    /// <summary>Creates the exception for a problem with the whole of <paramref name="file"/>; the message should name it.</summary>
    internal ImportFormatException(string file, string message, Exception? innerException)
        : base(message, innerException)
        => _file = file;

    /// <summary>Where the problem is, when it concerns a row or a header; null for a whole-file problem.</summary>
    public ImportLocation? Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Reason { get; }

    /// <summary>The file, or null when the exception was created without one.</summary>
    public string? File => Location?.File ?? _file;

    /// <summary>The line (csv) or row (sheet), or null.</summary>
    public long? LineOrRow => Location?.Number;

    /// <summary>The column header, or null; for a table that lacks a needed column, that column (the first of <see cref="MissingColumns"/>).</summary>
    public string? Column => Location?.Column ?? (MissingColumns.Count > 0 ? MissingColumns[0] : null);

    /// <summary>
    /// The needed columns the table lacks, by their headers ("Financial Year"); for a header row that is no table, what an
    /// outcomes table would need ("Force Name", "Outcome Type", a count column). Empty for other problems.
    /// </summary>
    public IReadOnlyList<string> MissingColumns { get; internal init; } = [];

    /// <summary>
    /// Every file the problem concerns: <see cref="File"/> alone, or, when two files clash (two undated releases
    /// with figures for the same keys), both, the one refused (<see cref="File"/>) last. Empty when no file is known.
    /// </summary>
    public IReadOnlyList<string> Files
    {
        get => _files ?? (File is { } file ? [file] : []);
        internal init => _files = value;
    }

    /// <summary>The same exception at another location (a csv range's line numbers are fixed up to the file's).</summary>
    internal virtual ImportFormatException At(ImportLocation location) => new(location, Reason!, InnerException);
}
