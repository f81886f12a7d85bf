namespace CrimeOutcomes;

/// <summary>
/// The forces of the default registry: the 43 territorial forces of England and Wales with the ONS codes of their
/// police force areas, and British Transport Police. Source: the project's reference table of police forces
/// (ONS police force area codes, Home Office open-data names, data.police.uk identifiers).
/// </summary>
internal static class DefaultForces
{
    public static PoliceForce[] Create() =>
        [
            new("Metropolitan Police", "Metropolitan Police", PoliceForceAreaCode.Parse("E23000001"), "metropolitan", Country.England, Region.London, ["Metropolitan Police Service", "The Met"]),
            new("Cumbria", "Cumbria", PoliceForceAreaCode.Parse("E23000002"), "cumbria", Country.England, Region.NorthWest, []),
            new("Lancashire", "Lancashire", PoliceForceAreaCode.Parse("E23000003"), "lancashire", Country.England, Region.NorthWest, []),
            new("Merseyside", "Merseyside", PoliceForceAreaCode.Parse("E23000004"), "merseyside", Country.England, Region.NorthWest, []),
            new("Greater Manchester", "Greater Manchester", PoliceForceAreaCode.Parse("E23000005"), "greater-manchester", Country.England, Region.NorthWest, []),
            new("Cheshire", "Cheshire", PoliceForceAreaCode.Parse("E23000006"), "cheshire", Country.England, Region.NorthWest, []),
            new("Northumbria", "Northumbria", PoliceForceAreaCode.Parse("E23000007"), "northumbria", Country.England, Region.NorthEast, []),
            new("Durham", "Durham", PoliceForceAreaCode.Parse("E23000008"), "durham", Country.England, Region.NorthEast, []),
            new("North Yorkshire", "North Yorkshire", PoliceForceAreaCode.Parse("E23000009"), "north-yorkshire", Country.England, Region.YorkshireAndTheHumber, []),
            new("West Yorkshire", "West Yorkshire", PoliceForceAreaCode.Parse("E23000010"), "west-yorkshire", Country.England, Region.YorkshireAndTheHumber, []),
            new("South Yorkshire", "South Yorkshire", PoliceForceAreaCode.Parse("E23000011"), "south-yorkshire", Country.England, Region.YorkshireAndTheHumber, []),
            new("Humberside", "Humberside", PoliceForceAreaCode.Parse("E23000012"), "humberside", Country.England, Region.YorkshireAndTheHumber, []),
            new("Cleveland", "Cleveland", PoliceForceAreaCode.Parse("E23000013"), "cleveland", Country.England, Region.NorthEast, []),
            new("West Midlands", "West Midlands", PoliceForceAreaCode.Parse("E23000014"), "west-midlands", Country.England, Region.WestMidlands, []),
            new("Staffordshire", "Staffordshire", PoliceForceAreaCode.Parse("E23000015"), "staffordshire", Country.England, Region.WestMidlands, []),
            new("West Mercia", "West Mercia", PoliceForceAreaCode.Parse("E23000016"), "west-mercia", Country.England, Region.WestMidlands, []),
            new("Warwickshire", "Warwickshire", PoliceForceAreaCode.Parse("E23000017"), "warwickshire", Country.England, Region.WestMidlands, []),
            new("Derbyshire", "Derbyshire", PoliceForceAreaCode.Parse("E23000018"), "derbyshire", Country.England, Region.EastMidlands, []),
            new("Nottinghamshire", "Nottinghamshire", PoliceForceAreaCode.Parse("E23000019"), "nottinghamshire", Country.England, Region.EastMidlands, []),
            new("Lincolnshire", "Lincolnshire", PoliceForceAreaCode.Parse("E23000020"), "lincolnshire", Country.England, Region.EastMidlands, []),
            new("Leicestershire", "Leicestershire", PoliceForceAreaCode.Parse("E23000021"), "leicestershire", Country.England, Region.EastMidlands, []),
            new("Northamptonshire", "Northamptonshire", PoliceForceAreaCode.Parse("E23000022"), "northamptonshire", Country.England, Region.EastMidlands, []),
            new("Cambridgeshire", "Cambridgeshire", PoliceForceAreaCode.Parse("E23000023"), "cambridgeshire", Country.England, Region.EastOfEngland, []),
            new("Norfolk", "Norfolk", PoliceForceAreaCode.Parse("E23000024"), "norfolk", Country.England, Region.EastOfEngland, []),
            new("Suffolk", "Suffolk", PoliceForceAreaCode.Parse("E23000025"), "suffolk", Country.England, Region.EastOfEngland, []),
            new("Bedfordshire", "Bedfordshire", PoliceForceAreaCode.Parse("E23000026"), "bedfordshire", Country.England, Region.EastOfEngland, []),
            new("Hertfordshire", "Hertfordshire", PoliceForceAreaCode.Parse("E23000027"), "hertfordshire", Country.England, Region.EastOfEngland, []),
            new("Essex", "Essex", PoliceForceAreaCode.Parse("E23000028"), "essex", Country.England, Region.EastOfEngland, []),
            new("Thames Valley", "Thames Valley", PoliceForceAreaCode.Parse("E23000029"), "thames-valley", Country.England, Region.SouthEast, []),
            new("Hampshire", "Hampshire", PoliceForceAreaCode.Parse("E23000030"), "hampshire", Country.England, Region.SouthEast, ["Hampshire and Isle of Wight", "Hampshire and Isle of Wight Constabulary"]),
            new("Surrey", "Surrey", PoliceForceAreaCode.Parse("E23000031"), "surrey", Country.England, Region.SouthEast, []),
            new("Kent", "Kent", PoliceForceAreaCode.Parse("E23000032"), "kent", Country.England, Region.SouthEast, []),
            new("Sussex", "Sussex", PoliceForceAreaCode.Parse("E23000033"), "sussex", Country.England, Region.SouthEast, []),
            new("London, City of", "London, City of", PoliceForceAreaCode.Parse("E23000034"), "city-of-london", Country.England, Region.London, ["City of London", "City of London Police"]),
            new("Devon & Cornwall", "Devon and Cornwall", PoliceForceAreaCode.Parse("E23000035"), "devon-and-cornwall", Country.England, Region.SouthWest, ["Devon and Cornwall Police"]),
            new("Avon and Somerset", "Avon and Somerset", PoliceForceAreaCode.Parse("E23000036"), "avon-and-somerset", Country.England, Region.SouthWest, ["Avon & Somerset", "Avon and Somerset Constabulary"]),
            new("Gloucestershire", "Gloucestershire", PoliceForceAreaCode.Parse("E23000037"), "gloucestershire", Country.England, Region.SouthWest, []),
            new("Wiltshire", "Wiltshire", PoliceForceAreaCode.Parse("E23000038"), "wiltshire", Country.England, Region.SouthWest, []),
            new("Dorset", "Dorset", PoliceForceAreaCode.Parse("E23000039"), "dorset", Country.England, Region.SouthWest, []),
            new("North Wales", "North Wales", PoliceForceAreaCode.Parse("W15000001"), "north-wales", Country.Wales, Region.Wales, []),
            new("Gwent", "Gwent", PoliceForceAreaCode.Parse("W15000002"), "gwent", Country.Wales, Region.Wales, []),
            new("South Wales", "South Wales", PoliceForceAreaCode.Parse("W15000003"), "south-wales", Country.Wales, Region.Wales, []),
            new("Dyfed-Powys", "Dyfed-Powys", PoliceForceAreaCode.Parse("W15000004"), "dyfed-powys", Country.Wales, Region.Wales, ["Dyfed Powys"]),
            new("British Transport Police", "British Transport Police", null, "btp", Country.GreatBritain, null, ["BTP"]),
        ];
}
