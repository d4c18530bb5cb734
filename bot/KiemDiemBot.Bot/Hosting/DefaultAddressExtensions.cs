namespace KiemDiemBot.Bot.Hosting;

public static class DefaultAddressExtensions
{
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Listens on http://localhost:3978 unless --urls, ASPNETCORE_URLS or Kestrel settings say otherwise.</summary>
    public static void UseDefaultLocalAddress(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"];
        var kestrelEndpoints = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (string.IsNullOrWhiteSpace(configured) && !kestrelEndpoints)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
