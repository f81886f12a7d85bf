using System.Buffers;
using CrimeOutcomes.Columnar.ParquetFormat;

namespace CrimeOutcomes.Columnar.Tests;

/// <summary>The Parquet value encodings, byte for byte against the worked examples of the format's Encodings.md.</summary>
public sealed class ParquetEncodingTests
{
    private static byte[] Hybrid(int[] values, int bitWidth)
    {
        var output = new ArrayBufferWriter<byte>();
        ParquetEncodings.WriteHybrid(output, values, bitWidth);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Delta(long[] values, bool int32 = false)
    {
        var output = new ArrayBufferWriter<byte>();
        ParquetEncodings.WriteDeltaBinaryPacked(output, values, int32);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Bit_packing_is_least_significant_bit_first_as_in_the_format_s_example()
    {
        // Encodings.md, "Bit-packed": 0 to 7 with bit width 3 are 10001000 11000110 11111010; one group of eight: header (1 << 1) | 1.
        Hybrid([0, 1, 2, 3, 4, 5, 6, 7], 3).Should().Equal(0x03, 0x88, 0xC6, 0xFA);
    }

    [Fact]
    public void Eight_or_more_equal_values_are_one_run_and_the_rest_one_padded_group()
    {
        // Ten zeros: header 10 << 1 = 0x14 and the value in one byte; then 1, 2, 3 packed in two bits and padded to eight.
        Hybrid([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3], 2).Should().Equal(0x14, 0x00, 0x03, 0x39, 0x00);
    }

    [Fact]
    public void A_run_of_a_wide_value_takes_as_many_bytes_as_its_bit_width_needs()
    {
        // 300 repeated 200 times, width 9: header 400 as a varint (0x90 0x03), the value in two bytes little-endian.
        Hybrid(Enumerable.Repeat(300, 200).ToArray(), 9).Should().Equal(0x90, 0x03, 0x2C, 0x01);
    }

    [Fact]
    public void Delta_binary_packed_matches_the_format_s_first_example()
    {
        // 1, 2, 3, 4, 5: block size 128, 4 miniblocks, 5 values, first value 1 (zigzag 2); min delta 1 (zigzag 2), widths 0.
        Delta([1, 2, 3, 4, 5]).Should().Equal(0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00);
    }

    [Fact]
    public void Delta_binary_packed_matches_the_format_s_second_example()
    {
        // 7, 5, 3, 1, 2, 3, 4, 5: deltas -2 -2 -2 1 1 1 1, min delta -2 (zigzag 3), offsets 0 0 0 3 3 3 3 in two bits;
        // the one miniblock used is 32 values (8 bytes), the three unused have width 0 and no bytes.
        Delta([7, 5, 3, 1, 2, 3, 4, 5]).Should().Equal(
            0x80, 0x01, 0x04, 0x08, 0x0E,
            0x03, 0x02, 0x00, 0x00, 0x00,
            0xC0, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
    }

    [Fact]
    public void One_value_is_the_header_alone()
        => Delta([-3]).Should().Equal(0x80, 0x01, 0x04, 0x01, 0x05);

    [Fact]
    public void Bit_widths_are_at_least_one()
    {
        ParquetEncodings.BitWidth(0).Should().Be(1);
        ParquetEncodings.BitWidth(1).Should().Be(1);
        ParquetEncodings.BitWidth(2).Should().Be(2);
        ParquetEncodings.BitWidth(255).Should().Be(8);
        ParquetEncodings.BitWidth(ulong.MaxValue).Should().Be(64);
    }
}
