using System.Buffers.Binary;
using System.Text;

namespace CrimeOutcomes.Tests.Reliability;

/// <summary>
/// Writes a gzip file that expands enormously without ever producing the expanded bytes: its deflate data is a
/// prefix, one block of the body compressed once (<see cref="ZipBomb.Block"/>) and repeated, and a suffix, as in a
/// zip bomb's part. The trailer's CRC is not computed (a reader stops long before it); its size field holds the
/// expanded size modulo 4 GiB, as gzip does. Nothing is committed: the test writes the file (a few MB) and deletes it.
/// </summary>
internal static class GzipBomb
{
    /// <summary>Writes the file; the part's name is not used (a gzip file holds one stream).</summary>
    public static void Write(string path, ZipBomb.Part part)
    {
        using var file = File.Create(path);

        // ID1 ID2, deflate, no flags, no time, no extra flags, unknown OS.
        file.Write([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]);
        file.Write(ZipBomb.Block(part.Prefix));
        var body = ZipBomb.Block(part.Body);
        for (var i = 0L; i < part.Repeats; i++)
        {
            file.Write(body);
        }

        file.Write(ZipBomb.Block(part.Suffix));
        file.Write([0x03, 0x00]); // an empty final block with fixed Huffman codes
        var trailer = new byte[8];
        var crc = part.Repeats == 0 ? ZipBomb.Crc32(Encoding.UTF8.GetBytes(part.Prefix + part.Suffix)) : 0u;
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), unchecked((uint)part.Length));
        file.Write(trailer);
    }
}
