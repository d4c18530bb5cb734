namespace KiemDiemBot.Cards;

/// <summary>
/// A voter's private ballot: every subject with the choices its caps allow (a ranking ballot) or agree / disagree (an
/// approval ballot), one submit for the whole ballot. It never carries a choice: a refused ballot is corrected on the
/// voter's screen, where the card keeps its inputs.
/// </summary>
/// <param name="BallotId">Carried by the submit.</param>
/// <param name="Legend">The level abbreviations the choices use and their full names, best first (ranking ballots).</param>
public sealed record BallotCardInput(
    Guid BallotId,
    string BodyName,
    int Round,
    bool IsApproval,
    IReadOnlyList<BallotCardSubject> Subjects,
    IReadOnlyList<BallotCardLegend> Legend)
{
    /// <summary>Approval ballot: how many names may keep HTXSNV.</summary>
    public int Seats { get; init; }
}

/// <summary>One subject: its id (the input is <see cref="CardDataKeys.SubjectPrefix"/> + the id in "N" form), name, choices and the caps' reasons.</summary>
/// <param name="Choices">Best first; ignored on an approval ballot (agree / disagree).</param>
public sealed record BallotCardSubject(Guid SubjectId, string Name, IReadOnlyList<BallotCardChoice> Choices, IReadOnlyList<string> CapReasons);

/// <summary>A choice as the drop-down shows it (a short title) and submits it.</summary>
public sealed record BallotCardChoice(string Title, string Value);

/// <summary>A level's abbreviation and full name, listed once at the top so that each drop-down stays short.</summary>
public sealed record BallotCardLegend(string Abbreviation, string FullName);
