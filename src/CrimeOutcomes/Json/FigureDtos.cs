using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes.Json;

// The JSON shapes of figures. Internal: the public domain types carry no serializer attributes.
// Required members are C# `required`; optional ones are nullable and omitted when null. An optional list is
// [DisallowNull]: left out when empty (so a document without such figures reads as it always did), refused when null.

/// <summary>A period in its written form with its kind: <c>{"kind": "financialYear", "value": "2016/17"}</c>.</summary>
internal sealed class PeriodDto
{
    public required string Kind { get; init; }

    public required string Value { get; init; }
}

/// <summary>A crime scope: its name and the offence filters that narrow it.</summary>
internal sealed class ScopeDto
{
    public required string Name { get; init; }

    public string? OffenceGroup { get; init; }

    public string? OffenceSubgroup { get; init; }

    public string? OffenceCode { get; init; }
}

/// <summary>An area, period and scope; the area is a reference (a force's ONS code or name, or a group id).</summary>
internal sealed class FigureKeyDto
{
    public required string Area { get; init; }

    public required PeriodDto Period { get; init; }

    public required ScopeDto Scope { get; init; }
}

/// <summary>One recorded-crime figure.</summary>
internal sealed class RecordedCrimeDto
{
    public required string Area { get; init; }

    public required PeriodDto Period { get; init; }

    public required ScopeDto Scope { get; init; }

    public required long Count { get; init; }
}

/// <summary>One outcome count.</summary>
internal sealed class OutcomeCountDto
{
    public required string Area { get; init; }

    public required PeriodDto Period { get; init; }

    public required ScopeDto Scope { get; init; }

    public required string Basis { get; init; }

    public required string Outcome { get; init; }

    public required long Count { get; init; }
}

/// <summary>
/// A figure the source marks as absent, never a zero: recorded crimes (no <see cref="Basis"/>, no <see cref="Outcome"/>)
/// or the count of an outcome type on a basis (both given).
/// </summary>
internal sealed class MissingFigureDto
{
    public required string Area { get; init; }

    public required PeriodDto Period { get; init; }

    public required ScopeDto Scope { get; init; }

    public string? Basis { get; init; }

    public string? Outcome { get; init; }

    public required string Absence { get; init; }
}

/// <summary>A force-quarter the source lacks figures for: the force's reference, the quarter ("2014/15 Q4"), the basis (none for recorded crimes), why.</summary>
internal sealed class FigureGapDto
{
    public required string Force { get; init; }

    public required string Quarter { get; init; }

    public string? Basis { get; init; }

    public required string Absence { get; init; }
}

/// <summary>
/// A group of forces declared once per document and referred to by its <see cref="Id"/>: either its listed
/// <see cref="Members"/> or, for a group published with only a count, <see cref="ForceCount"/> and <see cref="Within"/>.
/// </summary>
internal sealed class GroupDto
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The group's ONS code (a region's E12…, England's E92000001), when it has one.</summary>
    public string? Code { get; init; }

    public IReadOnlyList<string?>? Members { get; init; }

    public int? ForceCount { get; init; }

    public string? Within { get; init; }
}
