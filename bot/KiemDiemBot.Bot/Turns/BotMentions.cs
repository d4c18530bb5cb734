using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Turns;

/// <summary>Removes the <c>&lt;at&gt;Bot&lt;/at&gt;</c> mentions of the bot that Teams puts in channel and group chat messages.</summary>
public static class BotMentions
{
    /// <summary>The activity's text without the bot's mentions, trimmed; null when it has no text.</summary>
    public static string? StripFrom(Activity activity)
    {
        var text = activity.Text;
        if (text is null)
        {
            return null;
        }
        var botId = activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(botId) && activity.Entities is not null)
        {
            foreach (var mention in activity.Entities.Select(e => e.AsMention()))
            {
                if (mention is { Text: { Length: > 0 } mentionText }
                    && string.Equals(mention.Mentioned?.Id, botId, StringComparison.Ordinal))
                {
                    text = text.Replace(mentionText, " ", StringComparison.Ordinal);
                }
            }
        }
        return text.Trim();
    }
}
