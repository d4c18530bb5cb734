using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Places;

/// <summary>
/// Who chairs a review meeting (chủ trì hội nghị, seed I.A.4.2). A party organisation's meeting is
/// chaired by its head. A joint meeting is co-chaired by the party secretary and the head of the
/// agency; when one person holds both posts, a deputy is invited to co-chair.
/// </summary>
public static class MeetingChairs
{
    public static MeetingChairing Decide(MeetingFacts meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var partyHead = meeting.Participants.FirstOrDefault(p => p.PartyRole == PostRole.Head);
        if (meeting.Kind == MeetingKind.PartyOrganisation)
        {
            return partyHead is null
                ? new MeetingChairing([], NoChair())
                : new MeetingChairing([partyHead.MemberId], null);
        }
        var agencyHead = meeting.Participants.FirstOrDefault(p => p.AgencyRole == PostRole.Head);
        if (partyHead is null || agencyHead is null)
        {
            var single = partyHead ?? agencyHead;
            return single is null
                ? new MeetingChairing([], NoChair())
                : new MeetingChairing([single.MemberId], null);
        }
        if (partyHead.MemberId != agencyHead.MemberId)
        {
            return new MeetingChairing(
                [partyHead.MemberId, agencyHead.MemberId],
                RuleReason.Of(RuleReasonCode.CoChairs, RuleTexts.Reason_CoChairs));
        }
        var deputy = FindDeputy(meeting.Participants, PostRole.Head, PostRole.Head, [partyHead.MemberId]);
        return deputy is null
            ? new MeetingChairing([partyHead.MemberId], RuleReason.Of(RuleReasonCode.NoDeputyToCoChair, RuleTexts.Reason_NoDeputyToCoChair))
            : new MeetingChairing(
                [partyHead.MemberId, deputy.Value],
                RuleReason.Of(RuleReasonCode.DeputyInvitedToCoChair, RuleTexts.Reason_DeputyInvitedToCoChair));
    }

    /// <summary>
    /// A deputy to chair in place of a head: first a deputy on the head's own side (party or agency),
    /// then any deputy; never someone in <paramref name="excluded"/>.
    /// </summary>
    internal static Guid? FindDeputy(
        IReadOnlyList<MeetingParticipant> participants,
        PostRole headPartyRole,
        PostRole headAgencyRole,
        IReadOnlyCollection<Guid> excluded)
    {
        var candidates = participants.Where(p => !excluded.Contains(p.MemberId)).ToList();
        var sameSide = candidates.FirstOrDefault(p =>
            (headPartyRole == PostRole.Head && p.PartyRole == PostRole.Deputy)
            || (headAgencyRole == PostRole.Head && p.AgencyRole == PostRole.Deputy));
        var any = sameSide ?? candidates.FirstOrDefault(p => p.PartyRole == PostRole.Deputy || p.AgencyRole == PostRole.Deputy);
        return any?.MemberId;
    }

    private static RuleReason NoChair() => RuleReason.Of(RuleReasonCode.NoChair, RuleTexts.Reason_NoChair);
}
