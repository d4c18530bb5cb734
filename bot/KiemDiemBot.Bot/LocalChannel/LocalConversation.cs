using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// One conversation of the local channel: who is in it and what was said, in order.
/// The transcript is the channel's storage, kept in memory like the Bot Framework Emulator keeps it, and
/// bounded: past <see cref="MaxTranscriptLength"/> activities the oldest are dropped. The bot keeps its
/// own state in its database and never reads this transcript back.
/// </summary>
public sealed class LocalConversation
{
    /// <summary>The most activities one conversation keeps; a local test session stays far below it.</summary>
    public const int MaxTranscriptLength = 1000;

    private readonly Lock _gate = new();
    private readonly List<TranscriptEntry> _transcript = [];
    private readonly Dictionary<string, ChannelAccount> _members = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    public LocalConversation(string id, string conversationType, string? name)
    {
        Id = id;
        ConversationType = conversationType;
        Name = name;
    }

    public string Id { get; }

    /// <summary><see cref="ConversationTypes.Personal"/> or <see cref="ConversationTypes.GroupChat"/>.</summary>
    public string ConversationType { get; }

    /// <summary>The group's name; null for a personal conversation.</summary>
    public string? Name { get; }

    public bool IsGroup => ConversationType == ConversationTypes.GroupChat;

    /// <summary>The <c>conversation</c> object activities of this conversation carry.</summary>
    public ConversationAccount Account() => new()
    {
        Id = Id,
        ConversationType = ConversationType,
        IsGroup = IsGroup,
        Name = Name,
    };

    /// <summary>Adds a person to the members; true when they were not a member yet.</summary>
    public bool AddMember(ChannelAccount member)
    {
        if (string.IsNullOrWhiteSpace(member.Id))
        {
            return false;
        }
        lock (_gate)
        {
            var isNew = !_members.TryGetValue(member.Id, out var known);
            _members[member.Id] = new ChannelAccount
            {
                Id = member.Id,
                Name = string.IsNullOrWhiteSpace(member.Name) ? known?.Name : member.Name,
            };
            return isNew;
        }
    }

    public IReadOnlyList<ChannelAccount> Members()
    {
        lock (_gate)
        {
            return [.. _members.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Stamps the activity with a new id and adds it at the end of the transcript.</summary>
    public string Append(Activity activity)
    {
        lock (_gate)
        {
            _sequence++;
            activity.Id = _sequence.ToString("D7", CultureInfo.InvariantCulture);
            Add(activity);
            return activity.Id;
        }
    }

    /// <summary>
    /// Replaces the activity with this id. The new version moves to the end of the transcript so that
    /// clients polling from a watermark see it; Web Chat replaces the message with the same id.
    /// </summary>
    public bool Replace(string activityId, Activity activity)
    {
        lock (_gate)
        {
            var index = _transcript.FindIndex(e => e.Activity.Id == activityId);
            if (index < 0)
            {
                return false;
            }
            _transcript.RemoveAt(index);
            _sequence++;
            activity.Id = activityId;
            Add(activity);
            return true;
        }
    }

    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            return _transcript.RemoveAll(e => e.Activity.Id == activityId) > 0;
        }
    }

    public bool Contains(string activityId)
    {
        lock (_gate)
        {
            return _transcript.Exists(e => e.Activity.Id == activityId);
        }
    }

    /// <summary>
    /// Every activity written after the watermark, oldest first: all of them when it is null, and also
    /// when it lies ahead of this transcript (a client that outlived a restart of the channel).
    /// </summary>
    public TranscriptPage After(long? watermark)
    {
        lock (_gate)
        {
            var from = watermark is { } w && w <= _sequence ? w : 0;
            var activities = _transcript.Where(e => e.Sequence > from).Select(e => e.Activity).ToList();
            return new TranscriptPage(activities, _sequence);
        }
    }

    private void Add(Activity activity)
    {
        _transcript.Add(new TranscriptEntry(_sequence, activity));
        if (_transcript.Count > MaxTranscriptLength)
        {
            _transcript.RemoveRange(0, _transcript.Count - MaxTranscriptLength);
        }
    }
}
