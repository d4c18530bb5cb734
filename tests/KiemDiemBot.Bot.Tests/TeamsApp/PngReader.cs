using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>
/// Reads a PNG file the way a strict viewer does, independently of the host's encoder: the signature, every
/// chunk's CRC-32 (computed bit by bit here), IHDR first and IEND last, the IDAT data inflated and every row's
/// filter (none, sub, up, average, Paeth) undone. Only 8-bit RGBA without interlace is accepted, which is what
/// Teams' icons need to carry transparency.
/// </summary>
internal static class PngReader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static DecodedPng Read(byte[] png)
    {
        if (!png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG signature");
        }
        var chunks = new List<(string Type, byte[] Data)>();
        var offset = Signature.Length;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            if (Crc32(typeAndData) != crc)
            {
                throw new InvalidDataException($"bad CRC in chunk at {offset}");
            }
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }
        if (chunks[0].Type != "IHDR" || chunks[^1].Type != "IEND")
        {
            throw new InvalidDataException("IHDR must come first and IEND last");
        }
        var header = chunks[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        if (header[8] != 8 || header[9] != 6 || header[10] != 0 || header[11] != 0 || header[12] != 0)
        {
            throw new InvalidDataException("only 8-bit RGBA, deflate, no interlace is read here");
        }
        using var compressed = new MemoryStream([.. chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data)]);
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new DecodedPng(width, height, Unfilter(raw.ToArray(), width, height));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bytesPerPixel = 4;
        var stride = width * bytesPerPixel;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"expected {height * (stride + 1)} bytes of rows, got {raw.Length}");
        }
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var value = raw[(y * (stride + 1)) + 1 + i];
                var left = i >= bytesPerPixel ? pixels[(y * stride) + i - bytesPerPixel] : 0;
                var up = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                var upLeft = y > 0 && i >= bytesPerPixel ? pixels[((y - 1) * stride) + i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown filter {filter} on row {y}"),
                };
                pixels[(y * stride) + i] = (byte)(value + predictor);
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}

/// <summary>A decoded image: RGBA bytes, row by row.</summary>
internal sealed record DecodedPng(int Width, int Height, byte[] Pixels)
{
    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        var offset = ((y * Width) + x) * 4;
        return (Pixels[offset], Pixels[offset + 1], Pixels[offset + 2], Pixels[offset + 3]);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> All() =>
        Enumerable.Range(0, Width * Height).Select(i => At(i % Width, i / Width));
}
