using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Meetings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Bot.Graph;

public static class GraphMeetingCalendarExtensions
{
    /// <summary>
    /// Review meetings pushed to Outlook and Teams through Graph (<see cref="GraphMeetingCalendar"/>) when
    /// <c>Graph:Calendar:OrganizerUserId</c> is set in Teams mode; otherwise Core's calendar stays off and the
    /// calendar job pushes nothing. Needs the Graph client of <c>AddKiemDiemGraph</c>.
    /// </summary>
    public static IServiceCollection AddKiemDiemGraphCalendar(this IServiceCollection services, BotOptions bot, GraphOptions graph)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(graph);
        if (bot.IsLocalMode || !graph.Calendar.IsEnabled)
        {
            return services;
        }
        services.TryAddSingleton(graph);
        services.Replace(ServiceDescriptor.Scoped<IMeetingCalendarGateway, GraphMeetingCalendar>());
        return services;
    }
}
