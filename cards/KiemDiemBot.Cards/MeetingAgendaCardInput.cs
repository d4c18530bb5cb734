namespace KiemDiemBot.Cards;

/// <summary>The agenda of a body's review meeting, in the rule order, with who chairs each review.</summary>
public sealed record MeetingAgendaCardInput(string BodyName, DateOnly StartDate, TimeOnly StartTime, IReadOnlyList<MeetingAgendaLine> Agenda);
