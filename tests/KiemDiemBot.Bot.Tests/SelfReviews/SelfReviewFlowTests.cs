using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.SelfReviews;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// The self-review flow through the real pipeline in local mode (the host plays the channel; /api/messages,
/// inbox, lane, identity by e-mail, flow engine, one commit, outbox), for the demo organisation's members of
/// each kind, with the answers read back from the domain.
/// </summary>
public abstract class SelfReviewFlowTests(StorageProvider provider) : SelfReviewHostTests(provider)
{
    /// <summary>A member of the technology cell with no post, not a civil servant, no cap: the plainest case.</summary>
    public const string PlainEmail = "phuc.mai@" + DemoOrganisation.EmailDomain;

    /// <summary>A member of the technology cell with no post who is a civil servant (VII.1 applies).</summary>
    public const string CivilServantEmail = "khoa.duong@" + DemoOrganisation.EmailDomain;

    public const string SubmitButton = "Nộp";

    [Fact]
    public async Task TuKiemDiem_PlainCivilServant_AnswersEveryPartInOrderAndSubmits()
    {
        var session = await World.OpenAsync(CivilServantEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var steps = new List<string>();
        var summary = await session.WalkToSummaryAsync(identity, card =>
        {
            steps.Add(card.Step!);
            return TestAnswers.Good(card);
        });
        var replies = await session.PressAsync(summary, summary.Press(summary.Button(SubmitButton)), 2);
        var review = await World.ReviewOfAsync(CivilServantEmail);

        Assert.Equal(
            ["identity", "strength-1", "strength-2", "strength-6", "shortcomings", "remedy", "measures", "level"],
            steps);
        Assert.True(identity.Says("Bước 1/8"));
        Assert.Equal(review.Answers.Identity!.FullName, identity.ValueOf(SelfReviewFlow.FullNameInput));
        Assert.Equal(SelfReviewStatus.Submitted, review.Status);
        Assert.Equal(TestAnswers.StrengthText, review.Answers.Strengths[StrengthItem.Commitment].Text);
        Assert.Equal(CriterionGrade.Good, review.Answers.Strengths[StrengthItem.Duties].Grade);
        Assert.Equal(TestAnswers.CausesText, review.Answers.Causes);
        Assert.Equal(TestAnswers.MeasuresText, review.Answers.Measures);
        Assert.Equal(RankingLevel.ExcellentCompletion, review.Answers.ProposedLevel);
        Assert.Equal(RankingLevel.GoodCompletion, review.Answers.ProposedCivilServantLevel);
        Assert.Null(review.EnteredByProxy);
        var submitted = new ReviewCard(Assert.Single(replies, r => r.UpdatedActivityId is null));
        var export = Assert.Single(submitted.Buttons);
        Assert.Equal(CardVerbs.ExportSelfReview, export["data"]![CardDataKeys.Verb]!.GetValue<string>());
        Assert.Null(export["data"]![CardDataKeys.Flow]);
        Assert.True(submitted.Says("Đã nộp bản tự kiểm điểm năm 2026"));
    }

    [Fact]
    public async Task TuKiemDiem_LeaderWithThreePosts_GetsLeadersItemsAndSectionVAndSeesWhereEachPartIsHeard()
    {
        var session = await World.OpenAsync(DemoOrganisation.LeaderEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var steps = new List<string>();
        await session.WalkToSummaryAsync(identity, card =>
        {
            steps.Add(card.Step!);
            return TestAnswers.Good(card);
        });
        var review = await World.ReviewOfAsync(DemoOrganisation.LeaderEmail);
        var places = await World.PlaceNamesAsync(review);

        Assert.Equal(
            ["identity", "strength-1", "strength-2", "strength-3", "strength-4", "strength-5", "strength-6",
             "shortcomings", "remedy", "collective-share", "measures", "level"],
            steps);
        Assert.Equal(3, places.Count);
        Assert.Equal(review.CellName, places[0]);
        var list = identity.Texts.Single(text => text.StartsWith("1. ", StringComparison.Ordinal));
        Assert.Equal(
            places.Select((name, index) => $"{index + 1}. {name}:").ToList(),
            list.Split('\r').Select(line => line[..(line.IndexOf(':', StringComparison.Ordinal) + 1)]).ToList());
        Assert.Equal(TestAnswers.CollectiveShareText, review.Answers.CollectiveShare);
        Assert.Equal(6, review.Answers.Strengths.Count);
    }

    [Fact]
    public async Task TuKiemDiem_MemberWithReviewSuggestions_ExplainsThemInSectionIV()
    {
        var member = await World.MemberAsync(PlainEmail);
        var cycle = await World.CycleAsync();
        await Host.InScopeAsync(services => services.GetRequiredService<IReviewSuggestionService>()
            .AddAsync(cycle.Id, member.Id, "Làm rõ việc chậm trả hồ sơ trong quý III.", "test", CancellationToken.None));
        var session = await World.OpenAsync(PlainEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var explanations = await session.WalkToAsync(identity, SelfReviewFlow.ExplanationsStep);
        var measures = await session.AnswerAsync(explanations, TestAnswers.Good(explanations));
        var review = await World.ReviewOfAsync(PlainEmail);

        Assert.True(explanations.Says(SelfReviewFlowTexts.ExplanationsTitle));
        Assert.Equal(SelfReviewFlow.MeasuresStep, measures.Step);
        Assert.Equal(TestAnswers.ExplanationsText, review.Answers.Explanations);
    }

    [Theory]
    [InlineData("tự kiểm điểm")]
    [InlineData("xem lại")]
    [InlineData("nộp")]
    public async Task SelfReviewCommand_InAGroupChat_IsSentToThePersonalChatAndNothingIsCreated(string command)
    {
        var group = await World.OpenGroupAsync(PlainEmail);

        var reply = await group.SayAsync(command);

        Assert.Equal(SelfReviewFlowTexts.PersonalChatOnly, reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
        Assert.Null(await World.FindReviewAsync(PlainEmail));
    }

    [Fact]
    public async Task StartButton_OnTheWelcomeCard_StartsTheSelfReview()
    {
        var session = await World.OpenAsync(PlainEmail);
        var welcome = WelcomeCard.Build(new WelcomeCardInput("Mai Xuân Phúc"));
        var start = welcome["actions"]!.AsArray().OfType<JsonObject>()
            .Single(a => a["data"]![CardDataKeys.Verb]!.GetValue<string>() == CardVerbs.StartSelfReview);

        await Host.PostAsync(session.Chat.Submit(JsonNode.Parse(start["data"]!.ToJsonString())!.AsObject(), replyToId: null));
        var identity = new ReviewCard(await Host.Connector.NextAsync());

        Assert.Equal(SelfReviewFlow.IdentityStep, identity.Step);
        Assert.True(identity.Says(SelfReviewFlowTexts.IdentityTitle));
    }

    [Fact]
    public async Task TuKiemDiem_ProbationaryMember_IsToldWhatAppliesAndStillProposesALevel()
    {
        var session = await World.OpenAsync(DemoOrganisation.ProbationaryEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var level = await session.WalkToAsync(identity, SelfReviewFlow.LevelStep);

        Assert.True(identity.Says(SelfReviewFlowTexts.Probationary));
        Assert.Equal(4, level.ChoicesOf(SelfReviewFlow.PartyLevelInput).Count);
    }

    [Fact]
    public async Task TuKiemDiem_TemporaryMember_IsToldWhereTheyAreRanked()
    {
        var session = await World.OpenAsync(DemoOrganisation.TemporaryMemberEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var summary = await session.WalkToSummaryAsync(identity);

        Assert.True(identity.Says(SelfReviewFlowTexts.Temporary));
        Assert.True(summary.Says(SelfReviewFlowTexts.Temporary));
    }

    [Fact]
    public async Task TuKiemDiem_AdmittedUnderSixMonths_IsToldAndHasNoRankingStep()
    {
        var session = await World.OpenAsync(DemoOrganisation.NewMemberEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var steps = new List<string>();
        var summary = await session.WalkToSummaryAsync(identity, card =>
        {
            steps.Add(card.Step!);
            return TestAnswers.Good(card);
        });
        await session.PressAsync(summary, summary.Press(summary.Button(SubmitButton)), 2);
        var review = await World.ReviewOfAsync(DemoOrganisation.NewMemberEmail);

        Assert.True(identity.Says(SelfReviewFlowTexts.NotRanked));
        Assert.DoesNotContain(SelfReviewFlow.LevelStep, steps);
        Assert.Equal(SelfReviewFlow.MeasuresStep, steps[^1]);
        Assert.False(summary.Says(SelfReviewFlowTexts.LevelTitle));
        Assert.Equal(SelfReviewStatus.Submitted, review.Status);
        Assert.Null(review.Answers.ProposedLevel);
    }

    [Fact]
    public async Task TuKiemDiem_DisciplinedMember_IsOfferedOnlyKhtnvWithTheReasonAndCannotForceHigher()
    {
        var session = await World.OpenAsync(DemoOrganisation.DisciplinedMemberEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var level = await session.WalkToAsync(identity, SelfReviewFlow.LevelStep);
        var forged = await session.RefusedAsync(level,
            (SelfReviewFlow.PartyLevelInput, nameof(RankingLevel.GoodCompletion)), (SelfReviewFlow.CivilServantLevelInput, nameof(RankingLevel.GoodCompletion)));
        var review = await World.ReviewOfAsync(DemoOrganisation.DisciplinedMemberEmail);

        Assert.Equal([nameof(RankingLevel.NonCompletion)], level.ChoicesOf(SelfReviewFlow.PartyLevelInput));
        Assert.True(level.Says("Bị xử lý kỷ luật trong năm nên xếp loại Không hoàn thành nhiệm vụ."));
        Assert.True(level.Says("đồng chí chỉ có thể tự nhận mức Không hoàn thành nhiệm vụ"));
        Assert.True(forged.Says(SelfReviewFlowTexts.LevelPartyMember + ": mức đã chọn cao hơn mức quy định cho phép"));
        Assert.Null(review.Answers.ProposedLevel);
    }

    [Fact]
    public async Task TuKiemDiem_LongSickLeave_OffersNothingAboveHtnvAndSaysWhy()
    {
        var session = await World.OpenAsync(DemoOrganisation.SickLeaveMemberEmail);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var level = await session.WalkToAsync(identity, SelfReviewFlow.LevelStep, TestAnswers.Excellent);

        Assert.Equal([nameof(RankingLevel.Completion), nameof(RankingLevel.NonCompletion)], level.ChoicesOf(SelfReviewFlow.PartyLevelInput));
        Assert.True(level.Says("Nghỉ ốm từ 3 tháng trở lên trong năm nên chỉ được xếp loại cao nhất là Hoàn thành nhiệm vụ."));
        Assert.True(level.Says(RankingLevel.ExcellentCompletion.DisplayName()));
    }

    [Theory]
    [InlineData("Excellent", RankingLevel.ExcellentCompletion)]
    [InlineData("Good", RankingLevel.GoodCompletion)]
    [InlineData("Average", RankingLevel.Completion)]
    [InlineData("Poor", RankingLevel.NonCompletion)]
    public async Task TuKiemDiem_Grades_SuggestTheLevelTheRulesGiveWithEveryLevelOffered(string grade, RankingLevel suggested)
    {
        var session = await World.OpenAsync(PlainEmail);
        var answer = grade == "Excellent" ? TestAnswers.Excellent : TestAnswers.Graded(grade);

        var identity = await session.SayForCardAsync("tự kiểm điểm");
        var level = await session.WalkToAsync(identity, SelfReviewFlow.LevelStep, answer);

        var heading = level.Texts.ToList().IndexOf("Mức gợi ý theo tự đánh giá");
        Assert.Equal(suggested.DisplayName(), level.Texts[heading + 1]);
        Assert.Equal(RankingLevels.TopDown.Select(l => l.ToString()), level.ChoicesOf(SelfReviewFlow.PartyLevelInput));
        Assert.DoesNotContain(level.Inputs, input => input["id"]?.GetValue<string>() == SelfReviewFlow.CivilServantLevelInput);
    }

}

public sealed class SqliteSelfReviewFlowTests() : SelfReviewFlowTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewFlowTests() : SelfReviewFlowTests(StorageProvider.PostgreSQL);
