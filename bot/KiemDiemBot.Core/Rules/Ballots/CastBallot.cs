namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>
/// One voter's ballot: the level chosen for each subject. A subject left out is a blank choice.
/// Carries nothing that identifies the voter.
/// </summary>
public sealed record CastBallot(IReadOnlyDictionary<Guid, RankingLevel> Choices);
