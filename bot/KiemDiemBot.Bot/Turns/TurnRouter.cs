using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Cards;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Picks what answers a turn: the bot's installation -> welcome (once: Teams announces an install with both a
/// conversationUpdate and an installationUpdate, and only the first is first contact); a card submit -> the
/// dialog owning its verb; a text command -> the dialog owning the command; a user's first message in their
/// personal chat -> welcome first, then the command if it is one (in a group, greeting every member's first
/// message would flood the meeting chat); any other message -> the fallback. Each command and verb belongs to
/// exactly one dialog.
/// </summary>
public sealed class TurnRouter
{
    private static readonly string[] InstallActions = ["add", "add-upgrade"];

    private readonly Dictionary<string, IDialog> byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDialog> byVerb = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">Two dialogs claim the same command or verb, or a command is empty.</exception>
    public TurnRouter(IEnumerable<IDialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            foreach (var command in dialog.Commands)
            {
                var normalized = CommandText.Normalize(command);
                if (normalized.Length == 0)
                {
                    throw new InvalidOperationException($"{dialog.GetType().Name} declares an empty command.");
                }
                Claim(byCommand, normalized, dialog, "command");
            }
            foreach (var verb in dialog.Verbs)
            {
                Claim(byVerb, verb, dialog, "verb");
            }
        }
    }

    /// <param name="activity">The inbound activity.</param>
    /// <param name="isFirstContact">True when the conversation reference store had never seen this user here.</param>
    public TurnPlan Route(Activity activity, bool isFirstContact) => activity.Type switch
    {
        ActivityTypes.ConversationUpdate => WasBotAdded(activity) && isFirstContact ? TurnPlan.WelcomeOnly : TurnPlan.Nothing,
        ActivityTypes.InstallationUpdate => IsInstall(activity) && isFirstContact ? TurnPlan.WelcomeOnly : TurnPlan.Nothing,
        ActivityTypes.Message => RouteMessage(activity, isFirstContact),
        _ => TurnPlan.Nothing,
    };

    private TurnPlan RouteMessage(Activity activity, bool isFirstContact)
    {
        var verb = ReadVerb(activity.Value);
        IDialog? dialog;
        if (verb is not null)
        {
            byVerb.TryGetValue(verb, out dialog);
        }
        else
        {
            byCommand.TryGetValue(CommandText.Normalize(BotMentions.StripFrom(activity)), out dialog);
        }
        if (isFirstContact && IsPersonal(activity))
        {
            return new TurnPlan(Welcome: true, dialog, Fallback: false);
        }
        return dialog is null ? TurnPlan.FallbackOnly : new TurnPlan(Welcome: false, dialog, Fallback: false);
    }

    private static bool WasBotAdded(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        return !string.IsNullOrEmpty(botId)
            && activity.MembersAdded is { } added
            && added.Any(member => string.Equals(member.Id, botId, StringComparison.Ordinal));
    }

    private static bool IsPersonal(Activity activity) =>
        activity.Conversation is { } conversation
        && conversation.IsGroup != true
        && (conversation.ConversationType is null || conversation.ConversationType == ConversationTypes.Personal);

    private static bool IsInstall(Activity activity) =>
        InstallActions.Contains(activity.Action, StringComparer.OrdinalIgnoreCase);

    private static string? ReadVerb(JsonNode? value) =>
        value is JsonObject data && data[CardDataKeys.Verb] is JsonValue verb && verb.TryGetValue(out string? text) && text.Length > 0
            ? text
            : null;

    private static void Claim(Dictionary<string, IDialog> table, string key, IDialog dialog, string kind)
    {
        if (!table.TryAdd(key, dialog))
        {
            throw new InvalidOperationException(
                $"The {kind} '{key}' is claimed by both {table[key].GetType().Name} and {dialog.GetType().Name}.");
        }
    }
}
