using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CrimeOutcomes.Json;

/// <summary>A coverage: the area, how many forces it covers and, when known, which; and the force-quarters those forces lack.</summary>
internal sealed class CoverageDto
{
    public required string Area { get; init; }

    public required int ForcesCovered { get; init; }

    public IReadOnlyList<string?>? Contributing { get; init; }

    [DisallowNull]
    public IReadOnlyList<FigureGapDto?>? Gaps { get; init; }
}

/// <summary>What a ratio divides.</summary>
internal sealed class RatioDefinitionDto
{
    public required string Name { get; init; }

    public required IReadOnlyList<string?> Numerator { get; init; }

    public required string Denominator { get; init; }

    /// <summary>Written only when true: a numerator outcome type without a figure counts as zero.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MissingOutcomesCountAsZero { get; init; }
}

/// <summary>
/// An exact ratio with its labels, basis, coverage and, when known, its key and definition. A ratio without counts
/// has both counts null (written, not left out) and lists the <see cref="MissingFigures"/> that leave it so.
/// </summary>
internal sealed class RatioDto
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Numerator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Denominator { get; init; }

    [DisallowNull]
    public IReadOnlyList<MissingFigureDto?>? MissingFigures { get; init; }

    public required string NumeratorLabel { get; init; }

    public required string DenominatorLabel { get; init; }

    public required string Basis { get; init; }

    public required CoverageDto Coverage { get; init; }

    public FigureKeyDto? Key { get; init; }

    public RatioDefinitionDto? Definition { get; init; }
}

/// <summary>The change between two ratios.</summary>
internal sealed class RatioChangeDto
{
    public required RatioDto From { get; init; }

    public required RatioDto To { get; init; }
}

/// <summary>One outcome's count within an aggregate.</summary>
internal sealed class OutcomeCountEntryDto
{
    public required string Outcome { get; init; }

    public required long Count { get; init; }
}

/// <summary>The figures of an area for one key and basis.</summary>
internal sealed class AreaAggregateDto
{
    public required string Area { get; init; }

    public required PeriodDto Period { get; init; }

    public required ScopeDto Scope { get; init; }

    public required string Basis { get; init; }

    public required bool IsComputed { get; init; }

    public long? RecordedCrimes { get; init; }

    public required CoverageDto RecordedCrimesCoverage { get; init; }

    public required IReadOnlyList<OutcomeCountEntryDto?> OutcomeCounts { get; init; }

    public required CoverageDto OutcomeCountsCoverage { get; init; }

    /// <summary>The outcome types without a figure for the area (or for some included force), one entry a force and type.</summary>
    [DisallowNull]
    public IReadOnlyList<MissingFigureDto?>? MissingOutcomes { get; init; }
}
