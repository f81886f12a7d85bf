using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// The outcome types a program knows, with parsing of the codes and texts found in published tables.
/// <see cref="OutcomeCatalogue.Default"/> is the framework as published; substitute another catalogue to carry
/// later revisions (new codes, withdrawal dates after the out-of-court disposal reforms).
/// </summary>
/// <remarks>Implementations must be immutable and safe to use from many threads at once.</remarks>
public interface IOutcomeCatalogue
{
    /// <summary>Every outcome type, in code order (0, 1, 1A, 2, 2A…).</summary>
    IReadOnlyList<OutcomeType> All { get; }

    /// <summary>The type with exactly this code ("16", "1A"; case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">No type has that code; the message lists the known codes.</exception>
    OutcomeType Get(string code);

    /// <summary>
    /// Parses a code in any of its written forms ("16", "Outcome 16", "OC16", "1a") or, failing that, an open-data
    /// outcome description or group text that identifies exactly one type.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">Nothing matches, or a group text matches several types; the message quotes the text.</exception>
    OutcomeType Parse(string text);

    /// <summary>Tries to parse as <see cref="Parse(string)"/> does; returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="outcome">The outcome type, when parsing succeeds.</param>
    bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out OutcomeType? outcome);

    /// <summary>Tries to read a bare or prefixed code ("16", "OC16", "1a") from a span without allocating; texts are not matched.</summary>
    /// <param name="code">The characters of the code.</param>
    /// <param name="outcome">The outcome type, when found.</param>
    bool TryGetByCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out OutcomeType? outcome);
}
