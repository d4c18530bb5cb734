using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;

namespace KiemDiemBot.Core.Tests.Reviews;

/// <summary>The self-review use cases on both providers, on the demo organisation.</summary>
public abstract class SelfReviewServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task SaveAsync_CompleteAnswers_AreStoredAsTheNextVersion()
    {
        var memberId = await harness.MemberIdAsync("phuc.mai@" + DemoOrganisation.EmailDomain);
        var opened = await harness.OpenAsync(memberId);

        var saved = await harness.SaveAsync(opened, ReviewHarness.Complete(opened));

        Assert.Equal(opened.Version + 1, saved.Version);
        var found = await harness.ReviewsAsync(s => s.GetAsync(opened.ReviewId, CancellationToken.None));
        Assert.Equal(saved.Version, found!.Version);
        Assert.Equal("Tăng cường kiểm tra, đôn đốc.", found.Answers.Measures);
        Assert.Equal(CriterionGrade.Good, found.Answers.Strengths[StrengthItem.Duties].Grade);
        Assert.Empty(await harness.ReviewsAsync(s => Task.FromResult(s.MissingSections(found))));
    }
}

public sealed class SqliteSelfReviewServiceTests() : SelfReviewServiceTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewServiceTests() : SelfReviewServiceTests(StorageProvider.PostgreSQL);
