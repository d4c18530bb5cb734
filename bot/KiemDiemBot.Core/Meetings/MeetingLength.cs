using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// How long a review meeting is, in the half days the seed counts in (I.A.4.2: "tối thiểu 1,5 ngày", "01 ngày",
/// "0,5 ngày"), and the minimum for a body. A half day is a morning (07:00 to 12:00) or an afternoon (13:00 to
/// 18:00) in Asia/Ho_Chi_Minh that the meeting covers for at least three hours: 08:00 to 11:30 is half a day,
/// 08:00 to 17:00 a day, Monday 08:00 to Tuesday 11:30 a day and a half.
/// </summary>
public static class MeetingLength
{
    /// <summary>A session counts when the meeting covers this much of it.</summary>
    public static readonly TimeSpan SessionCovered = TimeSpan.FromHours(3);

    private static readonly (TimeOnly Start, TimeOnly End)[] Sessions = [(new(7, 0), new(12, 0)), (new(13, 0), new(18, 0))];

    /// <summary>The half days the meeting from <paramref name="startsAt"/> to <paramref name="endsAt"/> covers.</summary>
    public static int HalfDays(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (endsAt <= startsAt)
        {
            return 0;
        }
        var count = 0;
        for (var day = WorkingCalendar.ToLocalDate(startsAt); day <= WorkingCalendar.ToLocalDate(endsAt); day = day.AddDays(1))
        {
            foreach (var (start, end) in Sessions)
            {
                var sessionStart = WorkingCalendar.ToInstant(day, start);
                var sessionEnd = WorkingCalendar.ToInstant(day, end);
                var from = startsAt > sessionStart ? startsAt : sessionStart;
                var to = endsAt < sessionEnd ? endsAt : sessionEnd;
                if (to - from >= SessionCovered)
                {
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>
    /// The seed's minimum, in half days, for the review meeting of a body of <paramref name="kind"/>; null where the
    /// seed sets none. The seed names three meetings; the mapping to the tree's kinds:
    /// the Bloc Standing Committee's own review (1.5 days) is held by the committee above grassroots
    /// (<see cref="OrganisationKind.SuperiorCommittee"/>); the reviews of a provincial
    /// department's leadership take 1 day where its party organisation is a grassroots committee
    /// (<see cref="OrganisationKind.GrassrootsCommittee"/>) and 0.5 day where it is a grassroots cell
    /// (<see cref="OrganisationKind.GrassrootsCell"/>). Sub-committees and cells under a committee have no minimum.
    /// </summary>
    public static int? MinimumHalfDays(OrganisationKind kind) => kind switch
    {
        OrganisationKind.SuperiorCommittee => 3,
        OrganisationKind.GrassrootsCommittee => 2,
        OrganisationKind.GrassrootsCell => 1,
        _ => null,
    };
}
