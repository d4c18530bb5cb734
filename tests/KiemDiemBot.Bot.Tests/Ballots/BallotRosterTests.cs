using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>The ballot scenario's roster, as its secretary sees it through the local chat page.</summary>
public sealed class BallotRosterTests : IAsyncLifetime
{
    private MigratedStorage? storage;

    public async Task InitializeAsync() => storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await storage!.DisposeAsync();

    [Fact]
    public async Task Progress_SecretaryOfTheLargeCell_ListsItsTwelveMembersWithTheExemptOneNotReviewed()
    {
        await using var host = await BallotChatHost.StartAsync(storage!);
        var cell = host.Roster.Large;
        var chat = await host.PersonalChatAsync(cell.Secretary);

        await chat.SayAsync(cell.Secretary, "tiến độ");

        var card = DirectLineChat.CardText(await chat.WaitForTextAsync("Tiến độ kiểm điểm"));
        Assert.Contains(BallotRoster.LargeCellName, card, StringComparison.Ordinal);
        Assert.Equal(12, cell.Everyone.Count);
        Assert.All(cell.Everyone, person => Assert.Contains(person.FullName, card, StringComparison.Ordinal));
        Assert.Contains(cell.Exempt!.FullName + "** · Không kiểm điểm", card, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Roster.Small.Secretary.FullName, card, StringComparison.Ordinal);
    }
}
