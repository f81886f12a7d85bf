using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;

namespace CrimeOutcomes.Columnar.ParquetFormat;

/// <summary>
/// The value encodings of the Parquet format that the writer uses (see the format's Encodings.md): ULEB128 varints, the
/// RLE / bit-packed hybrid (dictionary indexes and definition levels), DELTA_BINARY_PACKED integers and PLAIN booleans.
/// They write to an <see cref="ArrayBufferWriter{T}"/> (sealed), so that its calls are direct and inlined, not through
/// the interface, on every few bytes.
/// </summary>
internal static class ParquetEncodings
{
    /// <summary>Values in a block of DELTA_BINARY_PACKED, and miniblocks in a block (so 32 values a miniblock).</summary>
    private const int DeltaBlockSize = 128;
    private const int DeltaMiniblocks = 4;
    private const int DeltaMiniblockSize = DeltaBlockSize / DeltaMiniblocks;

    /// <summary>Writes <paramref name="value"/> as an unsigned LEB128 varint (at most 10 bytes).</summary>
    public static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    /// <summary>
    /// <paramref name="value"/> zigzag-encoded (0, -1, 1, -2 … as 0, 1, 2, 3 …), as Thrift's and DELTA_BINARY_PACKED's
    /// signed varints are; a 32-bit value gives the same number as its 32-bit zigzag.
    /// </summary>
    public static ulong ZigZag(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>The bits needed for values up to <paramref name="max"/> (at least 1).</summary>
    public static int BitWidth(ulong max) => Math.Max(1, 64 - BitOperations.LeadingZeroCount(max));

    /// <summary>
    /// <paramref name="values"/> (each below 2^<paramref name="bitWidth"/>) in the RLE / bit-packed hybrid: a run of eight
    /// or more equal values as one repeated value, everything else bit-packed in groups of eight (the last group padded
    /// with zeros, which readers ignore past the page's value count).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void WriteHybrid(ArrayBufferWriter<byte> output, ReadOnlySpan<int> values, int bitWidth)
    {
        var valueBytes = (bitWidth + 7) / 8;
        var packedStart = -1;
        var i = 0;
        while (i < values.Length)
        {
            var run = 1;
            while (i + run < values.Length && values[i + run] == values[i])
            {
                run++;
            }

            if (run >= 8)
            {
                FlushPacked(output, values, ref packedStart, i, bitWidth);
                WriteVarint(output, (ulong)run << 1);
                var span = output.GetSpan(4);
                BinaryPrimitives.WriteInt32LittleEndian(span, values[i]);
                output.Advance(valueBytes);
                i += run;
            }
            else
            {
                if (packedStart < 0)
                {
                    packedStart = i;
                }

                i = Math.Min(i + 8, values.Length);
            }
        }

        FlushPacked(output, values, ref packedStart, values.Length, bitWidth);
    }

    /// <summary>Writes values <paramref name="start"/> to <paramref name="end"/> as bit-packed groups of eight, if any are pending.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FlushPacked(ArrayBufferWriter<byte> output, ReadOnlySpan<int> values, ref int start, int end, int bitWidth)
    {
        if (start < 0)
        {
            return;
        }

        var groups = (end - start + 7) / 8;
        WriteVarint(output, ((ulong)groups << 1) | 1);
        var bits = new BitWriter(output);
        for (var i = start; i < start + groups * 8; i++)
        {
            bits.Write(i < end ? (uint)values[i] : 0, bitWidth);
        }

        bits.Flush();
        start = -1;
    }

    /// <summary>
    /// <paramref name="values"/> as DELTA_BINARY_PACKED: a header (block size, miniblocks a block, count, first value),
    /// then blocks of 128 deltas, each as its smallest delta and four miniblocks of 32 bit-packed offsets from it, each
    /// miniblock with its own bit width. Deltas wrap as the format says (in 32 bits for INT32 columns).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void WriteDeltaBinaryPacked(ArrayBufferWriter<byte> output, ReadOnlySpan<long> values, bool int32)
    {
        WriteVarint(output, DeltaBlockSize);
        WriteVarint(output, DeltaMiniblocks);
        WriteVarint(output, (ulong)values.Length);
        WriteVarint(output, ZigZag(values.IsEmpty ? 0 : values[0]));
        Span<long> deltas = stackalloc long[DeltaBlockSize];
        Span<byte> widths = stackalloc byte[DeltaMiniblocks];
        for (var start = 1; start < values.Length; start += DeltaBlockSize)
        {
            var count = Math.Min(DeltaBlockSize, values.Length - start);
            var minimum = long.MaxValue;
            for (var i = 0; i < count; i++)
            {
                var delta = unchecked(int32 ? (int)values[start + i] - (int)values[start + i - 1] : values[start + i] - values[start + i - 1]);
                deltas[i] = delta;
                minimum = Math.Min(minimum, delta);
            }

            WriteVarint(output, ZigZag(minimum));
            widths.Clear();
            var used = (count + DeltaMiniblockSize - 1) / DeltaMiniblockSize;
            for (var m = 0; m < used; m++)
            {
                ulong max = 0;
                for (var i = m * DeltaMiniblockSize; i < Math.Min(count, (m + 1) * DeltaMiniblockSize); i++)
                {
                    max = Math.Max(max, Offset(deltas[i], minimum, int32));
                }

                widths[m] = (byte)(max == 0 ? 0 : 64 - BitOperations.LeadingZeroCount(max));
            }

            widths.CopyTo(output.GetSpan(DeltaMiniblocks));
            output.Advance(DeltaMiniblocks);
            for (var m = 0; m < used; m++)
            {
                var bits = new BitWriter(output);
                for (var i = m * DeltaMiniblockSize; i < (m + 1) * DeltaMiniblockSize; i++)
                {
                    bits.Write(i < count ? Offset(deltas[i], minimum, int32) : 0, widths[m]);
                }

                bits.Flush();
            }
        }
    }

    private static ulong Offset(long delta, long minimum, bool int32)
        => unchecked(int32 ? (uint)((int)delta - (int)minimum) : (ulong)(delta - minimum));

    /// <summary><paramref name="values"/> as PLAIN booleans: one bit each, least significant first.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void WritePlainBooleans(ArrayBufferWriter<byte> output, ReadOnlySpan<bool> values)
    {
        var bits = new BitWriter(output);
        foreach (var value in values)
        {
            bits.Write(value ? 1u : 0u, 1);
        }

        bits.Flush();
    }

    /// <summary>Packs values of up to 64 bits, least significant bit first, into whole bytes.</summary>
    private ref struct BitWriter(ArrayBufferWriter<byte> output)
    {
        private ulong _buffer;
        private int _bits;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Write(ulong value, int width)
        {
            if (width == 0)
            {
                return;
            }

            if (width < 64)
            {
                value &= (1UL << width) - 1;
            }

            _buffer |= value << _bits;
            var free = 64 - _bits;
            if (width >= free)
            {
                Spill(8);
                _buffer = free == 64 ? 0 : value >> free;
                _bits = width - free;
            }
            else
            {
                _bits += width;
            }
        }

        /// <summary>Writes the bits still held, padded with zeros to a whole byte.</summary>
        public void Flush()
        {
            Spill((_bits + 7) / 8);
            _buffer = 0;
            _bits = 0;
        }

        private readonly void Spill(int bytes)
        {
            if (bytes == 0)
            {
                return;
            }

            var span = output.GetSpan(8);
            BinaryPrimitives.WriteUInt64LittleEndian(span, _buffer);
            output.Advance(bytes);
        }
    }
}
