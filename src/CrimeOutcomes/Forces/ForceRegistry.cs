using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CrimeOutcomes;

/// <summary>
/// An immutable registry of police forces. <see cref="Default"/> holds the 43 territorial forces of England and
/// Wales, keyed by the ONS codes of their police force areas, and British Transport Police.
/// </summary>
public sealed class ForceRegistry : IForceRegistry
{
    private static readonly string[] Suffixes = ["police service", "police force", "constabulary", "police"];

    /// <summary>Names longer than this (after normalising) get no suggestions: no force name comes near.</summary>
    private const int MaxSuggestedKeyLength = 200;

    /// <summary>
    /// Rows of the published tables that are not forces, compared as <see cref="NameKey"/> keys (so in any case:
    /// the PRC tables write both "CIFAS" and "Cifas"). The fraud rows of the PRC tables are Action Fraud, CIFAS,
    /// UK Finance and, in earlier years, Financial Fraud Action UK (UK Finance's predecessor).
    /// </summary>
    private static readonly string[] NonForceNames =
    [
        "Action Fraud", "CIFAS", "UK Finance", "Financial Fraud Action UK", "National Fraud Intelligence Bureau", "NFIB", "Total", "Totals", "Grand total",
        "England and Wales", "England & Wales", "England", "Wales", "England and Wales total", "All forces", "National total",
    ];

    private readonly FrozenDictionary<string, PoliceForce> _byKey;
    private readonly FrozenDictionary<string, PoliceForce> _byCode;
    private readonly FrozenSet<string> _nonForceKeys;
    private readonly FrozenDictionary<Region, ForceGroup> _regions;
    private readonly FrozenDictionary<string, Area> _areasByCode;

    /// <summary>Creates a registry of <paramref name="forces"/>.</summary>
    /// <param name="forces">The forces; names, aliases and area codes must not collide.</param>
    /// <exception cref="ArgumentException">Two forces share a name, alias or area code.</exception>
    public ForceRegistry(IEnumerable<PoliceForce> forces)
    {
        ArgumentNullException.ThrowIfNull(forces);
        All = forces.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

        var byKey = new Dictionary<string, PoliceForce>(StringComparer.Ordinal);
        foreach (var force in All)
        {
            foreach (var name in Names(force))
            {
                var key = Key(name);
                if (byKey.TryGetValue(key, out var other) && other != force)
                {
                    throw new ArgumentException($"The name '{name}' would match both {other.Name} and {force.Name}.", nameof(forces));
                }

                byKey[key] = force;
            }
        }

        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        var coded = All.Where(f => f.AreaCode is not null).ToArray();
        var duplicateCode = coded.GroupBy(f => f.AreaCode!.Value.Value).FirstOrDefault(g => g.Count() > 1);
        if (duplicateCode is not null)
        {
            throw new ArgumentException($"The area code {duplicateCode.Key} is used by more than one force.", nameof(forces));
        }

        _byCode = coded.ToFrozenDictionary(f => f.AreaCode!.Value.Value, StringComparer.Ordinal);

        var territorial = All.Where(f => f.IsTerritorial).ToArray();
        EnglandAndWales = ForceGroup.Of("England and Wales", territorial, AreaKind.EnglandAndWales).WithCode(AreaCodes.EnglandAndWales);
        EnglandAndWalesAndBritishTransportPolice = ForceGroup.Of(
            "England and Wales and British Transport Police",
            All.Where(f => f.IsTerritorial || f.Country == Country.GreatBritain));
        England = ForceGroup.Of("England", territorial.Where(f => f.Country == Country.England), AreaKind.Country).WithCode(AreaCodes.England);
        Wales = ForceGroup.Of("Wales", territorial.Where(f => f.Country == Country.Wales), AreaKind.Country).WithCode(AreaCodes.Wales);
        _regions = territorial.Where(f => f.Region is not null)
            .GroupBy(f => f.Region!.Value)
            .ToFrozenDictionary(g => g.Key, g => ForceGroup.Of(g.Key.ToDisplayName(), g, AreaKind.Region).WithCode(g.Key.ToOnsCode()));
        var byCode = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase);
        foreach (var area in _regions.Values.Concat<Area>(coded).Append(England).Append(Wales).Append(EnglandAndWales))
        {
            byCode[area.Code!] = area;
        }

        _areasByCode = byCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _nonForceKeys = NonForceNames.Concat(Enum.GetValues<Region>().Select(r => r.ToDisplayName()))
            .Select(n => NameKey.Of(n))
            .Where(k => !_byKey.ContainsKey(k))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The 43 territorial forces of England and Wales and British Transport Police.</summary>
    public static ForceRegistry Default { get; } = new(DefaultForces.Create());

    /// <inheritdoc/>
    public IReadOnlyList<PoliceForce> All { get; }

    /// <inheritdoc/>
    public ForceGroup EnglandAndWales { get; }

    /// <inheritdoc/>
    public ForceGroup England { get; }

    /// <inheritdoc/>
    public ForceGroup Wales { get; }

    /// <inheritdoc/>
    public ForceGroup EnglandAndWalesAndBritishTransportPolice { get; }

    /// <inheritdoc/>
    public IEnumerable<ForceGroup> Regions => _regions.OrderBy(r => r.Key).Select(r => r.Value);

    /// <inheritdoc/>
    public ForceGroup RegionOf(Region region)
        => _regions.TryGetValue(region, out var group)
            ? group
            : throw new KeyNotFoundException($"The registry has no force in the region {region}.");

    /// <inheritdoc/>
    public PoliceForce Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = Match(name);
        return match.Kind switch
        {
            ForceNameMatchKind.Force => match.Force!,
            ForceNameMatchKind.NonForce => throw new KeyNotFoundException($"'{name}' is not a police force but a non-force row of the published tables (such as Action Fraud, CIFAS, UK Finance or a total)."),
            _ => throw new KeyNotFoundException($"'{name}' is not a known police force. Nearest known names: {string.Join(", ", match.Suggestions.Select(s => $"'{s}'"))}."),
        };
    }

    /// <inheritdoc/>
    public PoliceForce Get(PoliceForceAreaCode code)
        => _byCode.TryGetValue(code.Value, out var force)
            ? force
            : throw new KeyNotFoundException($"No force has the police force area code {code}.");

    /// <inheritdoc/>
    public Area GetArea(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryGetArea(code, out var area)
            ? area
            : throw new KeyNotFoundException(
                $"'{code}' is not the ONS code of an area the registry knows: expected a force (E23… or W15…), a region (E12000001 to E12000009), England ({AreaCodes.England}), Wales ({AreaCodes.Wales}) or England and Wales ({AreaCodes.EnglandAndWales}).");
    }

    /// <inheritdoc/>
    public bool TryGetArea([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Area? area)
    {
        area = null;
        return code is not null && _areasByCode.TryGetValue(code.Trim(), out area);
    }

    /// <inheritdoc/>
    public bool TryGet([NotNullWhen(true)] string? name, [NotNullWhen(true)] out PoliceForce? force)
    {
        force = null;
        return name is not null && _byKey.TryGetValue(Key(name), out force);
    }

    /// <inheritdoc/>
    public ForceNameMatch Match(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        if (_byKey.TryGetValue(key, out var force))
        {
            return new ForceNameMatch(name, ForceNameMatchKind.Force, force, []);
        }

        if (_nonForceKeys.Contains(NameKey.Of(name)) || _nonForceKeys.Contains(key))
        {
            return new ForceNameMatch(name, ForceNameMatchKind.NonForce, null, []);
        }

        // Suggestions cost a Levenshtein distance to every known name: for text far longer than any force name (a
        // runaway cell, a hostile document) none is near, and computing them would take seconds per megabyte.
        var suggestions = key.Length > MaxSuggestedKeyLength
            ? []
            : NameKey.Nearest(key, All.SelectMany(f => Names(f).Select(n => (Key(n), f.Name))));
        return new ForceNameMatch(name, ForceNameMatchKind.Unknown, null, suggestions);
    }

    private static IEnumerable<string> Names(PoliceForce force)
        => new[] { force.Name, force.HomeOfficeName, force.DataPoliceUkId }.Concat(force.Aliases);

    /// <summary>The matching key: <see cref="NameKey"/> with "the" and the force suffixes removed.</summary>
    private static string Key(string name)
    {
        var key = NameKey.Of(name);
        if (key.StartsWith("the ", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        foreach (var suffix in Suffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(" " + suffix, StringComparison.Ordinal))
            {
                key = key[..^(suffix.Length + 1)];
                break;
            }
        }

        return key;
    }
}
