namespace KiemDiemBot.Core.Rules.Places;

/// <summary>A member's role in a body; a higher value comes earlier in a meeting's order.</summary>
public enum PostRole
{
    /// <summary>No post in that body (an ordinary member).</summary>
    None = 0,

    /// <summary>Member of the committee or leadership collective (ủy viên, thành viên).</summary>
    Member = 1,

    /// <summary>Deputy (cấp phó: phó bí thư, phó giám đốc...).</summary>
    Deputy = 2,

    /// <summary>Head (người đứng đầu: bí thư, giám đốc...).</summary>
    Head = 3,
}
