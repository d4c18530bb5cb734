using System.Net;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

public sealed class LoopbackAddressGuardTests
{
    [Fact]
    public void StartServer_LocalModeListeningOnAllInterfaces_RefusesToStartNamingTheSettings()
    {
        using var database = new SqliteTestDatabase();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Any, 0));

        var error = Assert.Throws<InvalidOperationException>(factory.StartServer);

        Assert.Contains("Bot:MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("--urls", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("https://127.0.0.2:443", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://192.168.1.20:3978", false)]
    [InlineData("http://bot.example.vn:80", false)]
    public void IsLoopback_ListeningAddress_TellsWhetherOnlyThisMachineCanReachIt(string address, bool expected) =>
        Assert.Equal(expected, KiemDiemBot.Bot.LocalChannel.LoopbackAddress.IsLoopback(address));
}
