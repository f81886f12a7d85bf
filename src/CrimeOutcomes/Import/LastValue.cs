namespace CrimeOutcomes.Import;

/// <summary>
/// The text of a column in the previous row and what it resolved to. Published tables are sorted, so most rows
/// repeat the force, year, offence group and code of the row before: comparing with the last text (vectorised)
/// is cheaper than hashing it for a cache lookup.
/// </summary>
internal sealed class LastValue<T>
{
    private char[] _chars = new char[64];
    private int _length = -1;

    public T Value { get; private set; } = default!;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Matches(ReadOnlySpan<char> text) => text.Length == _length && text.SequenceEqual(_chars.AsSpan(0, _length));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public T Set(ReadOnlySpan<char> text, T value)
    {
        if (_chars.Length < text.Length)
        {
            _chars = new char[text.Length * 2];
        }

        text.CopyTo(_chars);
        _length = text.Length;
        Value = value;
        return value;
    }
}
