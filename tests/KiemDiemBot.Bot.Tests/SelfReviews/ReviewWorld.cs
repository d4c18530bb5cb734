using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>The demo organisation as a test reads it through Core's public services: members, the open cycle, their reviews.</summary>
public sealed class ReviewWorld(LocalReviewHost host)
{
    /// <summary>A demo member's personal chat, opened (greeted) and ready for commands.</summary>
    public async Task<ReviewSession> OpenAsync(string email)
    {
        var member = await MemberAsync(email);
        var session = new ReviewSession(host, new LocalChat(email, member.FullName));
        await session.OpenAsync();
        return session;
    }

    /// <summary>A group chat the demo member writes in (the bot sees only what is addressed to it; no greeting).</summary>
    public async Task<ReviewSession> OpenGroupAsync(string email)
    {
        var member = await MemberAsync(email);
        return new ReviewSession(host, new LocalChat(email, member.FullName, IsGroup: true));
    }

    public Task<RosterMember> MemberAsync(string email) => InScopeAsync(async services =>
        await services.GetRequiredService<IRosterDirectory>().FindByEmailAsync(email, CancellationToken.None)
        ?? throw new InvalidOperationException($"{email} is not on the demo roster."));

    public Task<ReviewCycleView> CycleAsync() => InScopeAsync(async services =>
        await services.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None)
        ?? throw new InvalidOperationException("The demo organisation has no open cycle."));

    /// <summary>The member's self-review as stored now.</summary>
    public async Task<SelfReviewView> ReviewOfAsync(string email) =>
        await FindReviewAsync(email) ?? throw new InvalidOperationException($"{email} has no self-review.");

    public async Task<SelfReviewView?> FindReviewAsync(string email)
    {
        var member = await MemberAsync(email);
        var cycle = await CycleAsync();
        return await InScopeAsync(services =>
            services.GetRequiredService<ISelfReviewService>().FindAsync(member.Id, cycle.Id, CancellationToken.None));
    }

    /// <summary>The names of the places where the review is heard, in order.</summary>
    public async Task<IReadOnlyList<string>> PlaceNamesAsync(SelfReviewView review)
    {
        var names = await InScopeAsync(services => services.GetRequiredService<IRosterDirectory>()
            .FindOrganisationNamesAsync([.. review.Case.Places.Select(p => p.Body.BodyId)], CancellationToken.None));
        return [.. review.Case.Places.Select(p => names[p.Body.BodyId])];
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }
}
