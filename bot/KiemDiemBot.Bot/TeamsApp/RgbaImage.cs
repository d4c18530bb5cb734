namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>A picture as 8-bit red, green, blue and alpha per pixel, row by row from the top left.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Four bytes per pixel (R, G, B, A), <see cref="Width"/> pixels per row.</summary>
    public byte[] Pixels { get; }

    public void SetPixel(int x, int y, RgbaColour colour)
    {
        var offset = ((y * Width) + x) * 4;
        Pixels[offset] = colour.Red;
        Pixels[offset + 1] = colour.Green;
        Pixels[offset + 2] = colour.Blue;
        Pixels[offset + 3] = colour.Alpha;
    }
}

/// <summary>One pixel's colour and opacity.</summary>
public readonly record struct RgbaColour(byte Red, byte Green, byte Blue, byte Alpha)
{
    /// <summary>An opaque colour from <c>#RRGGBB</c>.</summary>
    public static RgbaColour FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var value = Convert.ToInt32(hex.TrimStart('#'), 16);
        return new RgbaColour((byte)(value >> 16), (byte)(value >> 8), (byte)value, 255);
    }

    public RgbaColour WithAlpha(byte alpha) => this with { Alpha = alpha };
}
