namespace CrimeOutcomes;

/// <summary>The region of England (or Wales as a whole) that a territorial police force area lies in, as the ONS names them.</summary>
public enum Region
{
    /// <summary>North East.</summary>
    NorthEast = 1,

    /// <summary>North West.</summary>
    NorthWest,

    /// <summary>Yorkshire and The Humber.</summary>
    YorkshireAndTheHumber,

    /// <summary>East Midlands.</summary>
    EastMidlands,

    /// <summary>West Midlands.</summary>
    WestMidlands,

    /// <summary>East of England.</summary>
    EastOfEngland,

    /// <summary>London.</summary>
    London,

    /// <summary>South East.</summary>
    SouthEast,

    /// <summary>South West.</summary>
    SouthWest,

    /// <summary>Wales, a country that the regional tables list beside the English regions.</summary>
    Wales,
}
