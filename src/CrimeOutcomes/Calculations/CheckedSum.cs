namespace CrimeOutcomes;

/// <summary>Sums of counts that throw, naming what was summed, instead of wrapping around.</summary>
internal static class CheckedSum
{
    public static long Add(long left, long right, string what)
    {
        try
        {
            return checked(left + right);
        }
        catch (OverflowException ex)
        {
            throw new OverflowException($"The sum of {what} overflows a 64-bit count ({left:N0} + {right:N0}).", ex);
        }
    }
}
