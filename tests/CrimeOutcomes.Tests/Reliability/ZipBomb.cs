using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CrimeOutcomes.Tests.Reliability;

/// <summary>
/// Writes zip archives with one part that expands enormously, without ever holding (or even producing) the expanded
/// bytes: a part's data is a deflate stream made of one block compressed once and repeated. A deflate block written by
/// a fresh compressor and ended with a sync flush refers only to its own bytes and is byte-aligned and not final, so
/// copies of it can follow one another; an empty final block closes the stream. Nothing is committed: the test
/// writes the file (a few MB) and deletes it.
/// </summary>
internal static class ZipBomb
{
    /// <summary>One part of the archive: its name, and its expanded bytes as a prefix, a body repeated, and a suffix.</summary>
    public sealed record Part(string Name, string Prefix, string Body = "", long Repeats = 0, string Suffix = "")
    {
        /// <summary>The size the part expands to.</summary>
        public long Length => Encoding.UTF8.GetByteCount(Prefix) + (Encoding.UTF8.GetByteCount(Body) * Repeats) + Encoding.UTF8.GetByteCount(Suffix);
    }

    /// <summary>Writes the archive; <paramref name="declaredLength"/> overrides a part's declared expanded size (a zip that lies).</summary>
    public static void Write(string path, IReadOnlyList<Part> parts, Func<Part, long>? declaredLength = null)
    {
        using var file = File.Create(path);
        var central = new MemoryStream();
        foreach (var part in parts)
        {
            var offset = file.Position;
            var prefix = Block(part.Prefix);
            var body = Block(part.Body);
            var suffix = Block(part.Suffix);
            byte[] end = [0x03, 0x00]; // an empty final block with fixed Huffman codes
            var compressed = prefix.Length + (body.Length * part.Repeats) + suffix.Length + end.Length;
            var expanded = declaredLength?.Invoke(part) ?? part.Length;

            // The CRC of a bomb's bytes is not computed (that would mean producing them); a small part gets its real one.
            var crc = part.Repeats == 0 ? Crc32(Encoding.UTF8.GetBytes(part.Prefix + part.Suffix)) : 0u;
            var name = Encoding.UTF8.GetBytes(part.Name);
            file.Write(LocalHeader(name, crc, compressed, expanded));
            file.Write(prefix);
            for (var i = 0L; i < part.Repeats; i++)
            {
                file.Write(body);
            }

            file.Write(suffix);
            file.Write(end);
            central.Write(CentralHeader(name, crc, compressed, expanded, offset));
        }

        var centralOffset = file.Position;
        central.Position = 0;
        central.CopyTo(file);
        var record = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(8), (ushort)parts.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(10), (ushort)parts.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(16), (uint)centralOffset);
        file.Write(record);
    }

    /// <summary>The text deflated by a fresh compressor and sync-flushed: byte-aligned, not final, self-contained.</summary>
    internal static byte[] Block(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(Encoding.UTF8.GetBytes(text));
        deflate.Flush();
        var block = output.ToArray();

        // Disposing would append a final block; the bytes are taken before, and the final block is written by Write.
        deflate.Dispose();
        return block;
    }

    private static byte[] LocalHeader(byte[] name, uint crc, long compressed, long expanded)
    {
        var header = new byte[30 + name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), 0x21);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18), checked((uint)compressed));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(22), checked((uint)expanded));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), (ushort)name.Length);
        name.CopyTo(header, 30);
        return header;
    }

    private static byte[] CentralHeader(byte[] name, uint crc, long compressed, long expanded, long offset)
    {
        var header = new byte[46 + name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(14), 0x21);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), checked((uint)compressed));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), checked((uint)expanded));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), (ushort)name.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), checked((uint)offset));
        name.CopyTo(header, 46);
        return header;
    }

    internal static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
