using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Members;

/// <summary>A party member (đảng viên) as the roster knows them. Identified in rosters by their code.</summary>
internal sealed class Member
{
    public Guid Id { get; set; }

    /// <summary>The roster's code (Mã), unique; how a re-import finds the member again.</summary>
    public required string Code { get; set; }

    public required string FullName { get; set; }

    /// <summary>The member's Teams sign-in address, as written in the roster; null for members without Teams.</summary>
    public string? Email { get; set; }

    /// <summary><see cref="Email"/> trimmed and lower-cased, for case-insensitive look-ups; unique.</summary>
    public string? EmailKey { get; set; }

    /// <summary>The Entra ID object id of the member's account, once known.</summary>
    public Guid? EntraObjectId { get; set; }

    /// <summary>When a directory sync found the member gone from their organisation's Microsoft 365 group; never deleted for it.</summary>
    public DateTimeOffset? LeftDirectoryAt { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>The cell where the member officially holds activities (chi bộ chính thức).</summary>
    public Guid OfficialCellId { get; set; }

    public Organisation? OfficialCell { get; set; }

    /// <summary>The cell where the member temporarily holds activities (sinh hoạt tạm thời), if any.</summary>
    public Guid? TemporaryCellId { get; set; }

    public Organisation? TemporaryCell { get; set; }

    public MembershipKind Membership { get; set; }

    /// <summary>Ngày vào Đảng (ngày kết nạp).</summary>
    public DateOnly AdmittedOn { get; set; }

    public PartyActivityStatus ActivityStatus { get; set; }

    /// <summary>A committee member suspended from committee activities only (đình chỉ sinh hoạt cấp ủy).</summary>
    public bool SuspendedFromCommittee { get; set; }

    /// <summary>The form of the discipline decided in the year, if any.</summary>
    public DisciplineSeverity? Discipline { get; set; }

    /// <summary>The date of that discipline decision.</summary>
    public DateOnly? DisciplinedOn { get; set; }

    /// <summary>The discipline's violation already lowered an earlier year's ranking: one violation is counted once.</summary>
    public bool DisciplineAlreadyCounted { get; set; }

    /// <summary>Sick leave of three months or more in the year (nghỉ ốm từ 3 tháng trở lên).</summary>
    public bool LongSickLeave { get; set; }

    /// <summary>A cadre, civil servant or public employee (cán bộ, công chức, viên chức), rated by the state too.</summary>
    public bool IsCivilServant { get; set; }

    /// <summary>The state rating of a civil servant, once entered.</summary>
    public RankingLevel? StateRating { get; set; }

    /// <summary>In work (đang công tác), so the residence cell's comment (Quy định 213) applies.</summary>
    public bool IsWorking { get; set; } = true;

    public ResidenceCommentExemption ResidenceExemption { get; set; }

    /// <summary>The residence cell's comment (Mẫu 3-213) has arrived.</summary>
    public bool ResidenceCommentReceived { get; set; }

    /// <summary>The temporary cell's written comment has arrived.</summary>
    public bool TemporaryCellCommentReceived { get; set; }

    public static string? ToEmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
