namespace CrimeOutcomes;

/// <summary>The ONS codes of the national areas of the Home Office statistics.</summary>
public static class AreaCodes
{
    /// <summary>England: E92000001.</summary>
    public const string England = "E92000001";

    /// <summary>Wales: W92000004.</summary>
    public const string Wales = "W92000004";

    /// <summary>England and Wales: K04000001.</summary>
    public const string EnglandAndWales = "K04000001";
}
