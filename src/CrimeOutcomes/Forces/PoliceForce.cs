namespace CrimeOutcomes;

/// <summary>
/// A police force of England and Wales: one of the 43 territorial forces, keyed by the ONS code of its police
/// force area, or British Transport Police, a national force with no area. A force is an <see cref="Area"/>.
/// </summary>
/// <remarks>Get forces from an <see cref="IForceRegistry"/> (<see cref="ForceRegistry.Default"/>); they are immutable.</remarks>
public sealed class PoliceForce : Area
{
    private readonly PoliceForce[] _self;

    /// <summary>Creates a force. Prefer <see cref="ForceRegistry.Default"/>; this exists for registries loaded from elsewhere.</summary>
    /// <param name="name">The usual short name ("West Mercia").</param>
    /// <param name="homeOfficeName">The name in the Home Office open data ("Devon and Cornwall").</param>
    /// <param name="areaCode">The ONS police force area code, or null for a national force.</param>
    /// <param name="dataPoliceUkId">The force identifier used by data.police.uk ("west-mercia").</param>
    /// <param name="country">The country it serves.</param>
    /// <param name="region">The region, or null for a national force.</param>
    /// <param name="aliases">Other names it is known by.</param>
    public PoliceForce(string name, string homeOfficeName, PoliceForceAreaCode? areaCode, string dataPoliceUkId, Country country, Region? region, IEnumerable<string>? aliases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(homeOfficeName);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoliceUkId);
        Name = name;
        HomeOfficeName = homeOfficeName;
        AreaCode = areaCode;
        DataPoliceUkId = dataPoliceUkId;
        Country = country;
        Region = region;
        Aliases = aliases?.ToArray() ?? [];
        _self = [this];
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>The name in the Home Office open data ("Devon and Cornwall", "London, City of").</summary>
    public string HomeOfficeName { get; }

    /// <summary>The ONS police force area code, the stable key; null for British Transport Police.</summary>
    public PoliceForceAreaCode? AreaCode { get; }

    /// <summary>The identifier used by data.police.uk ("west-mercia").</summary>
    public string DataPoliceUkId { get; }

    /// <summary>The country the force serves.</summary>
    public Country Country { get; }

    /// <summary>The region its area lies in, or null for a national force.</summary>
    public Region? Region { get; }

    /// <summary>Whether this is one of the 43 territorial forces of England and Wales (British Transport Police is not).</summary>
    public bool IsTerritorial => AreaCode is not null;

    /// <summary>Other names the force is known by ("Metropolitan Police Service", "Hampshire and Isle of Wight Constabulary").</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <inheritdoc/>
    public override string? Code => AreaCode?.Value;

    /// <inheritdoc/>
    public override AreaKind Kind => AreaKind.Force;

    /// <inheritdoc/>
    public override IReadOnlyList<PoliceForce> Forces => _self;

    /// <inheritdoc/>
    public override bool Contains(PoliceForce force) => Equals(force);

    internal override string Identity => AreaCode?.Value ?? DataPoliceUkId;
}
