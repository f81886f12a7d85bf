namespace CrimeOutcomes.Columnar;

/// <summary>Arrays kept from one row group to the next, made larger only when a group needs more.</summary>
internal static class ReusableArray
{
    /// <summary><paramref name="array"/> when it holds at least <paramref name="count"/> items, else a new one of that length put in its place.</summary>
    public static T[] AtLeast<T>(ref T[]? array, int count) => array is { } held && held.Length >= count ? held : array = new T[count];
}
