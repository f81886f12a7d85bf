namespace CrimeOutcomes.Columnar;

/// <summary>
/// A columnar file that is not one of ours, is of another schema version, or lacks a column or holds a value the schema
/// does not allow. The message names the file and, where there is one, the column.
/// </summary>
public sealed class ColumnarSchemaException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> and, when known, <paramref name="column"/>.</summary>
    /// <param name="filePath">The file read.</param>
    /// <param name="column">The column at fault, or null when the file as a whole is.</param>
    /// <param name="message">What is wrong, without the file name (it is prefixed).</param>
    public ColumnarSchemaException(string filePath, string? column, string message)
        : base($"{filePath}{(column is null ? string.Empty : $", column '{column}'")}: {message}")
    {
        FilePath = filePath;
        Column = column;
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>The column at fault, or null when the file as a whole is (such as a wrong schema version).</summary>
    public string? Column { get; }
}
