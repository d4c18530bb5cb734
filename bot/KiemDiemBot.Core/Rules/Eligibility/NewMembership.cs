namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>Whether a member was admitted less than the rule set's number of months before the meeting.</summary>
public static class NewMembership
{
    public static bool IsNew(MemberFacts member, EligibilitySettings settings, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(settings);
        return meetingDate < member.AdmittedOn.AddMonths(settings.NewMemberMonths);
    }
}
