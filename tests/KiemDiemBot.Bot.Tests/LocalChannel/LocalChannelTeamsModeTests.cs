using System.Net;
using System.Net.Http.Json;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

public sealed class LocalChannelTeamsModeTests
{
    [Fact]
    public async Task DirectLineAndConnector_BotHasAnAppId_AreNotServed()
    {
        using var database = new SqliteTestDatabase();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Bot:MicrosoftAppId", "3f9a8f3e-8d7c-4c8e-9a55-0d2b7f1c6a10");
            web.UseSetting("Bot:MicrosoftAppPassword", "test-secret");
            web.UseSetting("Bot:MicrosoftAppTenantId", "8b1f0a52-35cf-4d6e-b2b4-7f6f9b0c1d23");
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
        });
        using var http = factory.CreateClient();

        using var start = await http.PostAsJsonAsync("v3/directline/conversations", new { user = new { id = "a@example.vn" } });
        using var send = await http.PostAsJsonAsync("v3/conversations/p-1/activities", new { type = "message", text = "x" });
        using var page = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
