namespace KiemDiemBot.Cards;

/// <summary>
/// Whether the deciding body can adopt its results now: how many closed ballots wait, the lines that block adoption
/// (open ballots, subjects with no result, the 20% cap with its numbers), and, when the cap is exceeded, the seats the
/// approval ballot fills.
/// </summary>
/// <param name="Pending">Closed ballots waiting for adoption.</param>
/// <param name="ApprovalSeats">When greater than zero with <see cref="CanOpenApproval"/>: the approval ballot keeps this many.</param>
public sealed record RankingAdoptionCheckCardInput(
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    int Pending,
    IReadOnlyList<string> Blockers,
    bool CanOpenApproval,
    int ApprovalSeats);
