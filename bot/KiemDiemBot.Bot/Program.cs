using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Messaging;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.UseDefaultLocalAddress();

var (bot, storage) = builder.AddKiemDiemOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKiemDiemStorage(storage);
builder.Services.AddKiemDiemMessaging(bot);
builder.Services.AddKiemDiemIdentity(builder.Configuration);
builder.Services.AddKiemDiemInbound();
builder.Services.AddKiemDiemDialogs();
builder.Services.AddLocalChannel(bot);
builder.Services.AddKiemDiemJobs(storage);
builder.Services.AddCommandLine();

var app = builder.Build();

if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

app.RefuseLocalModeInProduction();
await app.PrepareDatabaseAsync();
await app.SeedDemoOrganisationIfEmbeddedAsync();
app.UseLocalChannel();
app.MapBotMessages();
app.MapKiemDiemJobsDashboard();
app.ScheduleRecurringJobs();
await app.RunAsync();
return 0;
