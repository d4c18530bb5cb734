namespace KiemDiemBot.Core.Rules.Places;

/// <summary>How high a party committee sits; a higher value is a higher committee.</summary>
public enum CommitteeTier
{
    /// <summary>Not a committee.</summary>
    None = 0,

    /// <summary>Chi ủy of a cell: its members review before the cell itself.</summary>
    CellCommittee = 1,

    /// <summary>Ban chấp hành đảng bộ bộ phận.</summary>
    SubCommittee = 2,

    /// <summary>Ban chấp hành đảng bộ cơ sở or chi bộ cơ sở (cấp ủy cơ sở).</summary>
    GrassrootsCommittee = 3,

    /// <summary>Ban thường vụ đảng ủy cơ sở.</summary>
    GrassrootsStandingCommittee = 4,

    /// <summary>The executive committee above the grassroots (e.g. Ban Chấp hành Đảng bộ Khối).</summary>
    SuperiorCommittee = 5,

    /// <summary>The standing committee above the grassroots (e.g. Ban Thường vụ Đảng ủy Khối).</summary>
    SuperiorStandingCommittee = 6,
}
