namespace KiemDiemBot.Cards;

/// <summary>The comments on a meeting's draft report, for its chairs.</summary>
/// <param name="Participants">How many were sent the draft (the meeting's participants).</param>
/// <param name="Comments">Every comment so far, by name.</param>
public sealed record DraftCommentsCardInput(
    string BodyName,
    DateOnly MeetingDate,
    TimeOnly MeetingTime,
    int Participants,
    IReadOnlyList<DraftCommentLine> Comments);

/// <summary>One participant's comment and when it was received (Asia/Ho_Chi_Minh).</summary>
public sealed record DraftCommentLine(string Name, string Text, DateTimeOffset ReceivedAt);
