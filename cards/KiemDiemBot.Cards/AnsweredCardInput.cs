namespace KiemDiemBot.Cards;

/// <summary>What a read-only answered card shows: the step's title and each question with its answer.</summary>
public sealed record AnsweredCardInput(string Title, IReadOnlyList<AnsweredCardFact> Answers);

/// <summary>One question and the answer given; a blank answer is shown as left empty.</summary>
public sealed record AnsweredCardFact(string Question, string? Answer);
