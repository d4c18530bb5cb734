using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests;

public sealed class CommandTextTests
{
    [Theory]
    [InlineData("Trợ giúp")]
    [InlineData("TRỢ GIÚP")]
    [InlineData("tro giup")]
    [InlineData("  trợ   giúp! ")]
    [InlineData("Trợ giúp?")]
    public void Normalize_AnySpellingOfTroGiup_ReturnsTroGiup(string typed)
    {
        Assert.Equal("tro giup", CommandText.Normalize(typed));
    }

    [Theory]
    [InlineData("Giới thiệu", "gioi thieu")]
    [InlineData("Hướng dẫn", "huong dan")]
    [InlineData("ĐẢNG VIÊN", "dang vien")]
    public void Normalize_VietnameseWords_DropsDiacriticsAndCase(string typed, string expected)
    {
        Assert.Equal(expected, CommandText.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Normalize_NoWords_ReturnsEmpty(string? typed)
    {
        Assert.Equal(string.Empty, CommandText.Normalize(typed));
    }
}
