namespace KiemDiemBot.Core.Identity;

/// <summary>
/// The one rule for "may this member do this action on this subject": administrators act everywhere; a
/// secretary or deputy secretary acts on their organisation and every organisation below it; a member acts
/// only on themselves, and only in the actions that are theirs (<see cref="ActionScope"/>).
/// </summary>
public static class MemberAuthorization
{
    public static ActionScope ScopeOf(MemberAction action) => action switch
    {
        MemberAction.WriteSelfReview => ActionScope.Own,
        MemberAction.ViewReview => ActionScope.OwnOrLeadership,
        MemberAction.EnterReviewByProxy => ActionScope.CellLeadership,
        MemberAction.OpenCycle
            or MemberAction.SetMeetingDates
            or MemberAction.ScheduleMeeting
            or MemberAction.OpenBallot
            or MemberAction.CloseBallot
            or MemberAction.AdoptResults
            or MemberAction.UnlockReview
            or MemberAction.ViewProgress => ActionScope.Leadership,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <param name="member">Who asks, with their roles.</param>
    /// <param name="action">What they ask to do.</param>
    /// <param name="subject">What they ask to do it on.</param>
    /// <param name="subjectLineage">The subject's organisation and every organisation above it, up to the top of the tree.</param>
    public static bool Allows(TurnMember member, MemberAction action, AccessSubject subject, IReadOnlyCollection<Guid> subjectLineage)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(subjectLineage);
        var isSelf = subject.MemberId is { } memberId && memberId == member.MemberId;
        return ScopeOf(action) switch
        {
            ActionScope.Own => isSelf,
            ActionScope.OwnOrLeadership => isSelf || Leads(member, subjectLineage),
            ActionScope.CellLeadership => LeadsTheCell(member, subject.OrganisationId),
            _ => Leads(member, subjectLineage),
        };
    }

    /// <summary>Whether any of the member's roles covers the subject: admin anywhere, a (deputy) secretary above or at it.</summary>
    private static bool Leads(TurnMember member, IReadOnlyCollection<Guid> subjectLineage) =>
        member.Roles.Any(role => role.Kind switch
        {
            MemberRoleKind.Admin => true,
            MemberRoleKind.Secretary or MemberRoleKind.DeputySecretary =>
                role.OrganisationId is { } organisationId && subjectLineage.Contains(organisationId),
            _ => false,
        });

    /// <summary>Whether the member is the secretary or deputy secretary of exactly this organisation (no one above it, no admin).</summary>
    private static bool LeadsTheCell(TurnMember member, Guid organisationId) =>
        member.Roles.Any(role =>
            role.Kind is MemberRoleKind.Secretary or MemberRoleKind.DeputySecretary && role.OrganisationId == organisationId);
}

/// <summary>Who may take an action: see <see cref="MemberAuthorization"/>.</summary>
public enum ActionScope
{
    /// <summary>Administrators everywhere; a secretary or deputy secretary in their organisation and the organisations below it.</summary>
    Leadership,

    /// <summary>The member the subject names, and nobody else.</summary>
    Own,

    /// <summary>The member the subject names, or anyone <see cref="Leadership"/> allows.</summary>
    OwnOrLeadership,

    /// <summary>Only the secretary or deputy secretary of the subject's own organisation (a member's cell): not those above it, not administrators.</summary>
    CellLeadership,
}
