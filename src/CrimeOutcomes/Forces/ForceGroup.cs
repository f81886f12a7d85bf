namespace CrimeOutcomes;

/// <summary>
/// An area made of several forces: England, Wales, England and Wales, a region, or any named group such as
/// "the 36 forces that answered". A group published with only a count of its members (the seed story's
/// national figures) is made with <see cref="Unlisted"/>.
/// </summary>
public sealed class ForceGroup : Area
{
    private readonly HashSet<PoliceForce> _members;
    private readonly int? _declaredCount;
    private readonly string? _code;

    private ForceGroup(string name, AreaKind kind, IEnumerable<PoliceForce> forces, int? declaredCount, Area? within, string? code = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Forces = forces.Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        _members = [.. Forces];
        _declaredCount = declaredCount;
        Within = within;
        _code = code;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override string? Code => _code;

    /// <inheritdoc/>
    public override AreaKind Kind { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<PoliceForce> Forces { get; }

    /// <inheritdoc/>
    public override int ForceCount => _declaredCount ?? Forces.Count;

    /// <inheritdoc/>
    public override bool IsMembershipListed => _declaredCount is null;

    /// <summary>The wider area this group was drawn from, where known (England and Wales for "the 36 forces that answered").</summary>
    public Area? Within { get; }

    /// <summary>A named group of the listed forces.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="forces">Its members; at least one.</param>
    /// <param name="kind">The kind of area; <see cref="AreaKind.Group"/> unless it is a region or country.</param>
    /// <exception cref="ArgumentException">No forces were given, or the kind is <see cref="AreaKind.Force"/>.</exception>
    public static ForceGroup Of(string name, IEnumerable<PoliceForce> forces, AreaKind kind = AreaKind.Group)
    {
        ArgumentNullException.ThrowIfNull(forces);
        if (kind == AreaKind.Force)
        {
            throw new ArgumentException("A group of forces cannot have the kind Force; use the PoliceForce itself.", nameof(kind));
        }

        var group = new ForceGroup(name, kind, forces, null, null);
        return group.Forces.Count > 0
            ? group
            : throw new ArgumentException($"The group '{name}' must contain at least one force.", nameof(forces));
    }

    /// <summary>A listed group that remembers the wider area it was drawn from, as read back from a serialised form (JSON).</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="forces">Its members; at least one.</param>
    /// <param name="kind">The kind of area.</param>
    /// <param name="within">The area it was drawn from, or null.</param>
    internal static ForceGroup Restore(string name, IEnumerable<PoliceForce> forces, AreaKind kind, Area? within)
    {
        var group = Of(name, forces, kind);
        return within is null ? group : new ForceGroup(name, kind, group.Forces, null, within);
    }

    /// <summary>The same group carrying its ONS code, for the registry's regions, countries and England and Wales.</summary>
    /// <param name="code">The ONS code.</param>
    internal ForceGroup WithCode(string code) => new(Name, Kind, Forces, _declaredCount, Within, code);

    /// <summary>
    /// A group published with only the number of its members, such as "the 36 forces that answered", drawn from
    /// <paramref name="within"/>. Its figures can be held and its coverage stated ("36 of 43 forces"), but
    /// membership questions have no answer.
    /// </summary>
    /// <param name="name">The group's name.</param>
    /// <param name="forceCount">How many forces it covers, as published.</param>
    /// <param name="within">The area it was drawn from.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is not between 1 and the size of <paramref name="within"/>.</exception>
    public static ForceGroup Unlisted(string name, int forceCount, Area within)
    {
        ArgumentNullException.ThrowIfNull(within);
        if (forceCount < 1 || forceCount > within.ForceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(forceCount), forceCount, $"The group '{name}' must cover between 1 and {within.ForceCount} forces of {within.Name}.");
        }

        return new ForceGroup(name, AreaKind.Group, [], forceCount, within);
    }

    /// <summary>"The rest of" this area: the group without <paramref name="excluded"/>, named "{area} excluding {forces}".</summary>
    /// <param name="excluded">The forces to leave out.</param>
    /// <exception cref="InvalidOperationException">The membership of this group was not listed.</exception>
    /// <exception cref="ArgumentException">A force is not a member, or nothing would be left.</exception>
    public ForceGroup Excluding(params PoliceForce[] excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        RequireListed();
        var outsiders = excluded.Where(f => !_members.Contains(f)).Select(f => f.Name).ToArray();
        if (outsiders.Length > 0)
        {
            throw new ArgumentException($"{string.Join(", ", outsiders)} {(outsiders.Length == 1 ? "is" : "are")} not part of {Name}, so cannot be excluded from it.", nameof(excluded));
        }

        var name = $"{Name} excluding {string.Join(", ", excluded.Select(f => f.Name))}";
        var remaining = Forces.Except(excluded).ToArray();
        return remaining.Length > 0
            ? new ForceGroup(name, AreaKind.Group, remaining, null, this)
            : throw new ArgumentException($"Excluding {string.Join(", ", excluded.Select(f => f.Name))} leaves no force in {Name}.", nameof(excluded));
    }

    /// <inheritdoc/>
    public override bool Contains(PoliceForce force)
    {
        ArgumentNullException.ThrowIfNull(force);
        RequireListed();
        return _members.Contains(force);
    }

    internal override string Identity => Name;

    private void RequireListed()
    {
        if (!IsMembershipListed)
        {
            throw new InvalidOperationException($"The members of '{Name}' were not published (only that it covers {ForceCount} forces), so membership cannot be queried.");
        }
    }
}
