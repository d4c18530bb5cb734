using System.Text.Json.Nodes;

namespace KiemDiemBot.Core.Notices;

/// <summary>
/// Replaces a message the bot posted under a post key (a turn's reply with <c>DialogReply.PostKey</c>) from any
/// turn, e.g. a voter's turn in their personal chat updating the ballot's status card in the meeting chat. The
/// update goes through the durable outbox: if the original is still unsent its content is replaced; otherwise an
/// update of the sent message is staged and older pending updates of it are dropped, so a storm of casts ends in
/// one or two updates, the last with the final count (updates are staged in the order their transactions take the
/// ballot row, and rows of one conversation are sent in id order).
/// </summary>
public interface IConversationPosts
{
    /// <summary>Stages the replacement for the caller's commit; false when nothing was posted under the key (nothing to update).</summary>
    Task<bool> StageUpdateAsync(string postKey, JsonObject card, CancellationToken cancellationToken);

    /// <summary>
    /// As above, but the card is built inside the commit, after the statements staged before this call: a status card
    /// built there reads the count its own transaction wrote (a cast holds the ballot row, so it is final at that
    /// point), where a card built before the commit could show a count that a concurrent cast already passed.
    /// </summary>
    Task<bool> StageUpdateAsync(string postKey, Func<CancellationToken, Task<JsonObject>> buildCard, CancellationToken cancellationToken);
}
