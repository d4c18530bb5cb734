using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Core.Storage;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.UseDefaultLocalAddress();

var (bot, storage) = builder.AddKiemDiemOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKiemDiemStorage(storage);
builder.Services.AddLocalChannel(bot);

var app = builder.Build();
app.UseLocalChannel();

await app.RunAsync();
