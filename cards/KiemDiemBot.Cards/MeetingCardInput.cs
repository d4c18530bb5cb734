namespace KiemDiemBot.Cards;

/// <summary>
/// A body's review meeting as saved: when (Asia/Ho_Chi_Minh), who is summoned and who co-chairs, the draft report,
/// every warning in plain words, and the agenda; cancelled meetings show no buttons.
/// </summary>
public sealed record MeetingCardInput(Guid MeetingId, string BodyName, DateOnly StartDate, TimeOnly StartTime)
{
    public DateOnly? EndDate { get; init; }

    public TimeOnly? EndTime { get; init; }

    public IReadOnlyList<string> Participants { get; init; } = [];

    public IReadOnlyList<string> CoChairs { get; init; } = [];

    public string? DraftReportUrl { get; init; }

    /// <summary>Whether the superior approved the draft; null when no approval is needed (no review suggestions).</summary>
    public bool? DraftApproved { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<MeetingAgendaLine> Agenda { get; init; } = [];

    public bool IsCancelled { get; init; }

    /// <summary>A line above the facts, e.g. that the meeting was just saved.</summary>
    public string? Notice { get; init; }
}

/// <summary>One review on the agenda, in order: its subject (the body for the collective review), its chairs, and why they differ.</summary>
public sealed record MeetingAgendaLine(bool IsCollective, string Subject, IReadOnlyList<string> Chairs, string? Note);
