using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Files;

/// <summary>
/// What the file tests share: the export dialog registered beside the test dialogs, the upload session faked at
/// HTTP behind the uploader's own client, fixed jitter, and a clock that reports each wait (so a test moves time
/// only once an upload's backoff has begun). Upload backoff starts at 3 s so it is told apart from the
/// dispatcher's 1-second poll.
/// </summary>
internal sealed class FileTestHost
{
    public static readonly TimeSpan FirstUploadBackoff = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan SecondUploadBackoff = TimeSpan.FromSeconds(6);

    public FileTestHost()
    {
        Time = new RecordingTimeProvider(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(BotApplicationFactory.Start);

    public RecordingTimeProvider Time { get; }

    public FakeUploadServer Upload { get; } = new();

    public TestHostSettings Settings => new()
    {
        Clock = Clock,
        Settings = new Dictionary<string, string>
        {
            ["Bot:FileUploadRetry:BaseDelay"] = "00:00:03",
            ["Bot:FileUploadRetry:MaxDelay"] = "00:00:06",
        },
        Services = services =>
        {
            services.AddScoped<IDialog, ExportSelfReviewDialog>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IRetryJitter>();
            services.AddSingleton<IRetryJitter>(new FixedRetryJitter());
            services.AddHttpClient(FileUploader.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Upload);
        },
    };

    /// <summary>
    /// Puts the person on the roster (the demo organisation, seeded with its open cycle, then the person in its
    /// office cell) and has them write part of their self-review, saved as a member's turn would save it.
    /// </summary>
    public static async Task<SelfReviewView> MemberWithReviewAsync(IServiceProvider services, string email, string fullName, Guid? objectId)
    {
        var member = await EnrolAsync(services, email, fullName, objectId);
        var cycle = await OpenCycleAsync(services);
        var opened = await InScopeAsync(services, sp => sp.GetRequiredService<ISelfReviewService>().OpenAsync(member.MemberId, cycle.Id, CancellationToken.None));
        var answers = opened.Answers with
        {
            Strengths = opened.Case.StrengthItems.ToDictionary(item => item, item => new GradedAnswer("Hoàn thành mục " + (int)item, CriterionGrade.Good)),
            Shortcomings = ShortcomingsAnswer,
        };
        return await InScopeAsync(services, sp => sp.GetRequiredService<ISelfReviewService>()
            .SaveAsync(opened.ReviewId, opened.Version, answers, member.MemberId, CancellationToken.None));
    }

    /// <summary>The answer to section II every test review has, to find in the .docx.</summary>
    public const string ShortcomingsAnswer = "Có lúc chưa sâu sát cơ sở.";

    public static async Task<TurnMember> EnrolAsync(IServiceProvider services, string email, string fullName, Guid? objectId)
    {
        await TestRoster.EnrolAsync(services, email, fullName, objectId);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITurnMemberDirectory>().FindByEmailAsync(email, CancellationToken.None)
            ?? throw new InvalidOperationException("The member was just enrolled.");
    }

    /// <summary>The cycle the demo organisation opened when it was seeded.</summary>
    public static async Task<ReviewCycleView> OpenCycleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("The demo organisation opens a cycle when it is seeded.");
    }

    /// <summary>Runs one unit of work and commits it, as a turn does.</summary>
    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Waits until the code under test has begun waiting <paramref name="backoff"/>, then lets that time pass.</summary>
    public async Task PassBackoffAsync(TimeSpan backoff)
    {
        while (await Time.NextDelayAsync(TimeSpan.FromSeconds(15)) != backoff)
        {
        }
        Time.Advance(backoff);
    }
}
