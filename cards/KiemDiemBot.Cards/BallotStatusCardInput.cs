namespace KiemDiemBot.Cards;

/// <summary>
/// The meeting chat's status card of a ballot: counts only ("đã bỏ phiếu X/Y"), never a name or a choice.
/// </summary>
/// <param name="Cast">Ballots cast in chat so far.</param>
/// <param name="Voters">Official members present who got a ballot.</param>
public sealed record BallotStatusCardInput(Guid BallotId, string BodyName, bool IsApproval, int Round, int Subjects, int Cast, int Voters, bool IsOpen)
{
    public int PaperBallots { get; init; }

    public bool QuorumOverridden { get; init; }
}
