using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Bot.Graph;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Messaging;
using KiemDiemBot.Bot.Operators;
using KiemDiemBot.Bot.Telemetry;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.Options;

// A refused start (a bad setting, an unmigrated database) is one line for the operator, not a stack trace.
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.UseDefaultLocalAddress();

    var (bot, storage, scheduler, graph, operators) = builder.AddKiemDiemOptions();
    builder.Services.AddKiemDiemClock(scheduler);
    builder.Services.AddKiemDiemStorage(storage);
    builder.Services.AddKiemDiemMessaging(bot);
    builder.Services.AddKiemDiemIdentity(builder.Configuration);
    builder.Services.AddKiemDiemInbound();
    builder.Services.AddKiemDiemDialogs();
    builder.Services.AddLocalChannel(bot);
    builder.Services.AddKiemDiemFiles(bot);
    builder.Services.AddKiemDiemGraph(bot, graph);
    builder.Services.AddKiemDiemGraphCalendar(bot, graph);
    builder.Services.AddKiemDiemJobs(storage);
    builder.Services.AddKiemDiemScheduler();
    builder.Services.AddKiemDiemGraphFilesAndInstall(bot, graph);
    builder.Services.AddCommandLine();
    builder.Services.AddKiemDiemOperators(bot, operators);
    builder.Services.AddKiemDiemTelemetry(operators, graph);
    builder.Services.AddKiemDiemHealth(bot, graph);

    var app = builder.Build();

    if (await app.RunCommandAsync(args) is { } exitCode)
    {
        return exitCode;
    }

    app.RefuseLocalModeOutsideDevelopment();
    await app.PrepareDatabaseAsync();
    await app.SeedDemoOrganisationIfEmbeddedAsync();
    app.UseKiemDiemOperatorSignIn();
    app.UseLocalChannel();
    app.MapBotMessages();
    app.MapKiemDiemJobsDashboard();
    app.MapKiemDiemHealth();
    app.MapKiemDiemOperatorPage();
    app.ScheduleRecurringJobs();
    app.ScheduleGraphInstallJob();
    await app.RunAsync();
    return 0;
}
catch (StartupRefusedException refused) when (StartupRefusedException.IsPrintedByProgram)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return StartupRefusedException.ExitCode;
}
catch (OptionsValidationException invalid) when (StartupRefusedException.IsPrintedByProgram)
{
    await Console.Error.WriteLineAsync(invalid.Message);
    return StartupRefusedException.ExitCode;
}
