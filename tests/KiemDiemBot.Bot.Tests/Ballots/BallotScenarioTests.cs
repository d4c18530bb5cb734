using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static KiemDiemBot.Core.Rules.RankingLevel;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// The issue's whole scenario on the local chat page, everything typed and pressed as people would: Chi bộ Một
/// (12 members: 10 official present, 1 probationary, 1 exempt; base 10, a level needs 6 votes at it or above) and
/// Chi bộ Hai (5 official; base 5, a level needs 3) of one grassroots committee vote, the secretary closes, and
/// the committee adopts. Every count below is written out by hand from the votes cast.
/// </summary>
public abstract class BallotScenarioTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedStorage? storage;

    public async Task InitializeAsync() => storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await storage!.DisposeAsync();

    [Fact]
    public async Task Ballot_LargeCellOpenedCastAndClosed_CountsMatchTheHandCountAndTheStatusCardNamesNobody()
    {
        await using var host = await BallotChatHost.StartAsync(storage!);
        var cell = host.Roster.Large;

        var (meeting, ballot, result) = await RunLargeCellAsync(host);

        Assert.Equal(10, ballot.Base);
        Assert.Equal(10, ballot.EligibleVoters);
        Assert.Equal(11, ballot.Subjects.Count);
        Assert.DoesNotContain(ballot.Subjects, s => s.SubjectId == cell.Exempt!.Id);
        var v = cell.Voters;
        AssertSubject(result, v[0], ExcellentCompletion, (ExcellentCompletion, 6), (GoodCompletion, 4));
        AssertSubject(result, v[1], GoodCompletion, (ExcellentCompletion, 5), (GoodCompletion, 3), (Completion, 2));
        AssertSubject(result, v[2], Completion, (ExcellentCompletion, 2), (GoodCompletion, 3), (Completion, 1), (NonCompletion, 4));
        AssertSubject(result, v[3], ExcellentCompletion, (ExcellentCompletion, 6), (GoodCompletion, 4));
        AssertSubject(result, v[4], ExcellentCompletion, (ExcellentCompletion, 7), (GoodCompletion, 3));
        AssertSubject(result, v[5], GoodCompletion, (GoodCompletion, 9), (NonCompletion, 1));
        foreach (var person in v.Skip(6).Append(cell.Probationary!))
        {
            AssertSubject(result, person, GoodCompletion, (GoodCompletion, 10));
        }
        Assert.False(result.NeedsRevote);

        var status = DirectLineChat.CardText(await meeting.Group.WaitForTextAsync("Đã bỏ phiếu 10/10"));
        Assert.All(cell.Everyone, person => Assert.DoesNotContain(person.FullName, status, StringComparison.Ordinal));
        var card = DirectLineChat.CardText(await meeting.Group.WaitForTextAsync("Kết quả bỏ phiếu xếp loại – " + BallotRoster.LargeCellName));
        // The card's JSON escapes the no-break space after the subject's number.
        Assert.Contains(@"1.\u00A0" + v[0].FullName, card, StringComparison.Ordinal);
        Assert.Contains("HTXSNV 6 · HTTNV 4 · HTNV 0 · KHTNV 0", card, StringComparison.Ordinal);
        Assert.Contains("HTXSNV 2 · HTTNV 3 · HTNV 1 · KHTNV 4", card, StringComparison.Ordinal);
        Assert.Contains("Kết quả: Hoàn thành xuất sắc nhiệm vụ", card, StringComparison.Ordinal);
        Assert.Contains("Kết quả: Hoàn thành nhiệm vụ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ballot_TwoCellsOverTheCap_NoResultRevotedThenApprovalTieRevotedThenAdopted()
    {
        await using var host = await BallotChatHost.StartAsync(storage!);
        var large = host.Roster.Large;
        var small = host.Roster.Small;
        var v = large.Voters;
        var w = small.Voters;
        await RunLargeCellAsync(host);

        // Chi bộ Hai: two vote in chat, three on paper leaving the secretary's line blank. w0 has 2 votes of a base of 5
        // (3 needed): no result. Everyone else has 5 at HTTNV.
        var hai = await WebChatMeeting.StartAsync(host, WebChatMeeting.CellChatName(BallotRoster.SmallCellName), small.Secretary, small.Voters);
        var first = await hai.OpenAsync();
        Assert.Equal(5, first.Base);
        foreach (var voter in w.Take(2))
        {
            await hai.CastAsync(voter, first.BallotId, w.ToDictionary(s => s.Id, _ => GoodCompletion));
        }
        await hai.RecordPaperAsync(3, w.Skip(1).ToDictionary(s => s.Id, _ => (IReadOnlyDictionary<RankingLevel, int>)new Dictionary<RankingLevel, int> { [GoodCompletion] = 3 }));
        var firstCard = await hai.CloseAsync(BallotRoster.SmallCellName);
        var firstResult = await hai.ResultAsync(first.BallotId);
        var noResult = Assert.Single(firstResult.Subjects, s => s.NeedsRevote);
        Assert.Equal(w[0].Id, noResult.SubjectId);
        Assert.Null(noResult.Level);
        Assert.Equal(2, noResult.Votes.GetValueOrDefault(GoodCompletion));
        Assert.All(firstResult.Subjects.Where(s => s.SubjectId != w[0].Id), s => Assert.Equal((GoodCompletion, 5), (s.Level!.Value, s.Votes[GoodCompletion])));
        Assert.Contains("Chưa có kết quả — bỏ phiếu lại", DirectLineChat.CardText(firstCard), StringComparison.Ordinal);

        // The re-vote lists w0 only; all five vote in chat: 3 HTXSNV, 2 HTTNV.
        var revote = await hai.RevoteAsync(firstCard, first.BallotId);
        Assert.Equal(2, revote.Round);
        Assert.Equal([w[0].Id], revote.Subjects.Select(s => s.SubjectId));
        for (var i = 0; i < 5; i++)
        {
            await hai.CastAsync(w[i], revote.BallotId, new Dictionary<Guid, RankingLevel> { [w[0].Id] = i < 3 ? ExcellentCompletion : GoodCompletion });
        }
        await hai.CloseAsync(BallotRoster.SmallCellName);
        AssertSubject(await hai.ResultAsync(revote.BallotId), w[0], ExcellentCompletion, (ExcellentCompletion, 3), (GoodCompletion, 2));

        // Across the committee: HTXSNV v0, v3, v4, w0 (E = 4) beside HTTNV v1, v5-v9, the probationary member and
        // w1-w4 (G = 11): 5 × 4 = 20 > 11. Of the 15 at HTTNV or better at most m stay with 5m ≤ 15 − m: 2 seats.
        var executive = host.Roster.Executive;
        var committee = await WebChatMeeting.StartAsync(host, "Ban Chấp hành – họp xếp loại", host.Roster.Secretary, executive);
        await committee.Group.SayAsync(host.Roster.Secretary, "thông qua kết quả");
        var check = await committee.Group.WaitForTextAsync("4 Hoàn thành xuất sắc nhiệm vụ bên cạnh 11 Hoàn thành tốt nhiệm vụ (4 × 5 = 20 lớn hơn 11)");
        var decisions = await host.InScopeAsync(async s => await s.GetRequiredService<IRankingDecisionService>().CheckAsync(first.CycleId, host.Roster.Id, CancellationToken.None));
        Assert.Equal(2, decisions.ApprovalSeats);
        Assert.Equal(new[] { v[0].Id, v[3].Id, v[4].Id, w[0].Id }.Order(), decisions.ApprovalCandidates.Order());

        // The approval ballot among the executive (base 3: kept with 2 agree or more): v0 3, v3 2, v4 2, w0 0.
        // v0 takes a seat; v3 and v4 tie at the cut for the other.
        await committee.Group.PressAsync(host.Roster.Secretary, check, DirectLineChat.SubmitWithVerb(check, Cards.CardVerbs.OpenApprovalBallot));
        await committee.Group.WaitForTextAsync("Đã bỏ phiếu 0/3");
        var approval = await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().FindOpenAsync(committee.Conversation, CancellationToken.None));
        Assert.NotNull(approval);
        Assert.Equal(BallotKind.ExcellenceApproval, approval.Kind);
        Assert.Equal(2, approval.Seats);
        Assert.Equal(3, approval.Base);
        var agree = new Dictionary<BallotPerson, Guid[]>
        {
            [executive[0]] = [v[0].Id, v[3].Id, v[4].Id],
            [executive[1]] = [v[0].Id, v[3].Id],
            [executive[2]] = [v[0].Id, v[4].Id],
        };
        foreach (var (voter, agreed) in agree)
        {
            await committee.CastApprovalAsync(voter, approval.BallotId, approval.Subjects.ToDictionary(s => s.SubjectId, s => agreed.Contains(s.SubjectId)));
        }
        var tieCard = await committee.CloseAsync(host.Roster.Name);
        var tie = await committee.ResultAsync(approval.BallotId);
        Assert.Equal([3, 2, 2, 0], new[] { v[0], v[3], v[4], w[0] }.Select(p => tie.Subjects.Single(s => s.SubjectId == p.Id).Agree));
        Assert.Equal(new[] { v[3].Id, v[4].Id }.Order(), tie.Subjects.Where(s => s.NeedsRevote).Select(s => s.SubjectId).Order());

        // The re-vote among the tied for the last seat: v3 3, v4 1.
        var second = await committee.RevoteAsync(tieCard, approval.BallotId);
        Assert.Equal(new[] { v[3].Id, v[4].Id }.Order(), second.Subjects.Select(s => s.SubjectId).Order());
        foreach (var voter in executive)
        {
            await committee.CastApprovalAsync(voter, second.BallotId, new Dictionary<Guid, bool> { [v[3].Id] = true, [v[4].Id] = voter == executive[0] });
        }
        await committee.CloseAsync(host.Roster.Name);
        var decided = await committee.ResultAsync(second.BallotId);
        Assert.Equal([3, 1], new[] { v[3], v[4] }.Select(p => decided.Subjects.Single(s => s.SubjectId == p.Id).Agree));

        // Adopted: v0 and v3 HTXSNV (E = 2); v4 and w0 drop to HTTNV (G = 13): 5 × 2 = 10 ≤ 13.
        await committee.Group.SayAsync(host.Roster.Secretary, "thông qua kết quả");
        await committee.Group.WaitForTextAsync("Đã thông qua");
        var rankings = (await host.InScopeAsync(s => s.GetRequiredService<IRankingDecisionService>().ListAsync(first.CycleId, host.Roster.Id, CancellationToken.None)))
            .ToDictionary(r => r.SubjectId, r => r.Level);
        Assert.Equal(16, rankings.Count);
        Assert.Equal([ExcellentCompletion, ExcellentCompletion], new[] { v[0], v[3] }.Select(p => rankings[p.Id]));
        Assert.Equal([GoodCompletion, GoodCompletion, GoodCompletion], new[] { v[4], w[0], v[1] }.Select(p => rankings[p.Id]));
        Assert.Equal(Completion, rankings[v[2].Id]);
        Assert.Equal(2, rankings.Values.Count(l => l == ExcellentCompletion));
        Assert.Equal(13, rankings.Values.Count(l => l == GoodCompletion));
        Assert.Equal(1, rankings.Values.Count(l => l == Completion));
    }

    /// <summary>
    /// Chi bộ Một votes, all ten in chat, as written out here: v0 6 HTXSNV 4 HTTNV; v1 5 HTXSNV 3 HTTNV 2 HTNV (5 at the
    /// top is not more than half: HTTNV with 8); v2 2/3/1/4 (HTNV with 6); v3 6 HTXSNV; v4 7 HTXSNV; v5 9 HTTNV and one
    /// KHTNV, from v4 alone; everyone else, the probationary member included, 10 HTTNV.
    /// </summary>
    /// <param name="beforeClose">Runs once everyone has cast, before "đóng phiếu".</param>
    internal static async Task<(WebChatMeeting Meeting, BallotView Ballot, BallotResult Result)> RunLargeCellAsync(BallotChatHost host, Func<BallotView, Task>? beforeClose = null)
    {
        var cell = host.Roster.Large;
        var v = cell.Voters;
        var meeting = await WebChatMeeting.StartAsync(host, WebChatMeeting.CellChatName(BallotRoster.LargeCellName), cell.Secretary, cell.Everyone);
        var ballot = await meeting.OpenAsync();
        for (var i = 0; i < v.Count; i++)
        {
            await meeting.CastAsync(v[i], ballot.BallotId, LargeCellBallot(cell, i));
        }
        if (beforeClose is not null)
        {
            await beforeClose(ballot);
        }
        await meeting.CloseAsync(BallotRoster.LargeCellName);
        return (meeting, ballot, await meeting.ResultAsync(ballot.BallotId));
    }

    /// <summary>Voter <paramref name="i"/>'s ballot in Chi bộ Một (see <see cref="RunLargeCellAsync"/>).</summary>
    internal static Dictionary<Guid, RankingLevel> LargeCellBallot(BallotCell cell, int i)
    {
        var v = cell.Voters;
        var ballot = v.Append(cell.Probationary!).ToDictionary(s => s.Id, _ => GoodCompletion);
        ballot[v[0].Id] = i < 6 ? ExcellentCompletion : GoodCompletion;
        ballot[v[1].Id] = i < 5 ? ExcellentCompletion : i < 8 ? GoodCompletion : Completion;
        ballot[v[2].Id] = i < 2 ? ExcellentCompletion : i < 5 ? GoodCompletion : i < 6 ? Completion : NonCompletion;
        ballot[v[3].Id] = i < 6 ? ExcellentCompletion : GoodCompletion;
        ballot[v[4].Id] = i < 7 ? ExcellentCompletion : GoodCompletion;
        ballot[v[5].Id] = i == 4 ? NonCompletion : GoodCompletion;
        return ballot;
    }

    private static void AssertSubject(BallotResult result, BallotPerson subject, RankingLevel level, params (RankingLevel Level, int Votes)[] votes)
    {
        var counted = Assert.Single(result.Subjects, s => s.SubjectId == subject.Id);
        Assert.Equal(level, counted.Level);
        foreach (var each in RankingLevels.TopDown)
        {
            var expected = votes.Where(x => x.Level == each).Sum(x => x.Votes);
            Assert.True(expected == counted.Votes.GetValueOrDefault(each), $"{subject.FullName}, {each}: expected {expected}, counted {counted.Votes.GetValueOrDefault(each)}");
        }
    }
}

public sealed class SqliteBallotScenarioTests() : BallotScenarioTests(StorageProvider.Sqlite);

public sealed class PostgresBallotScenarioTests() : BallotScenarioTests(StorageProvider.PostgreSQL);
