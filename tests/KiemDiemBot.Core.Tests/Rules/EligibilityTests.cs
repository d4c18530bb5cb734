using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Tests.Rules;

public sealed class EligibilityTests
{
    private static readonly IRuleSet Hd21 = Hd21RuleSet.Default;
    private static readonly DateOnly Meeting = MemberFactsBuilder.MeetingDate;

    [Fact]
    public void AssessEligibility_OrdinaryOfficialMemberPresent_ReviewedRankedAndVotes()
    {
        var member = MemberFactsBuilder.Official();

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Reviewed.Allowed);
        Assert.True(result.Ranked.Allowed);
        Assert.True(result.Votes.Allowed);
        Assert.False(result.CarriedOver.Allowed);
        Assert.True(result.RankedAtThisMeeting);
    }

    [Fact]
    public void AssessEligibility_ExemptFromWorkAndActivities_NotReviewedNotRankedWithReason()
    {
        var member = MemberFactsBuilder.Official() with { ActivityStatus = PartyActivityStatus.ExemptFromWorkAndActivities };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.False(result.Reviewed.Allowed);
        Assert.False(result.Ranked.Allowed);
        Assert.False(result.Votes.Allowed);
        Assert.Equal(RuleReasonCode.ExemptFromWorkAndActivities, result.Reviewed.Reason!.Code);
        Assert.Contains("miễn công tác và sinh hoạt đảng", result.Ranked.Reason!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessEligibility_SuspendedFromActivities_NotReviewedNotRankedWithReason()
    {
        var member = MemberFactsBuilder.Official() with { ActivityStatus = PartyActivityStatus.SuspendedFromActivities };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.False(result.Reviewed.Allowed);
        Assert.False(result.Ranked.Allowed);
        Assert.Contains("đình chỉ sinh hoạt đảng", result.Reviewed.Reason!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessEligibility_CommitteeMemberSuspendedFromCommittee_StillReviewedAndRanked()
    {
        var member = MemberFactsBuilder.Official() with { SuspendedFromCommittee = true };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Reviewed.Allowed);
        Assert.Equal(RuleReasonCode.SuspendedFromCommitteeStillReviewed, result.Reviewed.Reason!.Code);
        Assert.True(result.Ranked.Allowed);
        Assert.True(result.Votes.Allowed);
    }

    [Fact]
    public void VotingEligibility_SuspendedFromCommittee_VotesAtCellNotAtCommittee()
    {
        var member = MemberFactsBuilder.Official() with { SuspendedFromCommittee = true };

        var atCell = VotingEligibility.Decide(member, VotingBody.Cell, isPresent: true);
        var atCommittee = VotingEligibility.Decide(member, VotingBody.Committee, isPresent: true);

        Assert.True(atCell.Allowed);
        Assert.False(atCommittee.Allowed);
        Assert.Equal(RuleReasonCode.SuspendedFromCommitteeDoesNotVote, atCommittee.Reason!.Code);
    }

    [Fact]
    public void AssessEligibility_ProbationaryMember_ReviewedAndRankedButDoesNotVote()
    {
        var member = MemberFactsBuilder.Official() with
        {
            Membership = MembershipKind.Probationary,
            AdmittedOn = new DateOnly(2022, 3, 1),
        };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Reviewed.Allowed);
        Assert.True(result.Ranked.Allowed);
        Assert.False(result.Votes.Allowed);
        Assert.Equal(RuleReasonCode.ProbationaryDoesNotVote, result.Votes.Reason!.Code);
        Assert.Contains("dự bị", result.Votes.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessEligibility_AdmittedUnderSixMonths_WritesSelfReviewButIsNotRanked()
    {
        var member = MemberFactsBuilder.Official() with
        {
            Membership = MembershipKind.Probationary,
            AdmittedOn = new DateOnly(2022, 6, 26),
        };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Reviewed.Allowed);
        Assert.False(result.Ranked.Allowed);
        Assert.Equal(RuleReasonCode.NewMemberNotRanked, result.Ranked.Reason!.Code);
        Assert.Contains("26/06/2022", result.Ranked.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("6 tháng", result.Ranked.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessEligibility_AdmittedExactlySixMonthsBefore_IsRanked()
    {
        var member = MemberFactsBuilder.Official() with
        {
            Membership = MembershipKind.Probationary,
            AdmittedOn = new DateOnly(2022, 5, 25),
        };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Ranked.Allowed);
    }

    [Fact]
    public void AssessEligibility_NewMemberUnderNotReviewedPolicy_NeitherReviewedNorRanked()
    {
        var settings = Hd21RuleSet.DefaultSettings.Eligibility with { NewMemberPolicy = NewMemberPolicy.NotReviewed };
        var member = MemberFactsBuilder.Official() with { AdmittedOn = new DateOnly(2022, 9, 2) };

        var result = MemberEligibility.Assess(member, settings, Meeting, isPresent: true);

        Assert.False(result.Reviewed.Allowed);
        Assert.Equal(RuleReasonCode.NewMemberNotReviewed, result.Reviewed.Reason!.Code);
        Assert.False(result.Ranked.Allowed);
    }

    [Fact]
    public void AssessEligibility_TemporaryMemberWithoutTemporaryCellComment_NotRankedYetAndCommentMissing()
    {
        var member = MemberFactsBuilder.Official() with { ActsTemporarilyElsewhere = true };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Reviewed.Allowed);
        Assert.False(result.Ranked.Allowed);
        Assert.Equal(RuleReasonCode.TemporaryCellCommentMissing, result.Ranked.Reason!.Code);
        Assert.True(result.TemporaryCellComment.Missing);
        Assert.Contains("chi bộ nơi sinh hoạt tạm thời", result.Ranked.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessEligibility_TemporaryMemberWhoseCommentArrived_RankedAtOfficialCell()
    {
        var member = MemberFactsBuilder.Official() with { ActsTemporarilyElsewhere = true, TemporaryCellCommentReceived = true };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: true);

        Assert.True(result.Ranked.Allowed);
        Assert.True(result.TemporaryCellComment.Required);
        Assert.False(result.TemporaryCellComment.Missing);
    }

    [Fact]
    public void AssessEligibility_AbsentMember_CarriedOverToNextMeetingAndDoesNotVote()
    {
        var member = MemberFactsBuilder.Official();

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: false);

        Assert.True(result.Ranked.Allowed);
        Assert.True(result.CarriedOver.Allowed);
        Assert.False(result.RankedAtThisMeeting);
        Assert.Equal(RuleReasonCode.AbsentCarriedOver, result.CarriedOver.Reason!.Code);
        Assert.Contains("cuộc họp chi bộ gần nhất", result.CarriedOver.Reason.Text, StringComparison.Ordinal);
        Assert.False(result.Votes.Allowed);
        Assert.Equal(RuleReasonCode.AbsentDoesNotVote, result.Votes.Reason!.Code);
    }

    [Fact]
    public void AssessEligibility_AbsentMemberNotToBeRanked_IsNotCarriedOver()
    {
        var member = MemberFactsBuilder.Official() with { AdmittedOn = new DateOnly(2022, 10, 1) };

        var result = Hd21.AssessEligibility(member, Meeting, isPresent: false);

        Assert.False(result.CarriedOver.Allowed);
        Assert.Equal(RuleReasonCode.NewMemberNotRanked, result.CarriedOver.Reason!.Code);
    }

    [Fact]
    public void ResidenceCommentRequirement_WorkingMemberWithoutComment_RequiredAndMissing()
    {
        var member = MemberFactsBuilder.Official() with { ResidenceCommentReceived = false };

        var result = ResidenceCommentRequirement.Decide(member);

        Assert.True(result.Required);
        Assert.True(result.Missing);
        Assert.Equal(RuleReasonCode.ResidenceCommentMissing, result.Reason.Code);
    }

    [Fact]
    public void ResidenceCommentRequirement_WorkingMemberWithComment_RequiredAndReceived()
    {
        var result = ResidenceCommentRequirement.Decide(MemberFactsBuilder.Official());

        Assert.True(result.Required);
        Assert.False(result.Missing);
    }

    [Theory]
    [InlineData(ResidenceCommentExemption.ArmedForcesInBarracks, RuleReasonCode.ResidenceCommentArmedForcesInBarracks, "doanh trại")]
    [InlineData(ResidenceCommentExemption.MobileWorker, RuleReasonCode.ResidenceCommentMobileWorker, "lưu động")]
    [InlineData(ResidenceCommentExemption.StudentAway, RuleReasonCode.ResidenceCommentStudentAway, "sinh viên")]
    public void ResidenceCommentRequirement_ExemptMember_NotRequiredWithReason(
        ResidenceCommentExemption exemption, RuleReasonCode code, string words)
    {
        var member = MemberFactsBuilder.Official() with { ResidenceExemption = exemption, ResidenceCommentReceived = false };

        var result = ResidenceCommentRequirement.Decide(member);

        Assert.False(result.Required);
        Assert.False(result.Missing);
        Assert.Equal(code, result.Reason.Code);
        Assert.Contains(words, result.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResidenceCommentRequirement_RetiredMember_NotRequired()
    {
        var member = MemberFactsBuilder.Official() with { IsWorking = false, ResidenceCommentReceived = false };

        var result = ResidenceCommentRequirement.Decide(member);

        Assert.False(result.Required);
        Assert.Equal(RuleReasonCode.ResidenceCommentNotWorking, result.Reason.Code);
    }
}
