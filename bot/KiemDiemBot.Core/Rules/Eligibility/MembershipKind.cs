namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>Whether a party member is official (chính thức) or probationary (dự bị).</summary>
public enum MembershipKind
{
    /// <summary>Đảng viên chính thức.</summary>
    Official,

    /// <summary>Đảng viên dự bị: reviewed and ranked, never votes.</summary>
    Probationary,
}
