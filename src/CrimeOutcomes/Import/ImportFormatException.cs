namespace CrimeOutcomes.Import;

/// <summary>
/// A published table could not be read: a malformed row (in strict mode, the first one), a missing column, or an
/// unreadable file. The message and <see cref="Location"/> name the file, the line or sheet row, and the column.
/// </summary>
public sealed class ImportFormatException : FormatException
{
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

    /// <summary>Where the problem is, when it concerns a row or a header; null for a whole-file problem.</summary>
    public ImportLocation? Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Reason { get; }

    /// <summary>The file, or null.</summary>
    public string? File => Location?.File;

    /// <summary>The line (csv) or row (sheet), or null.</summary>
    public long? LineOrRow => Location?.Number;

    /// <summary>The column header, or null.</summary>
    public string? Column => Location?.Column;
}
