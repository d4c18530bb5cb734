using System.Text;
using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.CommandLine;

/// <summary>The roster commands as a secretary runs them: what they print and the exit code.</summary>
public sealed class RosterCommandsTests : IAsyncLifetime
{
    private const string Header = "Mã,Tên,Loại,Mã cấp trên\nCB01,Chi bộ Văn phòng,Chi bộ cơ sở,\n";
    private const string MemberHeader =
        "Mã,Họ và tên,Email,Ngày sinh,Mã chi bộ,Mã chi bộ tạm thời,Loại đảng viên,Ngày vào Đảng,Trạng thái,Kỷ luật trong năm,Nghỉ ốm từ 3 tháng,Công chức\n";

    private readonly SqliteTestDatabase database = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kd-cli-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter output = new();
    private ServiceProvider services = null!;
    private StorageOptions storage = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        storage = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = database.ConnectionString };
        services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2022, 11, 20, 2, 0, 0, TimeSpan.Zero)))
            .AddKiemDiemStorage(storage)
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<int> RunAsync(string name, params string[] arguments)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var migrator = provider.GetRequiredService<IDatabaseMigrator>();
        ICliCommand command = name switch
        {
            "import" => new ImportCommand(provider.GetRequiredService<IRosterImporter>(), migrator, storage, output),
            "export-template" => new ExportTemplateCommand(provider.GetRequiredService<IRosterTemplate>(), output),
            _ => new SeedDemoCommand(provider.GetRequiredService<IDemoOrganisationSeeder>(), migrator, storage, output),
        };
        return await command.RunAsync(arguments, CancellationToken.None);
    }

    private string WriteCsvRoster(string memberLine)
    {
        var roster = Path.Combine(folder, "roster");
        Directory.CreateDirectory(roster);
        File.WriteAllText(Path.Combine(roster, "ToChuc.csv"), Header, Encoding.UTF8);
        File.WriteAllText(Path.Combine(roster, "DangVien.csv"), MemberHeader + memberLine + "\n", Encoding.UTF8);
        return roster;
    }

    [Fact]
    public async Task Import_RosterWithBadRow_PrintsSheetLineReasonAndExitsNonZero()
    {
        var roster = WriteCsvRoster("DV01,Nguyễn Văn An,an.nguyen@,19/05/1980,CB01,,Chính thức,02/09/2005,,,,");

        var exitCode = await RunAsync("import", roster);

        Assert.Equal(1, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("DangVien.csv:2: Email «an.nguyen@» không hợp lệ.", lines[0]);
        Assert.Equal("Không nhập dòng nào: có 1 lỗi. Hãy sửa các dòng trên rồi nhập lại.", lines[1]);
    }

    [Fact]
    public async Task Import_CleanRosterTwice_ReportsCreatedThenUnchanged()
    {
        var roster = WriteCsvRoster("DV01,Nguyễn Văn An,an.nguyen@stp.gov.vn,19/05/1980,CB01,,Chính thức,02/09/2005,,,,");

        var first = await RunAsync("import", roster);
        var second = await RunAsync("import", roster);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        var text = output.ToString();
        Assert.Contains("Đảng viên: 1 thêm mới, 0 cập nhật, 0 không đổi.", text, StringComparison.Ordinal);
        Assert.Contains("Đảng viên: 0 thêm mới, 0 cập nhật, 1 không đổi.", text, StringComparison.Ordinal);
        Assert.Contains("Chức vụ: không có bảng ChucVu, giữ nguyên.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportTemplate_ThenImportAsIs_RefusesTheExampleRowsAndImportsNothing()
    {
        var path = Path.Combine(folder, "mau", "danh-sach.xlsx");

        var exported = await RunAsync("export-template", path);
        var imported = await RunAsync("import", path);

        Assert.Equal(0, exported);
        Assert.Equal(1, imported);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("ToChuc:2: Đây là dòng ví dụ của mẫu (mã «VD-CB01» bắt đầu bằng VD-): hãy xóa dòng này rồi nhập lại.", lines[1]);
        Assert.StartsWith("DangVien:2: Đây là dòng ví dụ của mẫu", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("ChucVu:2: Đây là dòng ví dụ của mẫu", lines[3], StringComparison.Ordinal);
        Assert.Equal("Không nhập dòng nào: có 3 lỗi. Hãy sửa các dòng trên rồi nhập lại.", lines[4]);
    }

    [Fact]
    public async Task Import_PathThatDoesNotExist_SaysSoAndExitsWithTheUsageCode()
    {
        var missing = Path.Combine(folder, "khong-co.xlsx");

        var exitCode = await RunAsync("import", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal($"Không tìm thấy tệp hoặc thư mục «{missing}». Hãy kiểm tra lại đường dẫn.", output.ToString().Trim());
    }

    [Fact]
    public async Task Import_WithoutPath_PrintsUsage()
    {
        var exitCode = await RunAsync("import");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Cách dùng: import", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_Twice_CreatesThenLeavesFifteenMembers()
    {
        await RunAsync("seed-demo");

        var exitCode = await RunAsync("seed-demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("Đảng viên: 0 thêm mới, 0 cập nhật, 15 không đổi.", output.ToString(), StringComparison.Ordinal);
    }
}
