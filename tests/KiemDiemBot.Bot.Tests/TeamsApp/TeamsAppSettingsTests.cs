using KiemDiemBot.Bot.Configuration;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>The Teams app package's settings, checked with the rest of the Bot section at start.</summary>
public sealed class TeamsAppSettingsTests
{
    [Theory]
    [InlineData("kiemdiem.example.org")]
    [InlineData("bot-1.dangbo.example.vn")]
    public void Validate_PublicHostNameADnsName_NoProblem(string hostName)
    {
        var bot = new BotOptions { PublicHostName = hostName };

        Assert.Empty(bot.Validate());
    }

    [Theory]
    [InlineData("https://kiemdiem.example.org")]
    [InlineData("kiemdiem.example.org/api/messages")]
    [InlineData("kiemdiem.example.org:443")]
    [InlineData("localhost")]
    [InlineData("kiem diem.example.org")]
    [InlineData("-kiemdiem.example.org")]
    public void Validate_PublicHostNameNotAHostName_OneProblemNamingTheKey(string hostName)
    {
        var bot = new BotOptions { PublicHostName = hostName };

        var problem = Assert.Single(bot.Validate());
        Assert.Equal("Bot:PublicHostName must be a host name such as kiemdiem.example.org, without https:// or a path", problem);
    }

    [Fact]
    public void Validate_TeamsAppKeysMalformed_OneProblemPerKey()
    {
        var bot = new BotOptions
        {
            TeamsApp = new TeamsAppOptions
            {
                Version = "1.0",
                DeveloperName = new string('x', 33),
                WebsiteUrl = "http://dangbo.example.vn/",
                PrivacyUrl = "rieng-tu",
                TermsOfUseUrl = "https://dangbo.example.vn/dieu-khoan",
            },
        };

        Assert.Equal(
        [
            "Bot:TeamsApp:Version must be a version such as 1.0.0 (MAJOR.MINOR.PATCH)",
            "Bot:TeamsApp:DeveloperName must be at most 32 characters",
            "Bot:TeamsApp:WebsiteUrl must be an absolute https URL",
            "Bot:TeamsApp:PrivacyUrl must be an absolute https URL",
        ], bot.Validate());
    }
}
