using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary><c>cycle reminders</c> as an operator runs it, on each provider: the cycle's reminder offsets and time.</summary>
public abstract class CycleRemindersCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly StringWriter output = new();
    private MigratedStorage storage = null!;

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)));
        await using var scope = storage.CreateScope();
        await TestRoster.SeedDemoAsync(scope.ServiceProvider);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task CycleReminders_OffsetsAndTime_SetsThemAuditedAndSayingSoOnlyOnce()
    {
        await RunAsync("open", "2027");
        output.GetStringBuilder().Clear();

        var first = await RunAsync("reminders", "2027", "--offsets", "1,7,3", "--time", "07:45");
        var firstLines = Lines();
        output.GetStringBuilder().Clear();
        var second = await RunAsync("reminders", "2027", "--time", "07:45");

        Assert.Equal(0, first);
        Assert.Equal(["Đã đặt lịch nhắc của đợt kiểm điểm năm 2027: trước 7, 3, 1 ngày làm việc, lúc 07:45."], firstLines);
        Assert.Equal(0, second);
        Assert.Equal(["Lịch nhắc của đợt kiểm điểm năm 2027 giữ nguyên: trước 7, 3, 1 ngày làm việc, lúc 07:45."], Lines());
        var cycle = (await InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None)))!;
        Assert.Equal([7, 3, 1], cycle.ReminderOffsets);
        Assert.Equal(new TimeOnly(7, 45), cycle.ReminderTime);
        var audit = await InScopeAsync(s => s.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.CycleSettings, cycle.Id, CancellationToken.None));
        Assert.Equal("7,3,1", Assert.Single(audit, e => e.Field == AuditFields.CycleReminderOffsets).To);
        Assert.Equal("07:45", Assert.Single(audit, e => e.Field == AuditFields.CycleReminderTime).To);
    }

    [Theory]
    [InlineData("Cách dùng: cycle reminders <năm> [--offsets <các mốc>] [--time <HH:mm>], ví dụ: cycle reminders 2026 --offsets 5,3,1 --time 08:00", "reminders", "2027")]
    [InlineData("Các mốc nhắc «5,5» không hợp lệ: cần các số ngày làm việc khác nhau, từ 1 đến 20, cách nhau bằng dấu phẩy, ví dụ 5,3,1.", "reminders", "2027", "--offsets", "5,5")]
    [InlineData("Các mốc nhắc «0,3» không hợp lệ: cần các số ngày làm việc khác nhau, từ 1 đến 20, cách nhau bằng dấu phẩy, ví dụ 5,3,1.", "reminders", "2027", "--offsets", "0,3")]
    [InlineData("Các mốc nhắc «21» không hợp lệ: cần các số ngày làm việc khác nhau, từ 1 đến 20, cách nhau bằng dấu phẩy, ví dụ 5,3,1.", "reminders", "2027", "--offsets", "21")]
    [InlineData("Giờ nhắc «20:00» không hợp lệ: cần giờ dạng HH:mm, từ 07:30 đến trước 20:00.", "reminders", "2027", "--time", "20:00")]
    [InlineData("Giờ nhắc «07:00» không hợp lệ: cần giờ dạng HH:mm, từ 07:30 đến trước 20:00.", "reminders", "2027", "--time", "07:00")]
    [InlineData("Năm 2031 chưa có đợt kiểm điểm. Mở đợt trước: cycle open 2031", "reminders", "2031", "--time", "09:00")]
    public async Task CycleReminders_WrongSettings_PrintsOneLineExitsTwoAndKeepsTheDefaults(string line, params string[] arguments)
    {
        await RunAsync("open", "2027");
        output.GetStringBuilder().Clear();

        var exitCode = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal([line], Lines());
        var cycle = (await InScopeAsync(s => s.GetRequiredService<IReviewCycleService>().FindByYearAsync(2027, CancellationToken.None)))!;
        Assert.Equal([5, 3, 1], cycle.ReminderOffsets);
        Assert.Equal(new TimeOnly(8, 0), cycle.ReminderTime);
    }

    private string[] Lines() =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r'))];

    private async Task<int> RunAsync(params string[] arguments)
    {
        await using var scope = storage.CreateScope();
        var s = scope.ServiceProvider;
        var command = new CycleCommand(
            s.GetRequiredService<IReviewCycleService>(),
            s.GetRequiredService<IMemberNotices>(),
            s.GetRequiredService<IUnitOfWork>(),
            s.GetRequiredService<IDatabaseMigrator>(),
            new StorageOptions { Provider = storage.Provider, ConnectionString = storage.ConnectionString },
            output);
        return await command.RunAsync(arguments, CancellationToken.None);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider);
    }
}

public sealed class SqliteCycleRemindersCommandTests() : CycleRemindersCommandTests(StorageProvider.Sqlite);

public sealed class PostgresCycleRemindersCommandTests() : CycleRemindersCommandTests(StorageProvider.PostgreSQL);
