using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Transcripts;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>One conversation of the local channel, as its activities name it (its members and transcript are in <see cref="LocalConversationStore"/>).</summary>
/// <param name="Id">A <see cref="LocalConversationIds"/> id.</param>
/// <param name="ConversationType"><see cref="ConversationTypes.Personal"/> or <see cref="ConversationTypes.GroupChat"/>.</param>
/// <param name="Name">The group's name; null for a personal conversation.</param>
public sealed record LocalConversation(string Id, string ConversationType, string? Name)
{
    public bool IsGroup => ConversationType == ConversationTypes.GroupChat;

    /// <summary>The <c>conversation</c> object activities of this conversation carry.</summary>
    public ConversationAccount Account() => new()
    {
        Id = Id,
        ConversationType = ConversationType,
        IsGroup = IsGroup,
        Name = Name,
    };

    internal static LocalConversation From(LocalConversationInfo stored) => new(stored.Id, stored.ConversationType, stored.Name);

    internal LocalConversationInfo ToInfo() => new(Id, ConversationType, Name);
}
