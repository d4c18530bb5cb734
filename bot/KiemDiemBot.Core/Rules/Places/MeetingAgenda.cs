using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Places;

/// <summary>
/// The order of reviews at a meeting and who chairs each (seed I.A.4.2): the collective first,
/// then individuals; committee members and leaders before members; among them the head first, then
/// deputies, then the other committee or leadership members; otherwise the secretary's list order.
/// A head's own review is chaired by a deputy; nobody chairs their own review.
/// </summary>
public static class MeetingAgenda
{
    public static IReadOnlyList<AgendaItem> Plan(MeetingFacts meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var chairing = MeetingChairs.Decide(meeting);
        var items = new List<AgendaItem>();
        if (meeting.ReviewsCollective)
        {
            items.Add(new AgendaItem(AgendaItemKind.Collective, meeting.BodyId, chairing.ChairIds, chairing.Note));
        }
        var subjects = meeting.Participants
            .Where(p => p.IsReviewedHere)
            .OrderByDescending(p => p.HighestRole);
        foreach (var subject in subjects)
        {
            items.Add(IndividualItem(meeting, chairing, subject));
        }
        return items;
    }

    private static AgendaItem IndividualItem(MeetingFacts meeting, MeetingChairing chairing, MeetingParticipant subject)
    {
        if (!chairing.ChairIds.Contains(subject.MemberId))
        {
            var note = chairing.ChairIds.Count == 0 ? chairing.Note : null;
            return new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairing.ChairIds, note);
        }
        var chairs = chairing.ChairIds.Where(id => id != subject.MemberId).ToList();
        var agencyRole = meeting.Kind == MeetingKind.JointLeadership ? subject.AgencyRole : PostRole.None;
        var isHead = subject.PartyRole == PostRole.Head || agencyRole == PostRole.Head;
        if (!isHead)
        {
            return chairs.Count == 0
                ? new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairs, NoChair())
                : new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairs, null);
        }
        var deputyChairs = chairs.Any(id => IsDeputy(meeting, id));
        if (!deputyChairs
            && MeetingChairs.FindDeputy(meeting.Participants, subject.PartyRole, agencyRole, [subject.MemberId, .. chairs]) is { } deputy)
        {
            chairs.Add(deputy);
            deputyChairs = true;
        }
        if (deputyChairs)
        {
            return new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairs,
                RuleReason.Of(RuleReasonCode.HeadChairedByDeputy, RuleTexts.Reason_HeadChairedByDeputy));
        }
        return chairs.Count == 0
            ? new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairs, NoChair())
            : new AgendaItem(AgendaItemKind.Individual, subject.MemberId, chairs, null);
    }

    private static bool IsDeputy(MeetingFacts meeting, Guid memberId) =>
        meeting.Participants.Any(p => p.MemberId == memberId
            && (p.PartyRole == PostRole.Deputy || p.AgencyRole == PostRole.Deputy));

    private static RuleReason NoChair() => RuleReason.Of(RuleReasonCode.NoChair, RuleTexts.Reason_NoChair);
}
