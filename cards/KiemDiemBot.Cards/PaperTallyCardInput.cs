namespace KiemDiemBot.Cards;

/// <summary>
/// The paper tally form of an open ballot: the number of paper ballots counted and, per subject, a number per level
/// the subject may get (a ranking ballot) or agree and disagree (an approval ballot). Errors say why the last entry
/// was refused; the flow engine refills what was typed.
/// </summary>
public sealed record PaperTallyCardInput(string BodyName, int Round, bool IsApproval, IReadOnlyList<PaperTallySubject> Subjects)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>One subject: its id, name, and the levels it may get as (abbreviation, value) best first; ignored on an approval ballot.</summary>
public sealed record PaperTallySubject(Guid SubjectId, string Name, IReadOnlyList<PaperTallyLevel> Levels);

/// <summary>A level's abbreviation and the value that names it.</summary>
public sealed record PaperTallyLevel(string Abbreviation, string Value);
