using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// A secret ballot in the demo office cell's meeting chat, through the real host in local mode: "mở phiếu", the private
/// ballot cards in the voters' personal chats, casting, the status card updated in place, "đóng phiếu" and the result.
/// </summary>
public abstract class BallotChatTests(StorageProvider provider) : IAsyncLifetime
{
    private const string HTTNV = "3";
    private const string HTNV = "2";

    private MigratedStorage storage = null!;

    private FakeTimeProvider Clock { get; } = new(BotApplicationFactory.Start);

    private LocalReviewHost host = null!;

    private BallotMeeting Meeting { get; set; } = null!;

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, Clock);
        host = await LocalReviewHost.StartAsync(storage, Clock, new TestConnectorClient(), services =>
        {
            services.AddScoped<IDialog, CastBallotDialog>();
            services.AddScoped<IDialog, CloseBallotDialog>();
            services.AddScoped<IDialog, ShowBallotResultDialog>();
            services.AddScoped<IDialog, OpenRevoteDialog>();
        });
        Meeting = new BallotMeeting(host);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    /// <summary>The four official members with a personal chat (Long has none: he is not reachable), and the secretary in the meeting chat; the ballot opened with the defaults.</summary>
    private async Task<(ReviewSession Secretary, Dictionary<string, ReviewSession> Voters, Opened Opened)> OpenDefaultAsync()
    {
        var voters = new Dictionary<string, ReviewSession>();
        foreach (var email in new[] { BallotMeeting.Huong, BallotMeeting.Nam, BallotMeeting.Hung, BallotMeeting.Ngoc })
        {
            voters[email] = await Meeting.PersonalAsync(email);
        }
        var secretary = await Meeting.InMeetingAsync(BallotMeeting.Huong);
        var setup = await Meeting.SetupAsync(secretary);
        var opened = await Meeting.OpenAsync(secretary, setup, ballotCards: 4);
        return (secretary, voters, opened);
    }

    [Fact]
    public async Task OpenBallot_SecretaryInMeetingChat_SendsEachReachableVoterOneBallotAndPostsTheStatusCard()
    {
        var trang = await Meeting.PersonalAsync(BallotMeeting.Trang);
        var (_, voters, opened) = await OpenDefaultAsync();

        Assert.Equal(voters.Values.Select(v => v.Chat.ConversationId).Order(), opened.Ballots.Keys.Order());
        Assert.DoesNotContain(trang.Chat.ConversationId, opened.Ballots.Keys);
        Assert.True(opened.Status.Says("Đã bỏ phiếu 0/5"));
        Assert.Equal(CardVerbs.CloseBallot, opened.Status.Button("Đóng phiếu")["data"]![CardDataKeys.Verb]!.GetValue<string>());
        Assert.True(opened.Summary.Says("Phan Văn Long"));
        Assert.Empty(opened.Summary.Buttons);
        var ballot = BallotMeeting.BallotOf(opened, voters[BallotMeeting.Hung]);
        Assert.Equal(CardVerbs.CastBallot, ballot.Button("Bỏ phiếu")["data"]![CardDataKeys.Verb]!.GetValue<string>());
        var inputs = BallotMeeting.SubjectInputs(ballot);
        Assert.NotEmpty(inputs);
        Assert.Contains(inputs, id => ballot.ChoicesOf(id).SequenceEqual(["1"]));
        Assert.True(ballot.Says("Phan Văn Long"));
        Assert.False(ballot.Says("Đặng Văn Thành"));
        Assert.True(await Meeting.StaysQuietAsync());
    }

    [Fact]
    public async Task OpenBallot_PlainMember_IsRefused()
    {
        var member = await Meeting.InMeetingAsync(BallotMeeting.Long);

        var reply = await member.SayAsync("mở phiếu");

        Assert.Equal(BallotDialogTexts.OpenNotAllowed, reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task OpenBallot_InPersonalChat_AsksForTheMeetingChat()
    {
        var secretary = await Meeting.PersonalAsync(BallotMeeting.Huong);

        var reply = await secretary.SayAsync("mở phiếu");

        Assert.Equal(BallotDialogTexts.OpenInGroupOnly, reply.Activity.Text);
    }

    [Fact]
    public async Task OpenBallot_BelowQuorum_AsksToConfirmThenOpensWithTheOverrideShown()
    {
        await Meeting.PersonalAsync(BallotMeeting.Hung);
        var secretary = await Meeting.InMeetingAsync(BallotMeeting.Huong);
        var setup = await Meeting.SetupAsync(secretary);
        (string id, string)[] absent =
        [
            ("p." + (await Meeting.World.MemberAsync(BallotMeeting.Nam)).Id.ToString("N"), "false"),
            ("p." + (await Meeting.World.MemberAsync(BallotMeeting.Ngoc)).Id.ToString("N"), "false"),
        ];

        var refused = Assert.Single(await secretary.PressAsync(setup, setup.Press(setup.Button("Mở phiếu"), absent), 1));
        var again = new ReviewCard(refused);
        // Only Hùng, present, has a personal chat with the bot.
        var opened = await Meeting.OpenAsync(secretary, again, ballotCards: 1, [.. absent, (BallotSetupCard.OverrideInput, "true")]);

        Assert.Equal(setup.Sent.SentId, refused.UpdatedActivityId);
        Assert.True(again.Says("Xác nhận mở phiếu dù chưa đủ 2/3"));
        Assert.True(again.Says("Có 3/5 đảng viên chính thức được triệu tập có mặt, chưa đủ 2/3 (cần ít nhất 4)."));
        Assert.Equal("false", again.ValueOf(absent[0].id));
        Assert.True(opened.Status.Says("Đã bỏ phiếu 0/3"));
        Assert.True(opened.Status.Says("Mở phiếu khi chưa đủ 2/3 đảng viên chính thức có mặt; bí thư đã xác nhận."));
    }

    [Fact]
    public async Task CastBallot_Voter_ReplacesTheBallotWithAReceiptAndUpdatesTheStatusWithoutNamesOrChoices()
    {
        var (_, voters, opened) = await OpenDefaultAsync();
        var hung = voters[BallotMeeting.Hung];
        var ballot = BallotMeeting.BallotOf(opened, hung);

        var receipt = new ReviewCard(Assert.Single(await Meeting.CastAsync(hung, ballot, BallotMeeting.Choose(ballot, HTTNV))));
        var status = await Meeting.StatusUpdateAsync(opened);

        Assert.Equal(ballot.Sent.SentId, receipt.Sent.UpdatedActivityId);
        Assert.True(receipt.Says("Đã nhận phiếu của đồng chí"));
        Assert.Empty(receipt.Inputs);
        Assert.Empty(receipt.Buttons);
        Assert.False(receipt.Says("HTTNV") || receipt.Says("Hoàn thành"));
        Assert.True(status.Says("Đã bỏ phiếu 1/5"));
        Assert.All(BallotMeeting.OfficeNames, name => Assert.DoesNotContain(name, status.Json, StringComparison.Ordinal));
        Assert.DoesNotContain("HTTNV", status.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Factory.Logs.Entries, log => BallotMeeting.SubjectInputs(ballot).Any(id => log.Message.Contains(id[2..], StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task CastBallot_SecondTime_IsRefusedPolitelyAndCountedOnce()
    {
        var (_, voters, opened) = await OpenDefaultAsync();
        var nam = voters[BallotMeeting.Nam];
        var ballot = BallotMeeting.BallotOf(opened, nam);
        await Meeting.CastAsync(nam, ballot, BallotMeeting.Choose(ballot, HTTNV));
        await Meeting.StatusUpdateAsync(opened);

        var second = Assert.Single(await Meeting.CastAsync(nam, ballot, BallotMeeting.Choose(ballot, HTNV)));

        Assert.Equal("Đồng chí đã bỏ phiếu rồi. Mỗi đồng chí chỉ bỏ một phiếu và không sửa lại được.", second.Activity.Text);
        Assert.Null(second.Activity.Attachments);
        Assert.True(await Meeting.StaysQuietAsync());
        var view = await BallotAsync(opened.BallotId);
        Assert.Equal(1, view.Cast);
    }

    [Fact]
    public async Task CastBallot_ProbationaryMember_IsRefused()
    {
        var trang = await Meeting.PersonalAsync(BallotMeeting.Trang);
        var (_, voters, opened) = await OpenDefaultAsync();
        var choices = BallotMeeting.Choose(BallotMeeting.BallotOf(opened, voters[BallotMeeting.Hung]), HTTNV);

        var reply = await trang.PressAsync(BallotMeeting.BallotOf(opened, voters[BallotMeeting.Hung]), BallotMeeting.ForgedCast(opened.BallotId, choices), 1);

        Assert.Equal("Đảng viên dự bị không biểu quyết xếp loại nên đồng chí không bỏ phiếu ở cuộc họp này.", Assert.Single(reply).Activity.Text);
        Assert.Null(Assert.Single(reply).Activity.Attachments);
        Assert.Equal(0, (await BallotAsync(opened.BallotId)).Cast);
    }

    [Fact]
    public async Task CastBallot_MemberOfAnotherCell_IsRefused()
    {
        var tuan = await Meeting.PersonalAsync(BallotMeeting.Tuan);
        var (_, voters, opened) = await OpenDefaultAsync();
        var ballot = BallotMeeting.BallotOf(opened, voters[BallotMeeting.Hung]);

        var reply = Assert.Single(await tuan.PressAsync(ballot, BallotMeeting.ForgedCast(opened.BallotId, BallotMeeting.Choose(ballot, HTTNV)), 1));

        Assert.Equal("Đồng chí không có tên trong danh sách bỏ phiếu của cuộc họp này.", reply.Activity.Text);
        Assert.Equal(0, (await BallotAsync(opened.BallotId)).Cast);
    }

    [Fact]
    public async Task CastBallot_InTheMeetingChat_IsRefusedUncounted()
    {
        var (_, voters, opened) = await OpenDefaultAsync();
        var ballot = BallotMeeting.BallotOf(opened, voters[BallotMeeting.Hung]);
        var inGroup = await Meeting.InMeetingAsync(BallotMeeting.Hung);

        var reply = Assert.Single(await inGroup.PressAsync(ballot, BallotMeeting.ForgedCast(opened.BallotId, BallotMeeting.Choose(ballot, HTTNV)), 1));

        Assert.Equal(BallotDialogTexts.CastInGroupRefused, reply.Activity.Text);
        Assert.Equal(0, (await BallotAsync(opened.BallotId)).Cast);
    }

    [Fact]
    public async Task CastBallot_UnknownLevelUnknownSubjectAboveCapOrMissing_IsRefusedUncountedAndNoChoiceIsSentBack()
    {
        var (_, voters, opened) = await OpenDefaultAsync();
        var hung = voters[BallotMeeting.Hung];
        var ballot = BallotMeeting.BallotOf(opened, hung);
        var good = BallotMeeting.Choose(ballot, HTTNV);
        var capped = BallotMeeting.SubjectInputs(ballot).First(id => ballot.ChoicesOf(id).SequenceEqual(["1"]));

        var unknownLevel = Assert.Single(await Meeting.CastAsync(hung, ballot, [.. good.Skip(1), (good[0].Id, "9")]));
        var unknownSubject = Assert.Single(await Meeting.CastAsync(hung, ballot, [.. good, ("s." + Guid.NewGuid().ToString("N"), HTTNV)]));
        var aboveCap = Assert.Single(await Meeting.CastAsync(hung, ballot, [.. good.Where(c => c.Id != capped), (capped, "4")]));
        var missing = Assert.Single(await Meeting.CastAsync(hung, ballot, [.. good.Skip(1), (good[0].Id, "")]));

        const string Correct = "\n\nPhiếu của đồng chí chưa được tính. Các lựa chọn vẫn còn trên phiếu: đồng chí sửa lại rồi bấm “Bỏ phiếu”.";
        Assert.Equal(BallotDialogTexts.CastInvalidChoice + Correct, unknownLevel.Activity.Text);
        Assert.Equal("Phiếu có đối tượng không có trong danh sách bỏ phiếu. Xin dùng phiếu mới nhất." + Correct, unknownSubject.Activity.Text);
        Assert.StartsWith("Phan Văn Long chỉ được xếp loại cao nhất là Không hoàn thành nhiệm vụ.", aboveCap.Activity.Text, StringComparison.Ordinal);
        Assert.EndsWith(Correct, aboveCap.Activity.Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu chưa chọn cho: ", missing.Activity.Text, StringComparison.Ordinal);
        Assert.All(new[] { unknownLevel, unknownSubject, aboveCap, missing }, refused =>
        {
            Assert.Null(refused.Activity.Attachments);
            Assert.Null(refused.UpdatedActivityId);
        });
        Assert.True(await Meeting.StaysQuietAsync());
        Assert.Equal(0, (await BallotAsync(opened.BallotId)).Cast);
        var counted = Assert.Single(await Meeting.CastAsync(hung, ballot, good));
        Assert.True(new ReviewCard(counted).Says("Đã nhận phiếu của đồng chí"));
    }

    [Fact]
    public async Task CloseBallot_SecretaryOfAnotherCell_IsRefusedAndTheBallotStaysOpen()
    {
        var (_, voters, opened) = await OpenDefaultAsync();
        var tuan = await Meeting.InMeetingAsync(BallotMeeting.Tuan);

        var pressed = Assert.Single(await tuan.PressAsync(opened.Status, opened.Status.Press(opened.Status.Button("Đóng phiếu")), 1));
        var typed = await tuan.SayAsync("đóng phiếu");

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư của Chi bộ Văn phòng Sở mới được mở phiếu, đóng phiếu hoặc nhập phiếu giấy.", pressed.Activity.Text);
        Assert.Equal(pressed.Activity.Text, typed.Activity.Text);
        var hung = voters[BallotMeeting.Hung];
        var ballot = BallotMeeting.BallotOf(opened, hung);
        Assert.True(new ReviewCard(Assert.Single(await Meeting.CastAsync(hung, ballot, BallotMeeting.Choose(ballot, HTTNV)))).Says("Đã nhận phiếu của đồng chí"));
    }

    [Fact]
    public async Task CloseBallot_AfterThreeCasts_ShowsTheCountsAndLevelsAndClosesTheStatusCard()
    {
        var (secretary, voters, opened) = await OpenDefaultAsync();
        foreach (var email in new[] { BallotMeeting.Hung, BallotMeeting.Nam, BallotMeeting.Ngoc })
        {
            var ballot = BallotMeeting.BallotOf(opened, voters[email]);
            await Meeting.CastAsync(voters[email], ballot, BallotMeeting.Choose(ballot, HTTNV));
            await Meeting.StatusUpdateAsync(opened);
        }

        var closing = await secretary.SayAsync("đóng phiếu");
        var statusClosed = await Meeting.StatusUpdateAsync(opened);
        var result = new ReviewCard(closing);

        Assert.True(result.Says("Kết quả bỏ phiếu xếp loại – Chi bộ Văn phòng Sở"));
        Assert.True(result.Says("Tổng số tính tỷ lệ: 5. Phiếu qua bot: 3/5. Phiếu giấy: 0."));
        Assert.True(result.Says("HTXSNV 0 · HTTNV 3 · HTNV 0 · KHTNV 0"));
        Assert.True(result.Says("HTXSNV 0 · HTTNV 0 · HTNV 0 · KHTNV 3"));
        Assert.True(result.Says("Kết quả: Hoàn thành tốt nhiệm vụ"));
        Assert.True(result.Says("Kết quả: Không hoàn thành nhiệm vụ"));
        Assert.False(result.Says("Chưa có kết quả — bỏ phiếu lại"));
        Assert.Equal(["Xuất biên bản", "Danh sách xếp loại", "Thông qua kết quả"], result.Buttons.Select(b => b["title"]!.GetValue<string>()));
        Assert.True(statusClosed.Says("Đã bỏ phiếu 3/5"));
        Assert.True(statusClosed.Says("Đã đóng phiếu."));
        var again = await secretary.PressAsync(statusClosed, statusClosed.Press(statusClosed.Button("Xem kết quả")), 1);
        Assert.True(new ReviewCard(Assert.Single(again)).Says("HTXSNV 0 · HTTNV 3 · HTNV 0 · KHTNV 0"));
    }

    [Fact]
    public async Task CastBallot_AfterClosing_IsRefused()
    {
        var (secretary, voters, opened) = await OpenDefaultAsync();
        await secretary.SayAsync("đóng phiếu");
        await Meeting.StatusUpdateAsync(opened);
        var hung = voters[BallotMeeting.Hung];
        var ballot = BallotMeeting.BallotOf(opened, hung);

        var reply = Assert.Single(await Meeting.CastAsync(hung, ballot, BallotMeeting.Choose(ballot, HTTNV)));

        Assert.Equal("Cuộc bỏ phiếu đã kết thúc nên phiếu của đồng chí không được ghi nhận.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task CloseBallot_TooFewCasts_FlagsEverySubjectAndTheRevoteSendsNewBallots()
    {
        var (secretary, voters, opened) = await OpenDefaultAsync();
        var hung = voters[BallotMeeting.Hung];
        var ballot = BallotMeeting.BallotOf(opened, hung);
        await Meeting.CastAsync(hung, ballot, BallotMeeting.Choose(ballot, HTTNV));
        await Meeting.StatusUpdateAsync(opened);
        var result = new ReviewCard(await secretary.SayAsync("đóng phiếu"));
        await Meeting.StatusUpdateAsync(opened);

        await host.PostAsync(secretary.Chat.Submit(result.Press(result.Button("Bỏ phiếu lại")), result.Sent.SentId));
        var sent = await Meeting.ReceiveAsync(2 + 4);

        Assert.True(result.Says("Chưa có kết quả — bỏ phiếu lại"));
        var report = Assert.Single(sent, s => s.ConversationId == Meeting.MeetingConversationId && s.Activity.Attachments is null);
        Assert.StartsWith("Đã gửi phiếu kín tới 4 đồng chí", report.Activity.Text, StringComparison.Ordinal);
        var status = new ReviewCard(Assert.Single(sent, s => s.ConversationId == Meeting.MeetingConversationId && s.Activity.Attachments is not null));
        Assert.True(status.Says("Đã bỏ phiếu 0/5"));
        Assert.True(status.Says("Bỏ phiếu lại, vòng 2."));
        var newBallot = new ReviewCard(Assert.Single(sent, s => s.ConversationId == hung.Chat.ConversationId));
        Assert.True(newBallot.Says("Bỏ phiếu lại, vòng 2."));
        Assert.NotEqual(opened.BallotId.ToString(), newBallot.Button("Bỏ phiếu")["data"]![CardDataKeys.Ballot]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenBallot_OrganisationChosen_TheBallotListsTheCellItselfWithEveryLevel()
    {
        var hung = await Meeting.PersonalAsync(BallotMeeting.Hung);
        var secretary = await Meeting.InMeetingAsync(BallotMeeting.Huong);
        var setup = await Meeting.SetupAsync(secretary);

        var opened = await Meeting.OpenAsync(secretary, setup, ballotCards: 1, (BallotSetupCard.KindInput, BallotSetupCard.OrganisationValue));

        var ballot = BallotMeeting.BallotOf(opened, hung);
        var subject = Assert.Single(BallotMeeting.SubjectInputs(ballot));
        Assert.Equal("1. Chi bộ Văn phòng Sở", ballot.Input(subject)["label"]!.GetValue<string>());
        Assert.Equal(["4", "3", "2", "1"], ballot.ChoicesOf(subject));
        Assert.True(opened.Status.Says("Số đối tượng trên phiếu: 1"));
    }

    [Fact]
    public async Task CastBallot_ApprovalBallot_AgreeOrNotPerNameAndTheResultCountsThem()
    {
        var hung = await Meeting.PersonalAsync(BallotMeeting.Hung);
        var mai = await Meeting.PersonalAsync("mai.tran@" + Core.Demo.DemoOrganisation.EmailDomain);
        var nam = await Meeting.World.MemberAsync(BallotMeeting.Nam);
        var ngoc = await Meeting.World.MemberAsync(BallotMeeting.Ngoc);
        var chair = await Meeting.World.MemberAsync(BallotMeeting.Hung);
        var cycle = await Meeting.World.CycleAsync();
        // The grassroots committee opens the approval ballot (as the decisions' dialog does) and its cards go out.
        await host.InScopeAsync(async services =>
        {
            var ballots = services.GetRequiredService<Core.Ballots.IBallotService>();
            var committee = (await ballots.ProposeAsync(cycle.Id, chair.Id, null, CancellationToken.None))!.BodyId;
            var approval = await ballots.OpenApprovalAsync(
                cycle.Id, committee, [nam.Id, ngoc.Id], 1, new Core.Meetings.MeetingConversation("directline", Meeting.MeetingConversationId), chair.Id, CancellationToken.None);
            return await BallotDelivery.StageAsync(services.GetRequiredService<Core.Notices.IMemberNotices>(), approval, CancellationToken.None);
        });
        var cards = (await Meeting.ReceiveAsync(2)).ToDictionary(s => s.ConversationId, s => new ReviewCard(s));
        var hungBallot = cards[hung.Chat.ConversationId];
        var maiBallot = cards[mai.Chat.ConversationId];
        var namInput = BallotCard.InputId(nam.Id);
        var ngocInput = BallotCard.InputId(ngoc.Id);

        await Meeting.CastAsync(hung, hungBallot, [(namInput, BallotCard.AgreeValue), (ngocInput, BallotCard.DisagreeValue)]);
        await Meeting.CastAsync(mai, maiBallot, [(namInput, BallotCard.AgreeValue), (ngocInput, BallotCard.AgreeValue)]);
        var chairInMeeting = await Meeting.InMeetingAsync(BallotMeeting.Hung);
        var result = new ReviewCard(await chairInMeeting.SayAsync("đóng phiếu"));

        Assert.True(hungBallot.Says("Phiếu biểu quyết giữ mức Hoàn thành xuất sắc nhiệm vụ"));
        Assert.Equal([BallotCard.AgreeValue, BallotCard.DisagreeValue], hungBallot.ChoicesOf(namInput));
        Assert.True(result.Says("Kết quả biểu quyết giữ mức HTXSNV"));
        Assert.True(result.Says("Đồng ý 2 · Không đồng ý 0"));
        Assert.True(result.Says("Đồng ý 1 · Không đồng ý 1"));
    }

    private async Task<Core.Ballots.BallotView> BallotAsync(Guid ballotId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Core.Ballots.IBallotService>().GetAsync(ballotId, CancellationToken.None))!;
    }
}

public sealed class SqliteBallotChatTests() : BallotChatTests(StorageProvider.Sqlite);

public sealed class PostgresBallotChatTests() : BallotChatTests(StorageProvider.PostgreSQL);
