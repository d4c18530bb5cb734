using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KiemDiemBot.Cards.Tests.Dialogs;

public sealed class DialogRegistrationTests
{
    [Fact]
    public void AddKiemDiemDialogs_Resolved_GivesEveryDialogAndTheWelcomeAndFallback()
    {
        using var provider = BuildProvider();
        using var scope = provider.CreateScope();

        var dialogs = scope.ServiceProvider.GetServices<IDialog>().ToList();
        var welcome = scope.ServiceProvider.GetRequiredService<IWelcomeDialog>();
        var fallback = scope.ServiceProvider.GetRequiredService<IFallbackDialog>();

        Assert.Contains(dialogs, dialog => dialog is HelpDialog);
        Assert.Contains(dialogs, dialog => dialog is ExportSelfReviewDialog);
        Assert.Contains(dialogs, dialog => ReferenceEquals(dialog, welcome));
        Assert.IsType<WelcomeDialog>(welcome);
        Assert.IsType<NotUnderstoodDialog>(fallback);
    }

    [Fact]
    public void AddKiemDiemDialogs_Resolved_GivesTheFlowEngineForFlowsAndActiveFlowText()
    {
        using var provider = BuildProvider();
        using var scope = provider.CreateScope();

        var engine = scope.ServiceProvider.GetRequiredService<FlowEngine>();

        Assert.Same(engine, scope.ServiceProvider.GetRequiredService<IActiveFlowDialog>());
        Assert.Contains(scope.ServiceProvider.GetServices<IDialog>(), dialog => ReferenceEquals(dialog, engine));
        Assert.Contains(FlowEngine.CancelCommand, engine.Commands);
        Assert.Contains(FlowEngine.ResumeCommand, engine.Commands);
        Assert.Contains(CardVerbs.FlowSubmit, engine.Verbs);
    }

    [Theory]
    [InlineData("Hủy", FlowEngine.CancelCommand)]
    [InlineData("tiếp tục", FlowEngine.ResumeCommand)]
    public void FlowEngineCommands_TypedAsOnCards_MatchTheEngine(string typed, string command)
    {
        Assert.Equal(command, CommandText.Normalize(typed));
    }

    [Fact]
    public void AddKiemDiemDialogs_CommandsAndVerbs_ClaimedByOneDialogEach()
    {
        var dialogs = ResolveDialogs();

        var commands = dialogs.SelectMany(dialog => dialog.Commands).ToList();
        var verbs = dialogs.SelectMany(dialog => dialog.Verbs).ToList();
        Assert.Equal(commands.Distinct(StringComparer.Ordinal), commands);
        Assert.Equal(verbs.Distinct(StringComparer.Ordinal), verbs);
    }

    [Fact]
    public void AddKiemDiemDialogs_Commands_AreInNormalizedForm()
    {
        var dialogs = ResolveDialogs();

        Assert.All(dialogs.SelectMany(dialog => dialog.Commands),
            command => Assert.Equal(CommandText.Normalize(command), command));
    }

    [Fact]
    public void AddKiemDiemDialogs_EveryCardButton_HasADialogForItsVerb()
    {
        var handled = ResolveDialogs().SelectMany(dialog => dialog.Verbs).ToHashSet(StringComparer.Ordinal);

        var pressed = CardCatalog.All()
            .SelectMany(entry => CardJson.SubmitActions(entry.Card))
            .Select(action => (string)action["data"]![CardDataKeys.Verb]!)
            .Distinct();

        Assert.All(pressed, verb => Assert.Contains(verb, handled));
    }

    [Fact]
    public void AddKiemDiemDialogs_EveryCommandListedOnHelpCard_StartsADialog()
    {
        var commands = ResolveDialogs().SelectMany(dialog => dialog.Commands).ToHashSet(StringComparer.Ordinal);
        var helpCard = HelpCard.Build(new HelpCardInput(InGroupConversation: false));

        var listed = CardJson.Objects(helpCard)
            .Where(obj => CardJson.TypeOf(obj) == "FactSet")
            .SelectMany(factSet => factSet["facts"]!.AsArray())
            .Select(fact => (string)fact!["title"]!)
            .ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, command => Assert.Contains(CommandText.Normalize(command), commands));
    }

    // The flow engine needs Core's storage; nothing here touches the database.
    private static ServiceProvider BuildProvider() =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddKiemDiemStorage(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=unused.db" })
            // The authoriser the self-review flow asks, as the host registers it.
            .AddKiemDiemMemberDirectory(new ReviewOptions())
            .AddKiemDiemDialogs()
            // The port the host implements (KiemDiemBot.Bot.Files); the dialogs need it to resolve.
            .AddScoped<IFileOffer, TextFileOffer>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    private static List<IDialog> ResolveDialogs()
    {
        using var provider = BuildProvider();
        using var scope = provider.CreateScope();
        return scope.ServiceProvider.GetServices<IDialog>().ToList();
    }
}
