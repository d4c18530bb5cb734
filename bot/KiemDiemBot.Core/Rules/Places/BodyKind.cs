namespace KiemDiemBot.Core.Rules.Places;

/// <summary>The kinds of body a member can review before.</summary>
public enum BodyKind
{
    /// <summary>The cell where the member holds activities (chi bộ nơi sinh hoạt).</summary>
    Cell,

    /// <summary>
    /// The leadership and management collective of the agency, unit or enterprise where the member
    /// works (tập thể lãnh đạo, quản lý cơ quan, đơn vị, doanh nghiệp), including the party's own
    /// advisory agencies (cơ quan tham mưu, giúp việc).
    /// </summary>
    WorkplaceLeadership,

    /// <summary>A party committee (cấp ủy); its tier says how high.</summary>
    Committee,
}
