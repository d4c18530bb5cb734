using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Rankings;

/// <summary>
/// Adoption by the deciding body on both providers. The cap case, counted by hand: cell A ranks 3 of its 8 members
/// HTXSNV and 5 HTTNV, cell B 2 of 6 HTXSNV and 4 HTTNV; across the grassroots committee E = 5 HTXSNV beside
/// G = 9 HTTNV, and 5·E = 25 > 9 breaks the 20% cap. Of the 14 at HTTNV or better at most m may stay HTXSNV with
/// 5·m ≤ 14 − m, i.e. m ≤ 14/6: 2 seats (5·2 = 10 ≤ 12 holds, 5·3 = 15 ≤ 11 does not).
/// </summary>
public abstract class RankingDecisionServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private DecisionHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await DecisionHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Guid Cycle => harness.CycleId;

    [Fact]
    public async Task CheckAsync_CapExceededAcrossTwoCells_BlocksWithTheNumbersAndTheCandidates()
    {
        await harness.AddTwoCellsOverTheCapAsync();

        var check = await harness.DecisionsAsync(d => d.CheckAsync(Cycle, harness.CellAId, CancellationToken.None));

        Assert.Equal(harness.CommitteeId, check.DecidingBodyId);
        Assert.Equal("Đảng bộ Thử nghiệm", check.DecidingBodyName);
        Assert.Equal(2, check.Pending.Count);
        Assert.False(check.CanAdopt);
        Assert.True(check.NeedsApprovalBallot);
        Assert.Equal(2, check.ApprovalSeats);
        Assert.Equal(new[] { "A1", "A2", "A3", "B1", "B2" }.Select(c => harness[c]).Order(), check.ApprovalCandidates.Order());
        Assert.Contains(check.Blockers, b => b.Contains("5 Hoàn thành xuất sắc nhiệm vụ bên cạnh 9 Hoàn thành tốt nhiệm vụ (5 × 5 = 25 lớn hơn 9)", StringComparison.Ordinal)
            && b.Contains("tối đa 2", StringComparison.Ordinal));
        Assert.Contains(check.Blockers, b => b.Contains("Đảng viên A1, Đảng viên A2, Đảng viên A3, Đảng viên B1, Đảng viên B2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdoptAsync_CapExceeded_IsRefusedWithTheCapLineAndWritesNothing()
    {
        await harness.AddTwoCellsOverTheCapAsync();

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None)));

        Assert.Contains("5 × 5 = 25 lớn hơn 9", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CommitteeId, CancellationToken.None)));
    }

    [Fact]
    public async Task OpenApprovalBallotAsync_CapExceeded_OpensForTheCommitteeMembersWithTheSeats()
    {
        await harness.AddTwoCellsOverTheCapAsync();

        var opened = await harness.DecisionsAsync(d => d.OpenApprovalBallotAsync(Cycle, harness.CommitteeId, harness["B1"], DecisionHarness.Chat, CancellationToken.None));

        Assert.Equal(BallotKind.ExcellenceApproval, opened.Ballot.Kind);
        Assert.Equal(harness.CommitteeId, opened.Ballot.BodyId);
        Assert.Equal(2, opened.Ballot.Seats);
        Assert.Equal(4, opened.Ballot.Base);
        Assert.Equal(new[] { "A1", "A3", "B1", "B2" }.Select(c => harness[c]).Order(), opened.VoterIds.Order());
        Assert.Equal(5, opened.Ballot.Subjects.Count);
        Assert.All(opened.Ballot.Subjects, s => Assert.Empty(s.AllowedLevels));
        Assert.Equal(opened.VoterIds.Order(), (await harness.VotersAsync(opened.Ballot.BallotId)).Order());
        var check = await harness.DecisionsAsync(d => d.CheckAsync(Cycle, harness.CommitteeId, CancellationToken.None));
        Assert.Contains("Phiếu ở Đảng bộ Thử nghiệm đang mở: cần đóng phiếu trước khi thông qua.", check.Blockers);
        Assert.False(check.NeedsApprovalBallot);
    }

    [Fact]
    public async Task OpenApprovalBallotAsync_CapHolds_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId,
        [
            ("B1", RankingLevel.ExcellentCompletion), ("B2", RankingLevel.GoodCompletion), ("B3", RankingLevel.GoodCompletion),
            ("B4", RankingLevel.GoodCompletion), ("B5", RankingLevel.GoodCompletion), ("B6", RankingLevel.GoodCompletion),
        ]);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.OpenApprovalBallotAsync(Cycle, harness.CommitteeId, harness["A1"], DecisionHarness.Chat, CancellationToken.None)));

        Assert.Contains("đã bảo đảm", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdoptAsync_ApprovalTieAtTheCutThenRevote_AdoptsTheDroppedNamesAtGood()
    {
        await harness.AddTwoCellsOverTheCapAsync();
        var opened = await harness.DecisionsAsync(d => d.OpenApprovalBallotAsync(Cycle, harness.CommitteeId, harness["A1"], DecisionHarness.Chat, CancellationToken.None));
        // Round 1, base 4 (a name is kept only with 3 or more agree): A1 4, A2 3, A3 3, B1 3, B2 1. A1 takes one seat;
        // A2, A3 and B1 tie at the cut for the other; B2 drops.
        await harness.CastApprovalsAsync(opened.Ballot,
            [("A1", "A1 A2 A3 B1 B2"), ("A3", "A1 A2 A3 B1"), ("B1", "A1 A2 A3 B1"), ("B2", "A1")]);
        var first = await harness.CloseAsync(opened.Ballot.BallotId);
        Assert.Equal(["Đảng viên A2", "Đảng viên A3", "Đảng viên B1"], first.Subjects.Where(s => s.NeedsRevote).Select(s => s.Name).Order());

        var tied = await harness.DecisionsAsync(d => d.CheckAsync(Cycle, harness.CommitteeId, CancellationToken.None));
        Assert.False(tied.CanAdopt);
        Assert.False(tied.NeedsApprovalBallot);
        Assert.Contains(tied.Blockers, b => b.Contains("Đảng viên A2, Đảng viên A3, Đảng viên B1 bằng phiếu", StringComparison.Ordinal));

        // Round 2 among the tied for the one seat left: A3 4, A2 2, B1 2 (only A3 has more than half of 4).
        var revote = await harness.RevoteAsync(opened.Ballot.BallotId);
        Assert.Equal(1, revote.Seats);
        await harness.CastApprovalsAsync(revote, [("A1", "A3 B1"), ("A3", "A2 A3"), ("B1", "A3 B1"), ("B2", "A2 A3")]);
        await harness.CloseAsync(revote.BallotId);
        var resolved = await harness.DecisionsAsync(d => d.CheckAsync(Cycle, harness.CommitteeId, CancellationToken.None));
        Assert.Empty(resolved.Blockers);
        Assert.True(resolved.CanAdopt);

        var adopted = await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        // Now E = 2 (A1, A3) beside G = 12: 5·2 = 10 ≤ 12.
        var levels = adopted.Rankings.ToDictionary(r => r.SubjectId, r => r.Level);
        Assert.Equal(14, levels.Count);
        Assert.Equal(RankingLevel.ExcellentCompletion, levels[harness["A1"]]);
        Assert.Equal(RankingLevel.ExcellentCompletion, levels[harness["A3"]]);
        foreach (var dropped in new[] { "A2", "B1", "B2" })
        {
            Assert.Equal(RankingLevel.GoodCompletion, levels[harness[dropped]]);
        }
        Assert.Equal(12, levels.Values.Count(l => l == RankingLevel.GoodCompletion));
        var listed = await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CommitteeId, CancellationToken.None));
        Assert.Equal(["Chi bộ A", "Chi bộ B"], listed.Select(r => r.CellName).Distinct());
        Assert.All(listed, r => Assert.Equal(harness.CommitteeId, r.DecidedByBodyId));
        Assert.NotNull((await harness.BallotAsync(opened.Ballot.BallotId)).AdoptedAt);
        Assert.NotNull((await harness.BallotAsync(revote.BallotId)).AdoptedAt);
        var after = await harness.DecisionsAsync(d => d.CheckAsync(Cycle, harness.CommitteeId, CancellationToken.None));
        Assert.Empty(after.Pending);
        Assert.False(after.CanAdopt);
    }

    [Fact]
    public async Task AdoptAsync_Adopted_AuditsEachRankingWithTheApprovalDrop()
    {
        await harness.AddTwoCellsOverTheCapAsync();
        var opened = await harness.DecisionsAsync(d => d.OpenApprovalBallotAsync(Cycle, harness.CommitteeId, harness["A1"], DecisionHarness.Chat, CancellationToken.None));
        // A1 4 and A3 3 agree keep the two seats; A2, B1 and B2 have 2 or fewer of 4.
        await harness.CastApprovalsAsync(opened.Ballot, [("A1", "A1 A3"), ("A3", "A1 A3 B1"), ("B1", "A1 A3 A2"), ("B2", "A1 B2")]);
        await harness.CloseAsync(opened.Ballot.BallotId);

        var adopted = await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        var b1 = adopted.Rankings.Single(r => r.SubjectId == harness["B1"]);
        Assert.Equal(1, b1.Revision);
        var rankingId = await RankingIdOfAsync(b1);
        var entries = await harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Ranking, rankingId, CancellationToken.None));
        var entry = Assert.Single(entries);
        Assert.Equal(AuditFields.RankingAdopted, entry.Field);
        Assert.Null(entry.From);
        Assert.Equal(nameof(RankingLevel.GoodCompletion), entry.To);
        Assert.Equal(harness["A1"].ToString(), entry.Actor);
        Assert.Contains("Không được giữ", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(harness.CommitteeId, entry.OrganisationId);
    }

    [Fact]
    public async Task AdoptAsync_ThirdTieDropsTheTied_AdoptsThemAtGood()
    {
        await harness.AddTwoCellsOverTheCapAsync();
        var first = await harness.DecisionsAsync(d => d.OpenApprovalBallotAsync(Cycle, harness.CommitteeId, harness["A1"], DecisionHarness.Chat, CancellationToken.None));
        await harness.CastApprovalsAsync(first.Ballot, [("A1", "A1 A2 A3 B1 B2"), ("A3", "A1 A2 A3 B1"), ("B1", "A1 A2 A3 B1"), ("B2", "A1")]);
        await harness.CloseAsync(first.Ballot.BallotId);
        // Rounds 2 and 3: A2, A3 and B1 each 3 of 4 for the one seat left. The third round's tie drops them all.
        var second = await harness.RevoteAsync(first.Ballot.BallotId);
        await harness.CastApprovalsAsync(second, [("A1", "A2 A3 B1"), ("A3", "A2 A3 B1"), ("B1", "A2 A3 B1"), ("B2", "")]);
        var secondResult = await harness.CloseAsync(second.BallotId);
        Assert.True(secondResult.NeedsRevote);
        var third = await harness.RevoteAsync(second.BallotId, "B1");
        Assert.Equal(3, third.Round);
        await harness.CastApprovalsAsync(third, [("A1", "A2 A3 B1"), ("A3", "A2 A3 B1"), ("B1", "A2 A3 B1"), ("B2", "")]);
        var thirdResult = await harness.CloseAsync(third.BallotId, "B1");
        Assert.False(thirdResult.NeedsRevote);

        var adopted = await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["B1"], CancellationToken.None));

        var excellent = adopted.Rankings.Where(r => r.Level == RankingLevel.ExcellentCompletion).Select(r => r.SubjectId);
        Assert.Equal([harness["A1"]], excellent);
        Assert.Equal(13, adopted.Rankings.Count(r => r.Level == RankingLevel.GoodCompletion));
    }

    [Fact]
    public async Task AdoptAsync_SubjectWithoutResult_IsRefusedNamingIt()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId,
        [
            ("B1", RankingLevel.GoodCompletion), ("B2", null), ("B3", RankingLevel.GoodCompletion),
            ("B4", RankingLevel.GoodCompletion), ("B5", RankingLevel.Completion), ("B6", RankingLevel.GoodCompletion),
        ]);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None)));

        Assert.Equal("Đảng viên B2 (Chi bộ B): chưa có kết quả, cần bỏ phiếu lại.", refused.Message);
    }

    [Fact]
    public async Task AdoptAsync_RevoteCountedTheFlaggedSubject_AdoptsItsLevel()
    {
        var first = await harness.AddClosedRankingBallotAsync(harness.CellBId,
        [
            ("B1", RankingLevel.GoodCompletion), ("B2", null), ("B3", RankingLevel.GoodCompletion),
            ("B4", RankingLevel.GoodCompletion), ("B5", RankingLevel.Completion), ("B6", RankingLevel.GoodCompletion),
        ]);
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B2", RankingLevel.Completion)], round: 2, previous: first);

        var adopted = await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        Assert.Equal(6, adopted.Rankings.Count);
        Assert.Equal(RankingLevel.Completion, adopted.Rankings.Single(r => r.SubjectId == harness["B2"]).Level);
    }

    [Fact]
    public async Task AdoptAsync_BallotStillOpen_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B1", RankingLevel.GoodCompletion)]);
        await harness.AddOpenRankingBallotAsync(harness.CellAId, "A1", "A2");

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None)));

        Assert.Equal("Phiếu ở Chi bộ A đang mở: cần đóng phiếu trước khi thông qua.", refused.Message);
    }

    [Fact]
    public async Task AdoptAsync_ByAMember_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B1", RankingLevel.GoodCompletion)]);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["B5"], CancellationToken.None)));

        Assert.Equal("Chỉ Bí thư hoặc Phó Bí thư của Đảng bộ Thử nghiệm được làm việc này.", refused.Message);
        Assert.Empty(await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CommitteeId, CancellationToken.None)));
    }

    [Fact]
    public async Task AdoptAsync_ByTheCellSecretary_SaysTheCommitteeDecides()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellAId, [("A4", RankingLevel.GoodCompletion)]);

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CellAId, harness["A2"], CancellationToken.None)));

        Assert.Equal("Kết quả bỏ phiếu của Chi bộ A là đề xuất: Đảng bộ Thử nghiệm xem xét, bỏ phiếu quyết định và thông qua.", refused.Message);
    }

    [Fact]
    public async Task AdoptAsync_ByAnotherBodysSecretary_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellAId, [("A4", RankingLevel.GoodCompletion)]);

        await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["O1"], CancellationToken.None)));
        var refusedAtHome = await Assert.ThrowsAsync<BallotRefusedException>(() =>
            harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CellOId, harness["A1"], CancellationToken.None)));

        Assert.Contains("Chi bộ cơ sở O", refusedAtHome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdoptAsync_GrassrootsCell_DecidesItself()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellOId,
            [("O1", RankingLevel.GoodCompletion), ("O2", RankingLevel.Completion), ("O3", RankingLevel.NonCompletion)]);

        var adopted = await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CellOId, harness["O1"], CancellationToken.None));

        Assert.Equal(3, adopted.Rankings.Count);
        Assert.All(adopted.Rankings, r => Assert.Equal(harness.CellOId, r.DecidedByBodyId));
        Assert.Empty(await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CommitteeId, CancellationToken.None)));
    }

    [Fact]
    public async Task ReRankAsync_WithReason_IsAuditedFromAndToWithTheReason()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B3", RankingLevel.GoodCompletion), ("B4", RankingLevel.GoodCompletion)]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        var reRanked = await harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B3"], RankingLevel.Completion, "  Phát hiện vi phạm sau khi xếp loại.  ", harness["B1"], CancellationToken.None));

        Assert.Equal(RankingLevel.Completion, reRanked.Level);
        Assert.Equal(2, reRanked.Revision);
        Assert.Equal("Phát hiện vi phạm sau khi xếp loại.", reRanked.Reason);
        Assert.Null(reRanked.BallotId);
        var rankingId = await RankingIdOfAsync(reRanked);
        var entries = await harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Ranking, rankingId, CancellationToken.None));
        Assert.Equal([AuditFields.RankingAdopted, AuditFields.RankingReRanked], entries.Select(e => e.Field));
        var change = entries[1];
        Assert.Equal(nameof(RankingLevel.GoodCompletion), change.From);
        Assert.Equal(nameof(RankingLevel.Completion), change.To);
        Assert.Equal("Phát hiện vi phạm sau khi xếp loại.", change.Reason);
        Assert.Equal(harness["B1"].ToString(), change.Actor);
    }

    [Fact]
    public async Task ReRankAsync_WithoutReason_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B3", RankingLevel.GoodCompletion)]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B3"], RankingLevel.Completion, "   ", harness["A1"], CancellationToken.None)));

        Assert.Equal("Cần ghi lý do xếp loại lại.", refused.Message);
    }

    [Fact]
    public async Task ReRankAsync_AboveTheMembersCap_IsRefusedWithTheCapReason()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B3", RankingLevel.Completion)]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));
        await harness.DisciplineAsync("B3");

        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B3"], RankingLevel.GoodCompletion, "Xem xét lại.", harness["A1"], CancellationToken.None)));

        Assert.StartsWith("Đảng viên B3 không thể xếp mức Hoàn thành tốt nhiệm vụ:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReRankAsync_ToExcellentBreakingTheCap_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId,
        [
            ("B1", RankingLevel.ExcellentCompletion), ("B2", RankingLevel.GoodCompletion), ("B3", RankingLevel.GoodCompletion),
            ("B4", RankingLevel.GoodCompletion), ("B5", RankingLevel.GoodCompletion), ("B6", RankingLevel.GoodCompletion),
        ]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        // B2 up as well: E = 2 beside G = 4, 5·2 = 10 > 4.
        var refused = await Assert.ThrowsAsync<BallotRefusedException>(() => harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B2"], RankingLevel.ExcellentCompletion, "Thành tích đột xuất.", harness["A1"], CancellationToken.None)));

        Assert.Contains("2 × 5 = 10 lớn hơn 4", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReRankAsync_ByAnotherBodysSecretary_IsRefused()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B3", RankingLevel.GoodCompletion)]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        await Assert.ThrowsAsync<BallotRefusedException>(() => harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B3"], RankingLevel.Completion, "Lý do.", harness["O1"], CancellationToken.None)));
        await Assert.ThrowsAsync<BallotRefusedException>(() => harness.DecisionsAsync(d => d.ReRankAsync(
            Cycle, harness["B3"], RankingLevel.Completion, "Lý do.", harness["A2"], CancellationToken.None)));

        var kept = await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CellBId, CancellationToken.None));
        Assert.Equal(RankingLevel.GoodCompletion, Assert.Single(kept).Level);
    }

    [Fact]
    public async Task ListAsync_UnderACell_ListsOnlyItsMembers()
    {
        await harness.AddClosedRankingBallotAsync(harness.CellAId, [("A4", RankingLevel.GoodCompletion), ("A5", RankingLevel.Completion)]);
        await harness.AddClosedRankingBallotAsync(harness.CellBId, [("B3", RankingLevel.GoodCompletion)]);
        await harness.DecisionsAsync(d => d.AdoptAsync(Cycle, harness.CommitteeId, harness["A1"], CancellationToken.None));

        var listed = await harness.DecisionsAsync(d => d.ListAsync(Cycle, harness.CellAId, CancellationToken.None));

        Assert.Equal(["Đảng viên A4", "Đảng viên A5"], listed.Select(r => r.SubjectName));
        Assert.All(listed, r => Assert.Equal(harness.CellAId, r.CellId));
    }

    private Task<Guid> RankingIdOfAsync(RankingView view) =>
        harness.InScope(sp => sp.GetRequiredService<KiemDiemDbContext>().RankingDecisions
            .Single(r => r.CycleId == view.CycleId && r.SubjectId == view.SubjectId).Id);
}

public sealed class SqliteRankingDecisionServiceTests() : RankingDecisionServiceTests(StorageProvider.Sqlite);

public sealed class PostgresRankingDecisionServiceTests() : RankingDecisionServiceTests(StorageProvider.PostgreSQL);
