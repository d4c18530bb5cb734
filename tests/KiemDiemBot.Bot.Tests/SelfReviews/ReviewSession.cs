using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Turns;
using KiemDiemBot.Dialogs.SelfReviews;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>One member at the local chat page: what they type and press, and the cards they get back in order.</summary>
public sealed class ReviewSession(LocalReviewHost host, LocalChat chat)
{
    public LocalChat Chat { get; } = chat;

    public LocalReviewHost Host { get; set; } = host;

    /// <summary>The member's first message: the bot greets them (the test welcome), so later replies are the flow's.</summary>
    public async Task OpenAsync()
    {
        await Host.PostAsync(Chat.Message("xin chào"));
        var welcome = await Host.Connector.NextAsync();
        Assert.Equal(TestWelcomeDialog.Reply, welcome.Activity.Text);
    }

    /// <summary>Types <paramref name="text"/>; answers the one reply.</summary>
    public async Task<SentActivity> SayAsync(string text)
    {
        await Host.PostAsync(Chat.Message(text));
        return await Host.Connector.NextAsync();
    }

    /// <summary>Types <paramref name="text"/>; answers the card that comes back.</summary>
    public async Task<ReviewCard> SayForCardAsync(string text) => new(await SayAsync(text));

    /// <summary>Posts a button press (the data a channel posts) in reply to <paramref name="card"/>; answers the <paramref name="replies"/> replies.</summary>
    public async Task<IReadOnlyList<SentActivity>> PressAsync(ReviewCard card, JsonObject value, int replies)
    {
        await Host.PostAsync(Chat.Submit(value, card.Sent.SentId));
        return await Host.TakeAsync(replies);
    }

    /// <summary>Answers a step that is accepted: the answered card is replaced in place and the next card comes.</summary>
    public async Task<ReviewCard> AnswerAsync(ReviewCard card, params (string Id, string Value)[] inputs) =>
        await AnswerWithAsync(card, card.Press(null, inputs));

    public async Task<ReviewCard> AnswerWithAsync(ReviewCard card, JsonObject value)
    {
        var replies = await PressAsync(card, value, 2);
        var update = Assert.Single(replies, r => r.UpdatedActivityId is not null);
        Assert.Equal(card.Sent.SentId, update.UpdatedActivityId);
        return new ReviewCard(Assert.Single(replies, r => r.UpdatedActivityId is null));
    }

    /// <summary>Answers a step that is refused: the same card comes back in place, with the errors and what was typed.</summary>
    public async Task<ReviewCard> RefusedAsync(ReviewCard card, params (string Id, string Value)[] inputs)
    {
        var reply = Assert.Single(await PressAsync(card, card.Press(null, inputs), 1));
        Assert.Equal(card.Sent.SentId, reply.UpdatedActivityId);
        return new ReviewCard(reply);
    }

    /// <summary>Answers every step with <paramref name="answer"/> until the card of <paramref name="step"/> comes.</summary>
    public async Task<ReviewCard> WalkToAsync(ReviewCard card, string step, Func<ReviewCard, (string Id, string Value)[]>? answer = null)
    {
        answer ??= TestAnswers.Good;
        var guard = 0;
        while (card.Step != step)
        {
            Assert.True(++guard < 20, $"The flow did not reach step '{step}'; it is at '{card.Step}'.");
            card = await AnswerAsync(card, answer(card));
        }
        return card;
    }

    /// <summary>Answers every step until the summary.</summary>
    public Task<ReviewCard> WalkToSummaryAsync(ReviewCard card, Func<ReviewCard, (string Id, string Value)[]>? answer = null) =>
        WalkToAsync(card, SelfReviewFlow.SummaryStep, answer);
}
