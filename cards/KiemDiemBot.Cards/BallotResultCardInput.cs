namespace KiemDiemBot.Cards;

/// <summary>
/// A closed ballot's result in the meeting chat: per subject the counts (chat and paper added up) and the level
/// reached or that it must be voted again; the cap warning; what remains to do. Counts only, never who chose what.
/// </summary>
/// <param name="Base">What "more than half" was counted against.</param>
/// <param name="Cast">Ballots cast in chat, of <paramref name="Voters"/>.</param>
public sealed record BallotResultCardInput(
    Guid BallotId,
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    bool IsApproval,
    int Round,
    int Base,
    int Cast,
    int Voters,
    int PaperBallots,
    IReadOnlyList<BallotResultRow> Subjects)
{
    public string? CapWarning { get; init; }

    public IReadOnlyList<string> ToDo { get; init; } = [];

    /// <summary>Offer "Bỏ phiếu lại" (some subjects have no result, or names tied at the cut).</summary>
    public bool NeedsRevote { get; init; }
}

/// <summary>One subject's counts and outcome.</summary>
/// <param name="Counts">Ranking ballot: votes per level, best first (e.g. "HTXSNV", 3); approval: agree then disagree.</param>
/// <param name="Level">The level reached, in full; null when there is none.</param>
/// <param name="Outcome">How the level was reached, or why there is none, in a sentence.</param>
public sealed record BallotResultRow(string Name, IReadOnlyList<BallotResultCount> Counts, string? Level, bool NeedsRevote, string Outcome);

/// <summary>A count with its label.</summary>
public sealed record BallotResultCount(string Label, int Votes);
