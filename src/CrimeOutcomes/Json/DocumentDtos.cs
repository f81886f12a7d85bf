using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes.Json;

// The root objects. Each carries the schema version first and the groups its area references use.
// "groups" may be left out: the source-generated reader then sets it to null (an init-only property's initializer
// does not survive), so readers use `Groups ?? []`; an explicit null is still refused.

/// <summary>
/// A dataset document: <c>{"schemaVersion": 1, "groups": [...], "recordedCrimes": [...], "outcomeCounts": [...],
/// "missingFigures": [...], "gaps": [...]}</c>; the last two are left out when empty.
/// </summary>
internal sealed class DatasetDocument
{
    public required int SchemaVersion { get; init; }

    public IReadOnlyList<GroupDto?> Groups { get; init; } = [];

    public required IReadOnlyList<RecordedCrimeDto?> RecordedCrimes { get; init; }

    public required IReadOnlyList<OutcomeCountDto?> OutcomeCounts { get; init; }

    [DisallowNull]
    public IReadOnlyList<MissingFigureDto?>? MissingFigures { get; init; }

    [DisallowNull]
    public IReadOnlyList<FigureGapDto?>? Gaps { get; init; }
}

/// <summary>A ratio document.</summary>
internal sealed class RatioDocument
{
    public required int SchemaVersion { get; init; }

    public IReadOnlyList<GroupDto?> Groups { get; init; } = [];

    public required RatioDto Ratio { get; init; }
}

/// <summary>A ratio-change document.</summary>
internal sealed class RatioChangeDocument
{
    public required int SchemaVersion { get; init; }

    public IReadOnlyList<GroupDto?> Groups { get; init; } = [];

    public required RatioChangeDto RatioChange { get; init; }
}

/// <summary>An area-aggregate document.</summary>
internal sealed class AreaAggregateDocument
{
    public required int SchemaVersion { get; init; }

    public IReadOnlyList<GroupDto?> Groups { get; init; } = [];

    public required AreaAggregateDto AreaAggregate { get; init; }
}

/// <summary>A coverage document.</summary>
internal sealed class CoverageDocument
{
    public required int SchemaVersion { get; init; }

    public IReadOnlyList<GroupDto?> Groups { get; init; } = [];

    public required CoverageDto Coverage { get; init; }
}
