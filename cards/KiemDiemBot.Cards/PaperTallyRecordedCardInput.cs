namespace KiemDiemBot.Cards;

/// <summary>A paper batch recorded: how many ballots it held, the body, and the paper ballots counted so far.</summary>
public sealed record PaperTallyRecordedCardInput(string BodyName, int Ballots, int PaperBallotsSoFar);
