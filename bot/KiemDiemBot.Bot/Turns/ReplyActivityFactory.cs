using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>DialogReply -> the message activity sent back into the inbound activity's conversation.</summary>
public static class ReplyActivityFactory
{
    public static Activity Create(Activity inbound, DialogReply reply)
    {
        var activity = inbound.CreateReply(reply.Text);
        List<Attachment> attachments = [];
        if (reply.Card is not null)
        {
            attachments.Add(Attachment.AdaptiveCard(reply.Card));
        }
        if (reply.Attachment is { } other)
        {
            attachments.Add(new Attachment { ContentType = other.ContentType, Name = other.Name, ContentUrl = other.ContentUrl, Content = other.Content });
        }
        if (attachments.Count > 0)
        {
            activity.Attachments = attachments;
        }
        return activity;
    }
}
