namespace CrimeOutcomes;

/// <summary>The written names of <see cref="Region"/> values.</summary>
public static class RegionNames
{
    /// <summary>The region's name as the ONS writes it, for example "Yorkshire and The Humber".</summary>
    /// <param name="region">The region.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined region.</exception>
    public static string ToDisplayName(this Region region) => region switch
    {
        Region.NorthEast => "North East",
        Region.NorthWest => "North West",
        Region.YorkshireAndTheHumber => "Yorkshire and The Humber",
        Region.EastMidlands => "East Midlands",
        Region.WestMidlands => "West Midlands",
        Region.EastOfEngland => "East of England",
        Region.London => "London",
        Region.SouthEast => "South East",
        Region.SouthWest => "South West",
        Region.Wales => "Wales",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not a defined region."),
    };

    /// <summary>
    /// The region's ONS code: E12000001 (North East) to E12000009 (South West) for the regions of England, in the
    /// order of <see cref="Region"/>, and the country code W92000004 for Wales. The codes are the ONS's own (ONS
    /// Open Geography Portal, "Regions (December 2022) names and codes in England"); the reference table of forces
    /// does not list them.
    /// </summary>
    /// <param name="region">The region.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined region.</exception>
    public static string ToOnsCode(this Region region) => region switch
    {
        >= Region.NorthEast and <= Region.SouthWest => $"E1200000{(int)region}",
        Region.Wales => AreaCodes.Wales,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not a defined region."),
    };

    /// <summary>Parses a region name ("Yorkshire and the Humber", "east of england"; case, spaces and "&amp;" ignored).</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="FormatException">The name is no region; the message lists the regions.</exception>
    public static Region Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameKey.Of(name);
        foreach (var region in Enum.GetValues<Region>())
        {
            if (NameKey.Of(region.ToDisplayName()) == key)
            {
                return region;
            }
        }

        throw new FormatException($"'{name}' is not a region: expected one of {string.Join(", ", Enum.GetValues<Region>().Select(r => r.ToDisplayName()))}.");
    }
}
