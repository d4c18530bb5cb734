using System.Net;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.Operators;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.Bot.Tests.Operators;

/// <summary>
/// The jobs dashboard and the operator page behind Entra sign-in limited to the operators' group, through the real
/// host over HTTP and a fake OpenID provider: who gets in, who is refused, and what an operator sees.
/// </summary>
public sealed partial class OperatorSignInTests : IAsyncLifetime
{
    private static readonly FakeOpenIdUser Operator = new(Guid.NewGuid(), "Vũ Văn Vận Hành", "van.hanh@test.kiemdiem.vn", ["11111111-2222-4333-8444-555555555555", OperatorHost.OperatorsGroup]);
    private static readonly FakeOpenIdUser Outsider = new(Guid.NewGuid(), "Người Ngoài Nhóm", "ngoai.nhom@test.kiemdiem.vn", ["11111111-2222-4333-8444-555555555555"]);

    private OperatorHost host = null!;

    public async Task InitializeAsync() => host = await OperatorHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(OperatorEndpoints.Path)]
    [InlineData(JobsExtensions.DashboardPath)]
    public async Task Get_Anonymous_RedirectedToTheProviderAndShownNoData(string path)
    {
        using var browser = host.NewBrowser();

        using var response = await browser.GetAsync(new Uri(host.BaseAddress, path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(host.Provider.AuthorizeEndpoint + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(host.Scene.CellName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.UnreachableName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(OperatorSignInExtensions.CookieName + "=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOperatorPage_BehindATlsProxyOnThisMachine_SignInComesBackOverHttps()
    {
        using var browser = host.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, OperatorEndpoints.Path));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
        Assert.Equal($"https://{host.BaseAddress.Authority}{OperatorSignInExtensions.CallbackPath}", redirectUri);
    }

    [Theory]
    [InlineData(OperatorEndpoints.Path)]
    [InlineData(JobsExtensions.DashboardPath)]
    public async Task Get_SignedInOutsideTheGroup_403WithAPlainVietnamesePage(string path)
    {
        var (browser, page) = await host.SignInAndOpenAsync(Outsider, path);
        using var _ = browser;
        using var response = page;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không có quyền truy cập", body, StringComparison.Ordinal);
        Assert.Contains("không thuộc nhóm vận hành", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.CellName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        // Signed in for real: the provider issued a token and the host keeps the session; only the group is missing.
        Assert.True(host.Provider.TokensIssued >= 1);
        Assert.Contains(OperatorSignInExtensions.CookieName, browser.Cookies.Keys);
    }

    [Fact]
    public async Task GetOperatorPage_GroupsOverage_RefusedWithAPageSayingWhy()
    {
        var overage = Outsider with { GroupsOverage = true };

        var (browser, page) = await host.SignInAndOpenAsync(overage, OperatorEndpoints.Path);
        using var _ = browser;
        using var response = page;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("quá nhiều nhóm", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.CellName, body, StringComparison.Ordinal);
    }

    [Fact]
    public Task GetOperatorPage_Operator_ShowsCycleStatusUnreachableMemberAndFailures() => OperatorSeesThePageAsync(host);

    [Fact]
    public async Task GetOperatorPage_OperatorOnPostgres_ShowsCycleStatusUnreachableMemberAndFailures()
    {
        await using var postgres = await OperatorHost.StartAsync(StorageProvider.PostgreSQL);
        await OperatorSeesThePageAsync(postgres);
    }

    private static async Task OperatorSeesThePageAsync(OperatorHost host)
    {
        var (browser, page) = await host.SignInAndOpenAsync(Operator, OperatorEndpoints.Path);
        using var _ = browser;
        using var response = page;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Năm 2026", body, StringComparison.Ordinal);
        // The cell: three members, one submitted, two missing, one meeting, no ballot.
        Assert.Matches(CellRow(host.Scene.CellName, "3", "1", "2", "1"), body);
        Assert.Contains(host.Scene.UnreachableName, body, StringComparison.Ordinal);
        Assert.Contains("Chưa có cuộc trò chuyện riêng với bot", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.ReachableName, body, StringComparison.Ordinal);
        Assert.Contains($">{host.Scene.FailedDeliveryId}</td>", body, StringComparison.Ordinal);
        Assert.Contains($">{host.Scene.FailedTurnId}</td>", body, StringComparison.Ordinal);
        Assert.Contains($">{host.Scene.FailedSendId}</td>", body, StringComparison.Ordinal);
        Assert.Contains("<td>503</td>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.MessageText, body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Scene.UnreachableEmail, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"viewport\"", body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        using var jobs = await browser.GetAsync(new Uri(host.BaseAddress, JobsExtensions.DashboardPath));
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
    }

    [Fact]
    public async Task PostSignOut_WithTheFormsToken_SignsOut_WithoutIt_Refused()
    {
        var (browser, page) = await host.SignInAndOpenAsync(Operator, OperatorEndpoints.Path);
        using var _ = browser;
        var body = await page.Content.ReadAsStringAsync();
        page.Dispose();
        var token = AntiforgeryField().Match(body).Groups[1].Value;
        Assert.NotEmpty(token);

        using var forged = await browser.SendAsync(SignOut(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var signedOut = await browser.SendAsync(SignOut(new Dictionary<string, string> { ["__af"] = WebUtility.HtmlDecode(token) }));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("Đã đăng xuất", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var after = await browser.GetAsync(new Uri(host.BaseAddress, OperatorEndpoints.Path));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData(OperatorEndpoints.Path)]
    [InlineData(JobsExtensions.DashboardPath)]
    public async Task Get_TeamsModeWithoutSignIn_NotServed(string path)
    {
        using var database = new SqliteTestDatabase();
        await using var unconfigured = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Production);
            web.UseSetting("Bot:MicrosoftAppId", OperatorHost.AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", "bot-secret-not-used");
            web.UseSetting("Bot:MicrosoftAppTenantId", OperatorHost.TenantId);
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
            web.ConfigureTestServices(OperatorHost.RemoveJobServer);
        });

        using var response = await unconfigured.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetOperatorPage_LocalMode_ServedToTheLocalUserWithoutSignIn()
    {
        using var database = new SqliteTestDatabase();
        await using var local = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("ConnectionStrings:KiemDiem", database.ConnectionString);
            web.ConfigureTestServices(OperatorHost.RemoveJobServer);
        });
        local.UseKestrel();
        local.StartServer();
        var address = local.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        using var response = await http.GetAsync(new Uri(OperatorEndpoints.Path.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vận hành KiemDiemBot", body, StringComparison.Ordinal);
        // The demo organisation's cycle, seeded into the embedded database at start.
        Assert.Contains("Chi bộ Văn phòng Sở", body, StringComparison.Ordinal);
        Assert.DoesNotContain(OperatorEndpoints.SignOutPath, body, StringComparison.Ordinal);
    }

    private HttpRequestMessage SignOut(Dictionary<string, string> form) =>
        new(HttpMethod.Post, new Uri(host.BaseAddress, OperatorEndpoints.SignOutPath)) { Content = new FormUrlEncodedContent(form) };

    private static Regex CellRow(string cell, string members, string submitted, string missing, string meetings) => new(
        $"<td>{Regex.Escape(cell)} \\(VH-01\\)</td><td class=\"n\">{members}</td><td class=\"n\">{submitted}</td><td class=\"n\">{missing}</td><td class=\"n\">{meetings}</td>",
        RegexOptions.None,
        TimeSpan.FromSeconds(1));

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
