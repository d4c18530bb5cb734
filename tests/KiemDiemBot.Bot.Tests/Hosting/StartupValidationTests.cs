using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>
/// Every section's required and malformed settings, one at a time, on top of an otherwise good Teams-mode
/// configuration: the start is refused with one line that names the one key to fix, and never repeats a value.
/// </summary>
public sealed class StartupValidationTests
{
    private const string AppId = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01";
    private const string TenantId = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b";
    private const string GroupId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string Secret = "s3cret-never-printed";

    /// <summary>The key the message must name, the settings to change (null removes a key), and the environment.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        // Bot
        { "Bot:MicrosoftAppPassword", "Bot:MicrosoftAppPassword=", "Production" },
        { "Bot:MicrosoftAppTenantId", "Bot:MicrosoftAppTenantId=", "Production" },
        { "Bot:MicrosoftAppId", "Bot:MicrosoftAppId=kiemdiembot", "Production" },
        { "Bot:MicrosoftAppTenantId", "Bot:MicrosoftAppTenantId=contoso.onmicrosoft.com", "Production" },
        { "Bot:AllowedTenants:0", "Bot:AllowedTenants:0=contoso", "Production" },
        { "Bot:AllowedChannels:0", "Bot:AllowedChannels:0= ", "Production" },
        { "Bot:MaxActivityBytes", "Bot:MaxActivityBytes=lots", "Production" },
        { "Bot:ConnectorHosts:0", "Bot:ConnectorHosts:0=https://smba.trafficmanager.net/teams/", "Production" },
        { "Bot:ConnectorRetry:MaxRetries", "Bot:ConnectorRetry:MaxRetries=-1", "Production" },
        { "Bot:FileUploadRetry:AttemptTimeout", "Bot:FileUploadRetry:AttemptTimeout=soon", "Production" },
        { "Bot:AuthorityHost", "Bot:AuthorityHost=http://login.example.org", "Production" },
        { "Bot:OpenIdMetadataUrl", "Bot:OpenIdMetadataUrl=metadata", "Production" },
        { "Bot:TenantAllowList", "Bot:TenantAllowList:0=" + TenantId, "Production" },
        // Storage and the connection string
        { "Storage:Provider", "Storage:Provider=Oracle", "Production" },
        { "ConnectionStrings:KiemDiem", "Storage:Provider=PostgreSQL|ConnectionStrings:KiemDiem=", "Production" },
        { "ConnectionStrings:KiemDiem", "Storage:Provider=PostgreSQL|ConnectionStrings:KiemDiem=Hots=db.example.org;Database=kiemdiem", "Production" },
        { "ConnectionStrings:KiemDiem", "Storage:Provider=PostgreSQL|ConnectionStrings:KiemDiem=Host=db.example.org;Port=fivefourthreetwo", "Production" },
        { "ConnectionStrings:KiemDiem", "Storage:Provider=PostgreSQL|ConnectionStrings:KiemDiem=Database=kiemdiem;Username=kiemdiem", "Production" },
        { "ConnectionStrings:KiemDiem", "ConnectionStrings:KiemDiem=kiemdiem.db", "Production" },
        { "Storage:Pool", "Storage:Pool=10", "Production" },
        // Scheduler
        { "Scheduler:Now", "Scheduler:Now=tomorrow morning", "Development" },
        { "Scheduler:Now", "Scheduler:Now=2026-11-23T07:55", "Production" },
        { "Scheduler:DashboardEnabled", "Scheduler:DashboardEnabled=true", "Production" }, // removed: operator sign-in guards /jobs now
        // Graph
        { "Graph:BaseUrl", "Graph:BaseUrl=http://graph.example.org/v1.0", "Production" },
        { "Graph:Scope", "Graph:Scope= ", "Production" },
        { "Graph:Retry:BaseDelay", "Graph:Retry:BaseDelay=later", "Production" },
        { "Graph:Roster:NightlyAt", "Graph:Roster:Enabled=true|Graph:Roster:NightlyAt=25:00:00", "Production" },
        { "Graph:Roster:Enabled", "Graph:Roster:Enabled=yes", "Production" },
        { "Graph:Calendar:OrganizerUserId", "Graph:Calendar:OrganizerUserId=Party Office", "Production" },
        { "Graph:Files:Folder", "Graph:Files:DriveId=b!abc|Graph:Files:Folder=C:\\KiemDiem", "Production" },
        { "Graph:Install:TeamsAppId", "Graph:Install:TeamsAppId=kiemdiembot", "Production" },
        { "Bot:MicrosoftAppId", "Bot:MicrosoftAppId=|Bot:MicrosoftAppPassword=|Bot:MicrosoftAppTenantId=|Graph:Roster:Enabled=true", "Development" },
        // Operators
        { "Operators:ClientSecret", "Operators:ClientId=" + AppId + "|Operators:AllowedGroupId=" + GroupId, "Production" },
        { "Operators:AllowedGroupId", "Operators:ClientId=" + AppId + "|Operators:ClientSecret=" + Secret, "Production" },
        { "Operators:ClientId", "Operators:ClientId=operators|Operators:ClientSecret=" + Secret + "|Operators:AllowedGroupId=" + GroupId, "Production" },
        { "Operators:TenantId", "Operators:TenantId=contoso", "Production" },
        { "Operators:Instance", "Operators:Instance=login.microsoftonline.com", "Production" },
        { "Operators:OtlpEndpoint", "Operators:OtlpEndpoint=collector:4317", "Production" },
        // Turns and Review, checked with the rest
        { "Turns:Lanes", "Turns:Lanes=0", "Production" },
        { "Turns:LeaseDuration", "Turns:LeaseDuration=00:00:10", "Production" },
        { "Turns:Deadline", "Turns:Deadline=half a minute", "Production" },
        { "Review:AdminEmails:0", "Review:AdminEmails:0=secretary", "Production" },
        { "Review:Admins", "Review:Admins:0=secretary@example.org", "Production" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Start_OneBadSetting_RefusedInOneLineNamingThatKey(string key, string changes, string environment)
    {
        using var database = new SqliteTestDatabase();
        var settings = GoodTeamsSettings(database);
        foreach (var change in changes.Split('|'))
        {
            var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[name] = value;
        }
        using var host = new SettingsHost(environment, settings);

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        Assert.DoesNotContain(error.Message, c => c is '\n' or '\r');
        Assert.Contains("(1 to fix)", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("db.example.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GoodTeamsSettings_Serves()
    {
        using var database = new SqliteTestDatabase();
        using var host = new SettingsHost(Environments.Production, GoodTeamsSettings(database));

        using var client = host.CreateClient();

        Assert.NotNull(await client.GetStringAsync(new Uri(HealthExtensions.ReadyPath, UriKind.Relative)));
    }

    private static Dictionary<string, string?> GoodTeamsSettings(SqliteTestDatabase database) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = Secret,
        ["Bot:MicrosoftAppTenantId"] = TenantId,
        ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
    };

    private sealed class SettingsHost(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
