namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>
/// The Teams app's two icons, drawn in code: the colour icon (192×192, a gold star on party red, opaque) and the
/// outline icon (32×32, a white star outline on a transparent background, as Teams requires).
/// </summary>
public static class TeamsAppIcons
{
    public const int ColourSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The red of the colour icon, also the manifest's accent colour.</summary>
    public const string PartyRed = "#DA251D";

    public const string StarGold = "#FFDD00";

    // Samples per pixel side: the star's edges are smoothed by averaging 4×4 samples.
    private const int Samples = 4;

    // The outline's stroke, in pixels, drawn inside the star's edge.
    private const double OutlineStroke = 1.75;

    public static RgbaImage Colour()
    {
        var star = new FivePointedStar(ColourSize, ColourSize * 0.4);
        var red = RgbaColour.FromHex(PartyRed);
        var gold = RgbaColour.FromHex(StarGold);
        var image = new RgbaImage(ColourSize, ColourSize);
        for (var y = 0; y < ColourSize; y++)
        {
            for (var x = 0; x < ColourSize; x++)
            {
                var cover = Coverage(x, y, star.Contains);
                image.SetPixel(x, y, new RgbaColour(Mix(red.Red, gold.Red, cover), Mix(red.Green, gold.Green, cover), Mix(red.Blue, gold.Blue, cover), 255));
            }
        }
        return image;
    }

    public static RgbaImage Outline()
    {
        var star = new FivePointedStar(OutlineSize, (OutlineSize / 2.0) - 1.5);
        var white = new RgbaColour(255, 255, 255, 0);
        var image = new RgbaImage(OutlineSize, OutlineSize);
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var cover = Coverage(x, y, (sx, sy) => star.Contains(sx, sy) && star.DistanceToEdge(sx, sy) <= OutlineStroke);
                image.SetPixel(x, y, white.WithAlpha((byte)Math.Round(cover * 255)));
            }
        }
        return image;
    }

    // The share of the pixel's samples inside the shape.
    private static double Coverage(int x, int y, Func<double, double, bool> inside)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                if (inside(x + ((sx + 0.5) / Samples), y + ((sy + 0.5) / Samples)))
                {
                    hits++;
                }
            }
        }
        return hits / (double)(Samples * Samples);
    }

    private static byte Mix(byte from, byte to, double share) => (byte)Math.Round(from + ((to - from) * share));
}
