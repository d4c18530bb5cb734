namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>Why a working member needs no comment from the party cell where they live (Quy định 213-QĐ/TW).</summary>
public enum ResidenceCommentExemption
{
    /// <summary>No exemption: the comment is expected.</summary>
    None,

    /// <summary>Army or police living in barracks (quân đội, công an ở trong doanh trại).</summary>
    ArmedForcesInBarracks,

    /// <summary>Works on the move with no fixed residence (làm việc lưu động).</summary>
    MobileWorker,

    /// <summary>Full-time student studying away from home (học sinh, sinh viên học tập xa nơi cư trú).</summary>
    StudentAway,
}
