using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Core.Meetings;

public static class MeetingsServiceCollectionExtensions
{
    /// <summary>The review meeting planner (lịch họp); needs Core's storage, the meeting calendar and the audit trail.</summary>
    public static IServiceCollection AddKiemDiemMeetings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<MeetingBodyLoader>();
        services.AddScoped<IReviewMeetingPlanner, ReviewMeetingPlanner>();
        // The draft's circulation and its comments (góp ý); needs the member notices and the conversation posts.
        services.AddScoped<IDraftCirculation, DraftCirculation>();
        // The calendar push (Graph:Calendar): off until the host replaces the gateway with its Graph adapter.
        services.TryAddSingleton<IMeetingCalendarGateway, NoMeetingCalendar>();
        services.AddScoped<IMeetingCalendarSync, MeetingCalendarSync>();
        return services;
    }
}
