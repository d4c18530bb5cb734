using KiemDiemBot.Bot.TeamsApp;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>The icons as Teams reads them from the package: PNG files of the sizes and transparency it requires.</summary>
public sealed class TeamsAppIconsTests
{
    [Fact]
    public void Colour_EncodedAsPng_192SquareOpaqueGoldStarOnPartyRed()
    {
        var png = PngReader.Read(PngEncoder.Encode(TeamsAppIcons.Colour()));

        Assert.Equal((192, 192), (png.Width, png.Height));
        Assert.All(png.All(), pixel => Assert.Equal(255, pixel.A));
        Assert.Equal((0xDA, 0x25, 0x1D, 255), ((int)png.At(0, 0).R, (int)png.At(0, 0).G, (int)png.At(0, 0).B, (int)png.At(0, 0).A));
        Assert.Equal((0xDA, 0x25, 0x1D, 255), ((int)png.At(191, 191).R, (int)png.At(191, 191).G, (int)png.At(191, 191).B, (int)png.At(191, 191).A));
        var centre = png.At(96, 100);
        Assert.Equal((0xFF, 0xDD, 0x00), ((int)centre.R, (int)centre.G, (int)centre.B));
        // The top point reaches well above the centre: a star, not a disc.
        Assert.Equal((0xFF, 0xDD, 0x00), ((int)png.At(96, 40).R, (int)png.At(96, 40).G, (int)png.At(96, 40).B));
        Assert.Equal((0xDA, 0x25, 0x1D), ((int)png.At(60, 40).R, (int)png.At(60, 40).G, (int)png.At(60, 40).B));
    }

    [Fact]
    public void Outline_EncodedAsPng_32SquareWhiteStarOutlineOnTransparent()
    {
        var png = PngReader.Read(PngEncoder.Encode(TeamsAppIcons.Outline()));

        Assert.Equal((32, 32), (png.Width, png.Height));
        var drawn = png.All().Where(p => p.A > 0).ToList();
        Assert.All(drawn, pixel => Assert.Equal((255, 255, 255), ((int)pixel.R, (int)pixel.G, (int)pixel.B)));
        Assert.Contains(drawn, pixel => pixel.A == 255);
        Assert.InRange(drawn.Count, 60, 32 * 32 / 3);
        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31) })
        {
            Assert.Equal(0, png.At(x, y).A);
        }
        // An outline: the middle of the star is see-through, its edge is drawn.
        Assert.Equal(0, png.At(16, 18).A);
        Assert.Equal(255, png.At(8, 13).A);
    }

    [Fact]
    public void Encode_SameImage_SameBytes()
    {
        Assert.Equal(PngEncoder.Encode(TeamsAppIcons.Outline()), PngEncoder.Encode(TeamsAppIcons.Outline()));
    }
}
