using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Hd21;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class MeetingAgendaTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;

    [Fact]
    public void AgendaFor_CellMeeting_CollectiveFirstThenLeadersBeforeMembersHeadThenDeputiesThenMembers()
    {
        var member1 = Participant(PostRole.None, PostRole.None);
        var committeeMember = Participant(PostRole.Member, PostRole.None);
        var deputy = Participant(PostRole.Deputy, PostRole.None);
        var member2 = Participant(PostRole.None, PostRole.None);
        var agencyDirector = Participant(PostRole.None, PostRole.Member);
        var secretary = Participant(PostRole.Head, PostRole.None);
        var cellId = Guid.NewGuid();
        var meeting = new MeetingFacts(cellId, MeetingKind.PartyOrganisation, true,
            [member1, committeeMember, deputy, member2, agencyDirector, secretary]);

        var agenda = Hd21.AgendaFor(meeting);

        Assert.Equal(AgendaItemKind.Collective, agenda[0].Kind);
        Assert.Equal(cellId, agenda[0].SubjectId);
        Assert.Equal(
            [secretary.MemberId, deputy.MemberId, committeeMember.MemberId, agencyDirector.MemberId, member1.MemberId, member2.MemberId],
            agenda.Skip(1).Select(item => item.SubjectId));
    }

    [Fact]
    public void AgendaFor_CellMeeting_SecretaryChairsAndTheSecretarysOwnReviewIsChairedByTheDeputy()
    {
        var secretary = Participant(PostRole.Head, PostRole.None);
        var deputy = Participant(PostRole.Deputy, PostRole.None);
        var member = Participant(PostRole.None, PostRole.None);
        var meeting = new MeetingFacts(Guid.NewGuid(), MeetingKind.PartyOrganisation, true, [member, deputy, secretary]);

        var agenda = Hd21.AgendaFor(meeting);

        Assert.Equal([secretary.MemberId], agenda[0].ChairIds);
        var secretaryItem = agenda.Single(item => item.SubjectId == secretary.MemberId);
        Assert.Equal([deputy.MemberId], secretaryItem.ChairIds);
        Assert.Equal(RuleReasonCode.HeadChairedByDeputy, secretaryItem.ChairNote!.Code);
        Assert.Contains("cấp phó", secretaryItem.ChairNote.Text, StringComparison.Ordinal);
        Assert.Equal([secretary.MemberId], agenda.Single(item => item.SubjectId == member.MemberId).ChairIds);
    }

    [Fact]
    public void AgendaFor_JointMeeting_SecretaryAndAgencyHeadCoChair()
    {
        var secretary = Participant(PostRole.Head, PostRole.Member);
        var director = Participant(PostRole.Member, PostRole.Head);
        var deputyDirector = Participant(PostRole.None, PostRole.Deputy);
        var deputySecretary = Participant(PostRole.Deputy, PostRole.None);
        var meeting = new MeetingFacts(Guid.NewGuid(), MeetingKind.JointLeadership, true,
            [deputyDirector, deputySecretary, director, secretary]);

        var agenda = Hd21.AgendaFor(meeting);

        Assert.Equal([secretary.MemberId, director.MemberId], agenda[0].ChairIds);
        Assert.Equal(RuleReasonCode.CoChairs, agenda[0].ChairNote!.Code);
        var directorItem = agenda.Single(item => item.SubjectId == director.MemberId);
        Assert.Equal([secretary.MemberId, deputyDirector.MemberId], directorItem.ChairIds);
        var secretaryItem = agenda.Single(item => item.SubjectId == secretary.MemberId);
        Assert.Equal([director.MemberId, deputySecretary.MemberId], secretaryItem.ChairIds);
    }

    [Fact]
    public void AgendaFor_JointMeetingWhereSecretaryIsAlsoTheHead_ADeputyIsInvitedToCoChair()
    {
        var secretaryAndDirector = Participant(PostRole.Head, PostRole.Head);
        var deputyDirector = Participant(PostRole.Member, PostRole.Deputy);
        var member = Participant(PostRole.Member, PostRole.Member);
        var meeting = new MeetingFacts(Guid.NewGuid(), MeetingKind.JointLeadership, true,
            [member, deputyDirector, secretaryAndDirector]);

        var agenda = Hd21.AgendaFor(meeting);

        Assert.Equal([secretaryAndDirector.MemberId, deputyDirector.MemberId], agenda[0].ChairIds);
        Assert.Equal(RuleReasonCode.DeputyInvitedToCoChair, agenda[0].ChairNote!.Code);
        var headItem = agenda.Single(item => item.SubjectId == secretaryAndDirector.MemberId);
        Assert.Equal([deputyDirector.MemberId], headItem.ChairIds);
        Assert.Equal(RuleReasonCode.HeadChairedByDeputy, headItem.ChairNote!.Code);
    }

    [Fact]
    public void AgendaFor_HeadWithoutAnyDeputy_HeadsOwnReviewNeedsAChairAssigned()
    {
        var secretary = Participant(PostRole.Head, PostRole.None);
        var member = Participant(PostRole.None, PostRole.None);
        var meeting = new MeetingFacts(Guid.NewGuid(), MeetingKind.PartyOrganisation, false, [secretary, member]);

        var agenda = Hd21.AgendaFor(meeting);

        Assert.Equal(2, agenda.Count);
        Assert.True(agenda[0].NeedsChairAssignment);
        Assert.Equal(RuleReasonCode.NoChair, agenda[0].ChairNote!.Code);
        Assert.Equal([secretary.MemberId], agenda[1].ChairIds);
    }

    [Fact]
    public void AgendaFor_ParticipantsNotReviewedHere_AreLeftOffTheAgendaButCanChair()
    {
        var secretary = Participant(PostRole.Head, PostRole.None) with { IsReviewedHere = false };
        var member = Participant(PostRole.None, PostRole.None);
        var meeting = new MeetingFacts(Guid.NewGuid(), MeetingKind.PartyOrganisation, false, [secretary, member]);

        var agenda = Hd21.AgendaFor(meeting);

        var item = Assert.Single(agenda);
        Assert.Equal(member.MemberId, item.SubjectId);
        Assert.Equal([secretary.MemberId], item.ChairIds);
    }

    private static MeetingParticipant Participant(PostRole partyRole, PostRole agencyRole) =>
        new(Guid.NewGuid(), partyRole, agencyRole, IsReviewedHere: true);
}
