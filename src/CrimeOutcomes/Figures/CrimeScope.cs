using System.Text;

namespace CrimeOutcomes;

/// <summary>
/// Which crimes a figure counts: all crime, or a named scope such as domestic abuse-related crime, optionally
/// narrowed to an offence group, subgroup or code of the Home Office offence classification.
/// </summary>
/// <remarks>Scopes compare equal when their names and offence filters match after normalising case and spaces.</remarks>
public sealed class CrimeScope : IEquatable<CrimeScope>
{
    private readonly string _key;

    private CrimeScope(string name, string? offenceGroup, string? offenceSubgroup, OffenceCode? offenceCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        OffenceGroup = Clean(offenceGroup);
        OffenceSubgroup = Clean(offenceSubgroup);
        OffenceCode = offenceCode;
        _key = string.Join('|', NameKey.Of(Name), NameKey.Of(OffenceGroup ?? string.Empty), NameKey.Of(OffenceSubgroup ?? string.Empty), offenceCode?.Canonical ?? string.Empty);
    }

    /// <summary>The scope's name: "All crime", "Domestic abuse-related".</summary>
    public string Name { get; }

    /// <summary>The offence group it is narrowed to ("Violence against the person"), or null.</summary>
    public string? OffenceGroup { get; }

    /// <summary>The offence subgroup it is narrowed to, or null.</summary>
    public string? OffenceSubgroup { get; }

    /// <summary>The offence code it is narrowed to, or null.</summary>
    public OffenceCode? OffenceCode { get; }

    /// <summary>Every crime recorded (the Home Office tables exclude fraud, which is recorded centrally).</summary>
    public static CrimeScope AllCrime { get; } = new("All crime", null, null, null);

    /// <summary>Crimes flagged as domestic abuse-related, the scope of the seed story's FOI figures.</summary>
    public static CrimeScope DomesticAbuseRelated { get; } = new("Domestic abuse-related", null, null, null);

    /// <summary>A named scope of crimes, such as "Hate crime".</summary>
    /// <param name="name">The name.</param>
    public static CrimeScope Named(string name) => new(name, null, null, null);

    /// <summary>This scope narrowed to an offence group.</summary>
    /// <param name="offenceGroup">The group, as the open data write it.</param>
    public CrimeScope WithOffenceGroup(string offenceGroup)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(offenceGroup);
        return new(Name, offenceGroup, OffenceSubgroup, OffenceCode);
    }

    /// <summary>This scope narrowed to an offence subgroup.</summary>
    /// <param name="offenceSubgroup">The subgroup, as the open data write it.</param>
    public CrimeScope WithOffenceSubgroup(string offenceSubgroup)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(offenceSubgroup);
        return new(Name, OffenceGroup, offenceSubgroup, OffenceCode);
    }

    /// <summary>This scope narrowed to an offence code.</summary>
    /// <param name="offenceCode">The code.</param>
    public CrimeScope WithOffenceCode(OffenceCode offenceCode) => new(Name, OffenceGroup, OffenceSubgroup, offenceCode);

    /// <summary>"All crime", or "All crime / Violence against the person / 8N" with the filters that apply.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        foreach (var part in new[] { OffenceGroup, OffenceSubgroup, OffenceCode?.Value })
        {
            if (part is not null)
            {
                text.Append(" / ").Append(part);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(CrimeScope? other) => other is not null && string.Equals(other._key, _key, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CrimeScope);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);

    /// <summary>Equality.</summary>
    public static bool operator ==(CrimeScope? left, CrimeScope? right) => Equals(left, right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CrimeScope? left, CrimeScope? right) => !Equals(left, right);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
