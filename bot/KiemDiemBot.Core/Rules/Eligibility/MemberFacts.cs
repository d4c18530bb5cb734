namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>
/// What the eligibility rules need to know about one member of a cell for one review cycle.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="Membership">Official or probationary.</param>
/// <param name="ActivityStatus">Active, exempt from work and activities, or suspended from activities.</param>
/// <param name="AdmittedOn">Date of admission to the party (ngày kết nạp).</param>
/// <param name="SuspendedFromCommittee">A committee member suspended from committee activities (đình chỉ sinh hoạt cấp ủy).</param>
/// <param name="ActsTemporarilyElsewhere">Holds temporary activities in another cell (sinh hoạt tạm thời); this cell is the official one.</param>
/// <param name="TemporaryCellCommentReceived">The temporary cell's written comment has arrived.</param>
/// <param name="IsWorking">Is in work (đảng viên đang công tác), so Quy định 213 applies.</param>
/// <param name="ResidenceExemption">Why no residence comment is needed, if any.</param>
/// <param name="ResidenceCommentReceived">The residence cell's comment (Mẫu 3-213) has arrived.</param>
public sealed record MemberFacts(
    Guid MemberId,
    MembershipKind Membership,
    PartyActivityStatus ActivityStatus,
    DateOnly AdmittedOn,
    bool SuspendedFromCommittee,
    bool ActsTemporarilyElsewhere,
    bool TemporaryCellCommentReceived,
    bool IsWorking,
    ResidenceCommentExemption ResidenceExemption,
    bool ResidenceCommentReceived);
