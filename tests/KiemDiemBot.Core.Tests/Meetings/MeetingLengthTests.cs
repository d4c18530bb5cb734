using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Tests.Meetings;

public sealed class MeetingLengthTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Theory]
    [InlineData(8, 0, 28, 11, 30, 1)]
    [InlineData(8, 0, 28, 10, 0, 0)]
    [InlineData(8, 0, 28, 17, 0, 2)]
    [InlineData(13, 30, 28, 17, 0, 1)]
    [InlineData(8, 0, 29, 11, 30, 3)]
    public void HalfDays_MeetingSpan_CountsSessionsCoveredForThreeHours(int startHour, int startMinute, int endDay, int endHour, int endMinute, int expected)
    {
        var startsAt = new DateTimeOffset(2022, 11, 28, startHour, startMinute, 0, Vietnam);
        var endsAt = new DateTimeOffset(2022, 11, endDay, endHour, endMinute, 0, Vietnam);

        Assert.Equal(expected, MeetingLength.HalfDays(startsAt, endsAt));
    }

    [Theory]
    [InlineData(OrganisationKind.SuperiorCommittee, 3)]
    [InlineData(OrganisationKind.GrassrootsCommittee, 2)]
    [InlineData(OrganisationKind.GrassrootsCell, 1)]
    [InlineData(OrganisationKind.AffiliatedCell, null)]
    [InlineData(OrganisationKind.SubCommittee, null)]
    public void MinimumHalfDays_BodyKind_FollowsTheSeed(OrganisationKind kind, int? expected)
    {
        Assert.Equal(expected, MeetingLength.MinimumHalfDays(kind));
    }
}
