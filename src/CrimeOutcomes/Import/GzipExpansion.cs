using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace CrimeOutcomes.Import;

/// <summary>
/// The expanded bytes of a gzip stream, as they are read: never to disk nor whole into memory, and never beyond
/// <see cref="ImportOptions.MaxEntryBytes"/>. A gzip file declares no size that can be checked before expanding (its
/// trailer holds the size modulo 4 GiB, at its end), so a gzip bomb is stopped by counting as it expands, and a runaway
/// line inside it by the csv line limit. The runtime's inflater ends without a word where a file is cut short, so the
/// size a file's trailer gives is checked when the stream ends (an interrupted download or copy).
/// </summary>
internal sealed class GzipExpansion : ReadOnlyStream
{
    private readonly GZipStream _gzip;
    private readonly string _name;
    private readonly long _limit;
    private readonly uint? _trailerSize;
    private long _expanded;

    private GzipExpansion(Stream compressed, string name, ImportOptions options, uint? trailerSize)
    {
        _gzip = new GZipStream(compressed, CompressionMode.Decompress);
        _name = name;
        _limit = options.MaxEntryBytes;
        _trailerSize = trailerSize;
    }

    /// <summary>Expands the gzip file at <paramref name="path"/>, checking at its end the size its trailer gives.</summary>
    public static GzipExpansion Open(string path, string name, ImportOptions options)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            // The smallest gzip file is 20 bytes: a 10-byte header, an empty deflate stream, the 8-byte trailer.
            uint? size = null;
            if (file.Length >= 20)
            {
                Span<byte> trailer = stackalloc byte[4];
                file.Position = file.Length - 4;
                file.ReadExactly(trailer);
                file.Position = 0;
                size = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            }

            return new GzipExpansion(file, name, options, size);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Expands a gzip stream that cannot seek to its trailer (an entry of a zip archive, whose own checksum covers it).</summary>
    public static GzipExpansion Open(Stream compressed, string name, ImportOptions options) => new(compressed, name, options, null);

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        _expanded += read;
        if (_expanded > _limit)
        {
            throw new ImportLimitException(_name, "ImportOptions.MaxEntryBytes", _limit,
                string.Create(CultureInfo.InvariantCulture, $"it expands to more than {_limit:N0} bytes (a gzip bomb?)"));
        }

        if (read == 0 && !buffer.IsEmpty && _trailerSize is { } size && size != unchecked((uint)_expanded))
        {
            throw new ImportFormatException(_name, string.Create(CultureInfo.InvariantCulture,
                $"'{_name}' is cut short or damaged: it expands to {_expanded:N0} bytes where its gzip trailer says {size:N0} (modulo 4 GiB). Was its download or copy interrupted? (A file of several gzip streams one after another is not read: unpack it and compress it again.)"), null);
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }
}
