using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>DialogReply -> the message activity sent back into the inbound activity's conversation.</summary>
public static class ReplyActivityFactory
{
    public static Activity Create(Activity inbound, DialogReply reply)
    {
        var activity = inbound.CreateReply(reply.Text);
        if (reply.Card is not null)
        {
            activity.Attachments = [Attachment.AdaptiveCard(reply.Card)];
        }
        return activity;
    }
}
