using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// What Teams does with "@KiemDiemBot" typed in a group chat: the text gets <c>&lt;at&gt;KiemDiemBot&lt;/at&gt;</c>
/// and the activity a <c>mention</c> entity naming the bot (PROTOCOL.md 1.3). Mentions come only from
/// the channel: any the client sent are dropped, so nobody can fake one.
/// </summary>
public static partial class BotMentionMarkup
{
    /// <summary>The mention text as Teams writes it into <c>activity.text</c>.</summary>
    public const string MentionText = "<at>" + LocalBot.Name + "</at>";

    /// <summary>Marks up every "@KiemDiemBot" (any case, not part of a longer word or an e-mail address); true when there was one.</summary>
    public static bool Apply(Activity activity)
    {
        activity.Entities?.RemoveAll(e => string.Equals(e.Type, Entity.MentionType, StringComparison.Ordinal));
        if (activity.Text is not { } text || !TypedMention().IsMatch(text))
        {
            return false;
        }
        activity.Text = TypedMention().Replace(text, MentionText);
        activity.Entities ??= [];
        activity.Entities.Add(Entity.FromMention(new Mention(MentionText, new ChannelAccount { Id = LocalBot.Id, Name = LocalBot.Name })));
        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.\-])@" + LocalBot.Name + @"(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedMention();
}
