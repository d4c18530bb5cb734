namespace KiemDiemBot.Core.Demo;

/// <summary>Facts about the demo organisation that the local chat page and tests rely on.</summary>
public static class DemoOrganisation
{
    /// <summary>Every demo member's e-mail ends with this domain.</summary>
    public const string EmailDomain = "demo.kiemdiem.vn";

    /// <summary>The grassroots committee (Đảng bộ Sở Thông tin và Truyền thông).</summary>
    public const string GrassrootsCode = "DEMO-DB";

    /// <summary>The office cell (Chi bộ Văn phòng Sở).</summary>
    public const string OfficeCellCode = "DEMO-CB1";

    /// <summary>The technology cell (Chi bộ Phòng Công nghệ thông tin).</summary>
    public const string TechnologyCellCode = "DEMO-CB2";

    /// <summary>The secretary of the grassroots committee, also director and member of the bloc's executive committee (three posts).</summary>
    public const string LeaderEmail = "hung.nguyen@" + EmailDomain;

    /// <summary>A probationary member admitted about eight months ago: ranked, does not vote.</summary>
    public const string ProbationaryEmail = "trang.do@" + EmailDomain;

    /// <summary>A member admitted about two months ago: writes a self-review, is not ranked.</summary>
    public const string NewMemberEmail = "huy.bui@" + EmailDomain;

    /// <summary>A member of the office cell in temporary activities in the technology cell.</summary>
    public const string TemporaryMemberEmail = "ngoc.ngo@" + EmailDomain;

    /// <summary>A member exempt from work and party activities: not reviewed.</summary>
    public const string ExemptMemberEmail = "thanh.dang@" + EmailDomain;

    /// <summary>A member reprimanded this year: capped at KHTNV.</summary>
    public const string DisciplinedMemberEmail = "long.phan@" + EmailDomain;

    /// <summary>A member on sick leave of three months or more: capped at HTNV.</summary>
    public const string SickLeaveMemberEmail = "ha.trinh@" + EmailDomain;
}
