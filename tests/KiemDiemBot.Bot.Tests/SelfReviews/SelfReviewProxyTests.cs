using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Flows;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.SelfReviews;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// A secretary enters a member's self-review on their behalf from the progress card's button, through the real
/// pipeline in local mode; nobody else may.
/// </summary>
public abstract class SelfReviewProxyTests(StorageProvider provider) : SelfReviewHostTests(provider)
{
    /// <summary>Secretary of the office cell (Chi bộ Văn phòng), where the disciplined member is.</summary>
    private const string OfficeSecretaryEmail = "huong.pham@" + DemoOrganisation.EmailDomain;

    /// <summary>Secretary of the other cell.</summary>
    private const string TechnologySecretaryEmail = "tuan.le@" + DemoOrganisation.EmailDomain;

    private const string SubjectEmail = DemoOrganisation.DisciplinedMemberEmail;

    [Fact]
    public async Task ProxyButton_CellSecretary_EntersTheMembersReviewMarkedAsProxyWithEveryCardSayingWhose()
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var secretary = await World.OpenAsync(OfficeSecretaryEmail);
        var cards = new List<ReviewCard>();

        var identity = new ReviewCard(Assert.Single(await PressProxyAsync(secretary, subject.Id)));
        var summary = await secretary.WalkToSummaryAsync(identity, card =>
        {
            cards.Add(card);
            return TestAnswers.Good(card);
        });
        var replies = await secretary.PressAsync(summary, summary.Press(summary.Button(SelfReviewFlowTests.SubmitButton)), 2);
        var review = await World.ReviewOfAsync(SubjectEmail);
        var secretaryName = (await World.MemberAsync(OfficeSecretaryEmail)).FullName;

        var whose = "Nhập hộ bản tự kiểm điểm của đồng chí " + subject.FullName;
        Assert.All(cards.Append(summary), card => Assert.Equal(whose, card.Texts[0]));
        Assert.Equal(subject.FullName, identity.ValueOf(SelfReviewFlow.FullNameInput));
        Assert.Equal(SelfReviewStatus.Submitted, review.Status);
        Assert.Equal(secretaryName, review.EnteredByProxy);
        Assert.Equal(TestAnswers.MeasuresText, review.Answers.Measures);
        Assert.Null(await World.FindReviewAsync(OfficeSecretaryEmail));
        var submitted = new ReviewCard(Assert.Single(replies, r => r.UpdatedActivityId is null));
        Assert.Equal(whose, submitted.Texts[0]);
        Assert.Equal(subject.Id.ToString("D"), Assert.Single(submitted.Buttons)["data"]![CardDataKeys.MemberId]!.GetValue<string>());
    }

    [Fact]
    public async Task ProxyButton_SecretaryMidwayThenOwnReview_KeepsBothApart()
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var secretary = await World.OpenAsync(OfficeSecretaryEmail);
        var proxyIdentity = new ReviewCard(Assert.Single(await PressProxyAsync(secretary, subject.Id)));
        await secretary.AnswerAsync(proxyIdentity);

        var own = await secretary.SayForCardAsync("tự kiểm điểm");
        await secretary.AnswerAsync(own);
        var proxyAgain = new ReviewCard(Assert.Single(await PressProxyAsync(secretary, subject.Id)));

        Assert.Equal(SelfReviewFlow.IdentityStep, own.Step);
        Assert.DoesNotContain(own.Texts, text => text.StartsWith("Nhập hộ", StringComparison.Ordinal));
        Assert.Equal(SelfReviewFlow.StrengthStep(StrengthItem.PoliticalQuality), proxyAgain.Step);
        Assert.StartsWith("Nhập hộ", proxyAgain.Texts[0], StringComparison.Ordinal);
        Assert.NotNull(await World.FindReviewAsync(OfficeSecretaryEmail));
    }

    [Theory]
    [InlineData(DemoOrganisation.ProbationaryEmail)]
    [InlineData(TechnologySecretaryEmail)]
    public async Task ProxyButton_NotTheSecretaryOfTheMembersCell_IsRefusedAndNothingIsCreated(string email)
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var other = await World.OpenAsync(email);

        var refusal = Assert.Single(await PressProxyAsync(other, subject.Id));

        Assert.Equal(SelfReviewFlowTexts.ProxyRefused, refusal.Activity.Text);
        Assert.Null(refusal.Activity.Attachments);
        Assert.Null(await World.FindReviewAsync(SubjectEmail));
    }

    [Fact]
    public async Task ProxyButton_PressedInTheCellsGroupChat_IsSentToThePersonalChat()
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var secretary = await World.OpenGroupAsync(OfficeSecretaryEmail);

        var reply = Assert.Single(await PressProxyAsync(secretary, subject.Id));

        Assert.Equal(SelfReviewFlowTexts.ProxyPersonalChatOnly, reply.Activity.Text);
        Assert.Null(await World.FindReviewAsync(SubjectEmail));
    }

    [Fact]
    public async Task ExportButton_AfterAProxyEntry_GivesTheSecretaryTheMembersFileAndNobodyElse()
    {
        var subject = await World.MemberAsync(SubjectEmail);
        var secretary = await World.OpenAsync(OfficeSecretaryEmail);
        var probationary = await World.OpenAsync(DemoOrganisation.ProbationaryEmail);
        await PressProxyAsync(secretary, subject.Id);
        var export = new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.ExportSelfReview,
            [CardDataKeys.MemberId] = subject.Id.ToString("D"),
            [CardDataKeys.CardVersion] = 1,
        };

        await Host.PostAsync(secretary.Chat.Submit((JsonObject)export.DeepClone(), replyToId: null));
        var offeredReply = await Host.Connector.NextAsync();
        Assert.True(offeredReply.Activity.Attachments is { Count: > 0 }, offeredReply.Activity.Text);
        var offered = new ReviewCard(offeredReply);
        await Host.PostAsync(probationary.Chat.Submit((JsonObject)export.DeepClone(), replyToId: null));
        var refused = await Host.Connector.NextAsync();

        var link = new Uri(Assert.Single(offered.Content.DescendantsAndSelf().OfType<JsonObject>(),
            node => (string?)node["type"] == "Action.OpenUrl")["url"]!.GetValue<string>());
        using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        request.Headers.Host = link.Authority;
        using var response = await Host.Factory.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        Assert.Contains(subject.FullName, document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        Assert.Equal(FileMessages.NotYourReview, refused.Activity.Text);
    }

    /// <summary>What the progress card's "Nhập hộ" button posts for a member.</summary>
    private async Task<IReadOnlyList<Inbound.SentActivity>> PressProxyAsync(ReviewSession session, Guid memberId)
    {
        var value = new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.EnterSelfReviewByProxy,
            [CardDataKeys.MemberId] = memberId.ToString("D"),
            [CardDataKeys.CardVersion] = 1,
        };
        await Host.PostAsync(session.Chat.Submit(value, replyToId: null));
        return [await Host.Connector.NextAsync()];
    }
}

public sealed class SqliteSelfReviewProxyTests() : SelfReviewProxyTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewProxyTests() : SelfReviewProxyTests(StorageProvider.PostgreSQL);
