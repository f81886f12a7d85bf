namespace CrimeOutcomes;

/// <summary>
/// A place figures are given for: one <see cref="PoliceForce"/>, or a <see cref="ForceGroup"/> made of forces
/// (England, Wales, England and Wales, a region, "the 36 forces that answered").
/// </summary>
/// <remarks>Areas compare equal by kind and name.</remarks>
public abstract class Area : IEquatable<Area>
{
    private protected Area()
    {
    }

    /// <summary>The area's name, for example "West Mercia" or "England and Wales".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The area's ONS code, where it has one: "E23…" or "W15…" for a territorial force (its police force area),
    /// "E12…" for a region of England, "E92000001" for England, "W92000004" for Wales and "K04000001" for England and
    /// Wales; <see langword="null"/> for British Transport Police and for groups that are not ONS areas.
    /// </summary>
    /// <remarks><see cref="IForceRegistry.GetArea(string)"/> finds an area by this code.</remarks>
    public virtual string? Code => null;

    /// <summary>What kind of area this is.</summary>
    public abstract AreaKind Kind { get; }

    /// <summary>The forces known to make up the area (a force is made of itself). Empty when a published group did not list its members.</summary>
    public abstract IReadOnlyList<PoliceForce> Forces { get; }

    /// <summary>How many forces make up the area; for a group whose members were not listed, the number published.</summary>
    public virtual int ForceCount => Forces.Count;

    /// <summary>Whether <see cref="Forces"/> lists every member (false for a published group that gave only a count).</summary>
    public virtual bool IsMembershipListed => true;

    /// <summary>Whether <paramref name="force"/> is part of this area.</summary>
    /// <param name="force">The force.</param>
    /// <exception cref="InvalidOperationException">The membership of this group was not published, so the question has no answer.</exception>
    public abstract bool Contains(PoliceForce force);

    /// <summary>A key that identifies the area across kinds, used for equality.</summary>
    internal abstract string Identity { get; }

    /// <inheritdoc/>
    public bool Equals(Area? other) => other is not null && other.Kind == Kind && string.Equals(other.Identity, Identity, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Area);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Identity));

    /// <summary>The area's name.</summary>
    public override string ToString() => Name;

    /// <summary>Equality.</summary>
    public static bool operator ==(Area? left, Area? right) => Equals(left, right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Area? left, Area? right) => !Equals(left, right);
}
