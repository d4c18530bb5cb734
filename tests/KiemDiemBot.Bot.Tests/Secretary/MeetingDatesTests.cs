using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Secretary;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>"ngày họp" through the whole pipeline: the grassroots secretary sets each body's meeting in the demo organisation's open cycle.</summary>
public abstract class MeetingDatesTests(StorageProvider provider) : IAsyncLifetime
{
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

    private Task<SecretaryHost> StartAsync() => SecretaryHost.StartAsync(provider, storage?.ConnectionString);

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task MeetingDates_CellMeetingAfterItsDeadline_IsSavedAuditedAndTheWarningShownPlainly()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Hung);
        var (office, technology) = await CellsAsync(host);

        var form = await host.SayAsync(secretary, "ngày họp");
        var replies = await host.PressAsync(secretary, form, "Lưu ngày họp", new Dictionary<string, string>
        {
            [DateInput(office)] = "2026-12-03",
            [TimeInput(office)] = "14:30",
            [DateInput(technology)] = "2026-11-20",
            [TimeInput(technology)] = "09:00",
        }, replies: 2);

        var formText = SecretaryHost.CardText(form);
        Assert.Contains("Đảng bộ Sở Thông tin và Truyền thông", formText, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Phòng Công nghệ thông tin", formText, StringComparison.Ordinal);
        Assert.Contains("Hạn hoàn thành kiểm điểm: trước ngày 01/12/2026", formText, StringComparison.Ordinal);
        Assert.Equal("08:00", (string?)SecretaryHost.Inputs(form).Single(i => (string?)i["id"] == TimeInput(office))["value"]);
        Assert.Equal(form.SentId, replies[0].UpdatedActivityId);
        var saved = SecretaryHost.CardText(replies[1]);
        Assert.Contains("14:30 ngày 03/12/2026 (vừa đặt)", saved, StringComparison.Ordinal);
        Assert.Contains("09:00 ngày 20/11/2026 (vừa đặt)", saved, StringComparison.Ordinal);
        Assert.Contains("Cần lưu ý", saved, StringComparison.Ordinal);
        Assert.Contains("Chi bộ Văn phòng Sở họp ngày 03/12/2026, không trước hạn “Chi bộ cơ sở và chi bộ trực thuộc hoàn thành kiểm điểm” (phải xong trước ngày 01/12/2026).", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("Chi bộ Phòng Công nghệ thông tin họp ngày", saved, StringComparison.Ordinal);

        var hung = await DemoPeople.FindAsync(host.Services, DemoPeople.Hung);
        var (meetings, audit) = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            var grassroots = (await s.GetRequiredService<IReviewMeetingCalendar>().ListAsync(cycle!.Id, office.Id, CancellationToken.None)).ToList();
            var trail = await s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, cycle.Id, CancellationToken.None);
            return (grassroots, trail);
        });
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 14, 30, 0, Vietnam), Assert.Single(meetings).StartsAt);
        var moved = audit.Last(a => a.Field == AuditFields.ReviewMeeting && a.OrganisationId == office.Id);
        Assert.Equal(hung.Id.ToString(), moved.Actor);
        Assert.Equal("2026-03-05 08:00 +07:00", moved.From);
        Assert.Equal("2026-12-03 14:30 +07:00", moved.To);
    }

    [Fact]
    public async Task MeetingDates_DateWithoutATime_FormComesBackWithTheErrorAndNothingMoves()
    {
        await using var host = await StartAsync();
        var secretary = await host.DemoMemberAsync(DemoPeople.Mai);
        var (office, _) = await CellsAsync(host);
        var form = await host.SayAsync(secretary, "ngày họp");

        var again = Assert.Single(await host.PressAsync(secretary, form, "Lưu ngày họp", new Dictionary<string, string>
        {
            [DateInput(office)] = "2026-11-25",
            [TimeInput(office)] = "",
        }));

        Assert.Equal(form.SentId, again.UpdatedActivityId);
        Assert.Contains("Chi bộ Văn phòng Sở: có ngày họp nhưng chưa có giờ bắt đầu.", SecretaryHost.CardText(again), StringComparison.Ordinal);
        Assert.Equal("2026-11-25", (string?)SecretaryHost.Inputs(again).Single(i => (string?)i["id"] == DateInput(office))["value"]);
        var meeting = await host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            return Assert.Single(await s.GetRequiredService<IReviewMeetingCalendar>().ListAsync(cycle!.Id, office.Id, CancellationToken.None));
        });
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 0, 0, Vietnam), meeting.StartsAt);
    }

    [Fact]
    public async Task MeetingDates_CellSecretary_IsRefused()
    {
        await using var host = await StartAsync();
        var cellSecretary = await host.DemoMemberAsync(DemoPeople.Huong);

        var reply = await host.SayAsync(cellSecretary, "ngày họp");

        Assert.Equal("Chỉ bí thư, phó bí thư cấp ủy cơ sở mới đặt được ngày họp kiểm điểm.", reply.Activity.Text);
        Assert.Null(reply.Activity.Attachments);
    }

    private static string DateInput(RosterCell cell) => MeetingDatesCard.DateInputId(MeetingDatesFlow.BodyKey(cell.Id));

    private static string TimeInput(RosterCell cell) => MeetingDatesCard.TimeInputId(MeetingDatesFlow.BodyKey(cell.Id));

    private static async Task<(RosterCell Office, RosterCell Technology)> CellsAsync(SecretaryHost host)
    {
        var cells = await host.InScopeAsync(s => s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None));
        return (cells.Single(c => c.Code == DemoOrganisation.OfficeCellCode), cells.Single(c => c.Code == DemoOrganisation.TechnologyCellCode));
    }
}

public sealed class SqliteMeetingDatesTests() : MeetingDatesTests(StorageProvider.Sqlite);

public sealed class PostgresMeetingDatesTests() : MeetingDatesTests(StorageProvider.PostgreSQL);
