namespace CrimeOutcomes.Json;

// The JSON shapes of figures. Internal: the public domain types carry no serializer attributes.
// Required members are C# `required`; optional ones are nullable and omitted when null.

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
/// A group of forces declared once per document and referred to by its <see cref="Id"/>: either its listed
/// <see cref="Members"/> or, for a group published with only a count, <see cref="ForceCount"/> and <see cref="Within"/>.
/// </summary>
internal sealed class GroupDto
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string?>? Members { get; init; }

    public int? ForceCount { get; init; }

    public string? Within { get; init; }
}
