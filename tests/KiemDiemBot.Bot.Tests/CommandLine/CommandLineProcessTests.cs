using KiemDiemBot.Bot.CommandLine;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.CommandLine;

/// <summary>The command line as a secretary meets it: the real host process, its output and exit code.</summary>
public sealed class CommandLineProcessTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_AnySpelling_ListsEveryCommandInVietnameseAndExitsZero(string spelling)
    {
        var (exitCode, output, error) = await HostProcess.RunAsync(spelling);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Cách dùng: dotnet run --project bot/KiemDiemBot.Bot -- <lệnh>", output, StringComparison.Ordinal);
        Assert.Contains("Các lệnh:", output, StringComparison.Ordinal);
        Assert.Contains("Mã thoát: 0 thành công", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.All(RegisteredCommandNames(), name => Assert.Contains(lines, line => line.Split(' ', ',')[0] == name));
    }

    [Fact]
    public async Task Import_MissingFile_OneVietnameseLineAndExitCode2WithoutAStackTrace()
    {
        var (exitCode, output, error) = await HostProcess.RunAsync("import", "khong-co-tep-nay.xlsx");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Không tìm thấy tệp hoặc thư mục «", line, StringComparison.Ordinal);
        Assert.EndsWith("khong-co-tep-nay.xlsx». Hãy kiểm tra lại đường dẫn.", line, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task UnknownCommand_SaysSoInVietnameseAndExitsWithTheUsageCode()
    {
        var (exitCode, _, error) = await HostProcess.RunAsync("nhap");

        Assert.Equal(2, exitCode);
        Assert.Equal("Không có lệnh «nhap». Gõ help để xem các lệnh.", error.Trim());
    }

    /// <summary>The names of the commands the host registers, so a new command without help fails here.</summary>
    private static List<string> RegisteredCommandNames()
    {
        var storage = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=:memory:" };
        using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new KiemDiemBot.Bot.Configuration.BotOptions())
            .AddKiemDiemStorage(storage)
            .AddSingleton(new KiemDiemBot.Scheduler.JobStorageSchema(storage))
            .AddCommandLine()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        return [.. scope.ServiceProvider.GetServices<ICliCommand>().Select(c => c.Name)];
    }
}
