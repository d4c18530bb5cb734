namespace KiemDiemBot.Core.Organisations;

/// <summary>
/// What a row of the organisation tree is: a party organisation (the first six) or a leadership
/// collective (tập thể lãnh đạo, quản lý) attached to the organisation it leads.
/// </summary>
public enum OrganisationKind
{
    /// <summary>Đảng bộ cấp trên: the committee above grassroots, e.g. a bloc or provincial committee.</summary>
    SuperiorCommittee,

    /// <summary>Đảng bộ cơ sở.</summary>
    GrassrootsCommittee,

    /// <summary>Chi bộ cơ sở: a grassroots organisation that is a single cell.</summary>
    GrassrootsCell,

    /// <summary>Đảng bộ bộ phận: a sub-committee inside a grassroots committee.</summary>
    SubCommittee,

    /// <summary>Chi bộ trực thuộc: a cell under a grassroots committee or a sub-committee.</summary>
    AffiliatedCell,

    /// <summary>Tổ đảng: a group inside a cell.</summary>
    PartyGroup,

    /// <summary>Ban Chấp hành (đảng ủy) of a đảng bộ or of a chi bộ cơ sở.</summary>
    ExecutiveCommittee,

    /// <summary>Ban Thường vụ of a đảng bộ.</summary>
    StandingCommittee,

    /// <summary>Chi ủy: a cell's committee.</summary>
    CellCommittee,

    /// <summary>Lãnh đạo cơ quan, đơn vị, doanh nghiệp: the leadership of the agency, unit or enterprise.</summary>
    AgencyLeadership,

    /// <summary>Đảng đoàn, ban cán sự đảng: a party delegation.</summary>
    PartyDelegation,
}
