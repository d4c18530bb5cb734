using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Meetings;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Meetings;

/// <summary>
/// "lịch họp" through the whole pipeline, in the demo office cell's meeting chat: its secretary schedules the meeting
/// (the chat becomes the meeting chat), sees the warnings and the agenda, a participant from another cell is refused,
/// and the meeting is cancelled from its card. The host's today is Monday 02/03/2026; the demo cells meet on Thursday
/// 05/03/2026 at 08:00.
/// </summary>
public abstract class MeetingScheduleTests(StorageProvider provider) : IAsyncLifetime
{
    private const string SaveButton = "Lưu lịch họp";
    private MigratedStorage? storage;

    public async Task InitializeAsync() =>
        storage = provider == StorageProvider.PostgreSQL ? await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start)) : null;

    public async Task DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }

    private Task<SecretaryHost> StartAsync() => SecretaryHost.StartAsync(provider, storage?.ConnectionString, services =>
    {
        services.AddScoped<IDialog, CancelMeetingDialog>();
        services.AddScoped<IDialog, ShowAgendaDialog>();
    });

    [Fact]
    public async Task LichHop_SecretaryInTheCellMeetingChat_SavesWithThisChatAndShowsTheWarningAndTheAgenda()
    {
        await using var host = await StartAsync();
        var chat = await host.GroupChatAsync(DemoPeople.Huong);

        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");
        var replies = await host.PressAsync(chat, form, SaveButton, Filled(form, new Dictionary<string, string>
        {
            [MeetingScheduleCard.EndTimeInput] = "11:30",
        }), replies: 2);

        var formText = SecretaryHost.CardText(form);
        Assert.Contains("Dời lịch họp kiểm điểm năm 2026", formText, StringComparison.Ordinal);
        Assert.Contains("Teams không cho đính kèm tệp vào thẻ", formText, StringComparison.Ordinal);
        Assert.Equal("2026-03-05", InputValue(form, MeetingScheduleCard.StartDateInput));
        Assert.Equal("08:00", InputValue(form, MeetingScheduleCard.StartTimeInput));
        var participants = SecretaryHost.Inputs(form).Single(i => (string?)i["id"] == MeetingScheduleCard.ParticipantsInput);
        Assert.True((bool?)participants["isMultiSelect"]);
        Assert.Equal(7, participants["choices"]!.AsArray().Count);
        Assert.Equal(7, MeetingScheduleCard.SplitChoices((string?)participants["value"]).Count);
        Assert.Equal(form.SentId, replies[0].UpdatedActivityId);
        var meeting = SecretaryHost.CardText(replies[1]);
        Assert.Contains("Lịch họp kiểm điểm: Chi bộ Văn phòng Sở", meeting, StringComparison.Ordinal);
        Assert.Contains("08:00 ngày 05/03/2026", meeting, StringComparison.Ordinal);
        Assert.Contains("11:30 ngày 05/03/2026", meeting, StringComparison.Ordinal);
        Assert.Contains("Cần lưu ý", meeting, StringComparison.Ordinal);
        Assert.Contains("Chưa có dự thảo báo cáo kiểm điểm của tập thể", meeting, StringComparison.Ordinal);
        // The card's JSON escapes the no-break space after the item's number.
        Assert.Contains(@"1.\u00A0Kiểm điểm tập thể Chi bộ Văn phòng Sở", meeting, StringComparison.Ordinal);
        Assert.Contains(@"3.\u00A0Kiểm điểm đồng chí Phạm Thị Hương", meeting, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: Hoàng Văn Nam", meeting, StringComparison.Ordinal);
        Assert.Contains(SecretaryHost.SubmitActions(replies[1]), a => (string?)a["data"]![CardDataKeys.Verb] == CardVerbs.CancelMeeting);
        var saved = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            return await s.GetRequiredService<IReviewMeetingPlanner>().FindByConversationAsync(
                new MeetingConversation("msteams", chat.ConversationId), cycle!.Id, CancellationToken.None);
        });
        Assert.NotNull(saved);
        Assert.Equal("Chi bộ Văn phòng Sở", saved.BodyName);
        Assert.Equal(7, saved.Participants.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 11, 30, 0, TimeSpan.FromHours(7)), saved.EndsAt);
    }

    [Fact]
    public async Task LichHop_MemberOfAnotherCellAmongParticipants_FormComesBackWithTheReasonAndWhatWasTyped()
    {
        await using var host = await StartAsync();
        var chat = await host.GroupChatAsync(DemoPeople.Huong);
        var (tuan, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Tuan);
        var (huong, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");

        var again = Assert.Single(await host.PressAsync(chat, form, SaveButton, Filled(form, new Dictionary<string, string>
        {
            [MeetingScheduleCard.EndTimeInput] = "11:30",
            [MeetingScheduleCard.ParticipantsInput] = MeetingScheduleFlow.MemberKey(huong) + "," + MeetingScheduleFlow.MemberKey(tuan),
            [MeetingScheduleCard.DraftUrlInput] = "https://onedrive.example/du-thao.docx",
        })));

        Assert.Equal(form.SentId, again.UpdatedActivityId);
        Assert.Contains("Không có trong danh sách của Chi bộ Văn phòng Sở nên không mời dự họp được: Lê Minh Tuấn.", SecretaryHost.CardText(again), StringComparison.Ordinal);
        Assert.Equal("https://onedrive.example/du-thao.docx", InputValue(again, MeetingScheduleCard.DraftUrlInput));
        var audit = await AuditAsync(host);
        Assert.DoesNotContain(audit, e => e.Field == AuditFields.ReviewMeetingEnd);
    }

    [Fact]
    public async Task LichHop_EndBeforeStart_FormComesBackWithTheReason()
    {
        await using var host = await StartAsync();
        var chat = await host.GroupChatAsync(DemoPeople.Nam);
        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");

        var again = Assert.Single(await host.PressAsync(chat, form, SaveButton, Filled(form, new Dictionary<string, string>
        {
            [MeetingScheduleCard.EndTimeInput] = "07:00",
        })));

        Assert.Contains("Thời gian kết thúc (07:00 05/03/2026) phải sau thời gian bắt đầu (08:00 05/03/2026).", SecretaryHost.CardText(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LichHop_PlainMemberInTheCellMeetingChat_IsRefused()
    {
        await using var host = await StartAsync();
        var chat = await host.GroupChatAsync(DemoPeople.Long);

        var reply = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");

        Assert.Equal("Nhóm chat này là nhóm họp của Chi bộ Văn phòng Sở, mà đồng chí không phải bí thư hoặc phó bí thư của chi bộ đó.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    [Fact]
    public async Task LichHop_InAPersonalChat_AsksForTheMeetingChat()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Huong);

        var reply = await host.SayAsync(secretary, "lịch họp");

        Assert.Equal("Hãy gõ “@KiemDiemBot lịch họp” trong nhóm chat sẽ dùng làm nhóm họp kiểm điểm: phiếu kín sẽ mở trong nhóm đó.", reply.Activity.Text);
    }

    [Fact]
    public async Task CancelButton_SecretaryThenPlainMember_CancelsOnceAuditedAndRefusesTheOther()
    {
        await using var host = await StartAsync();
        var chat = await host.GroupChatAsync(DemoPeople.Huong);
        var form = await host.SayInGroupAsync(chat, await OfficeChatNameAsync(host), "lịch họp");
        var meeting = (await host.PressAsync(chat, form, SaveButton, Filled(form, new Dictionary<string, string> { [MeetingScheduleCard.EndTimeInput] = "11:30" }), replies: 2))[1];
        var member = await host.GroupChatAsync(DemoPeople.Long) with { ConversationId = chat.ConversationId };

        var refused = Assert.Single(await host.PressAsync(member, meeting, "Hủy cuộc họp"));
        var agenda = Assert.Single(await host.PressAsync(member, meeting, "Xem chương trình họp"));
        var cancelled = await host.PressAsync(chat, meeting, "Hủy cuộc họp", replies: 2);

        Assert.Equal("Chỉ bí thư hoặc phó bí thư của Chi bộ Văn phòng Sở mới được đặt, dời hoặc hủy lịch họp kiểm điểm của tổ chức này.", refused.Activity.Text);
        Assert.Contains("Chương trình họp kiểm điểm: Chi bộ Văn phòng Sở", SecretaryHost.CardText(agenda), StringComparison.Ordinal);
        Assert.Contains("Kiểm điểm đồng chí Phan Văn Long", SecretaryHost.CardText(agenda), StringComparison.Ordinal);
        Assert.Equal(meeting.SentId, cancelled[0].UpdatedActivityId);
        Assert.Contains("Đã hủy cuộc họp kiểm điểm: Chi bộ Văn phòng Sở", SecretaryHost.CardText(cancelled[0]), StringComparison.Ordinal);
        Assert.Empty(SecretaryHost.SubmitActions(cancelled[0]));
        Assert.StartsWith("Đã hủy cuộc họp kiểm điểm của Chi bộ Văn phòng Sở", cancelled[1].Activity.Text, StringComparison.Ordinal);
        var (huong, _) = await DemoPeople.FindAsync(host.Services, DemoPeople.Huong);
        var entry = Assert.Single(await AuditAsync(host), e => e.Field == AuditFields.ReviewMeetingCancelled);
        Assert.Equal(huong.ToString(), entry.Actor);
        Assert.Equal("2026-03-05 08:00 +07:00", entry.From);
    }

    /// <summary>What a client submits: every input's value as shown on the card, with the test's changes.</summary>
    private static Dictionary<string, string> Filled(SentActivity card, Dictionary<string, string> changes)
    {
        var values = SecretaryHost.Inputs(card)
            .Where(i => i["value"] is not null)
            .ToDictionary(i => (string)i["id"]!, i => (string)i["value"]!);
        foreach (var (id, value) in changes)
        {
            values[id] = value;
        }
        return values;
    }

    private static string? InputValue(SentActivity card, string id) =>
        (string?)SecretaryHost.Inputs(card).Single(i => (string?)i["id"] == id)["value"];

    private static async Task<string> OfficeChatNameAsync(SecretaryHost host)
    {
        var cells = await host.InScopeAsync(s => s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None));
        return cells.Single(c => c.Code == DemoOrganisation.OfficeCellCode).MeetingChatName;
    }

    private static Task<IReadOnlyList<AuditRecord>> AuditAsync(SecretaryHost host) =>
        host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            return await s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, cycle!.Id, CancellationToken.None);
        });
}

public sealed class SqliteMeetingScheduleTests() : MeetingScheduleTests(StorageProvider.Sqlite);

public sealed class PostgresMeetingScheduleTests() : MeetingScheduleTests(StorageProvider.PostgreSQL);
