namespace KiemDiemBot.Core.Members;

/// <summary>A post a member holds in a body (chức vụ).</summary>
public enum PositionTitle
{
    /// <summary>Bí thư: heads a party organisation, its committee or a party delegation.</summary>
    Secretary,

    /// <summary>Phó Bí thư.</summary>
    DeputySecretary,

    /// <summary>Ủy viên Ban Thường vụ.</summary>
    StandingCommitteeMember,

    /// <summary>Ủy viên Ban Chấp hành (cấp ủy viên).</summary>
    ExecutiveCommitteeMember,

    /// <summary>Chi ủy viên.</summary>
    CellCommitteeMember,

    /// <summary>Thủ trưởng (người đứng đầu) cơ quan, đơn vị, doanh nghiệp.</summary>
    AgencyHead,

    /// <summary>Cấp phó của người đứng đầu cơ quan, đơn vị, doanh nghiệp.</summary>
    AgencyDeputyHead,

    /// <summary>Thành viên tập thể lãnh đạo, quản lý.</summary>
    CollectiveMember,
}
