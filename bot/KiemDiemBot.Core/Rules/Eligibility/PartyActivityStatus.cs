namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>Whether a member takes part in party activities this cycle.</summary>
public enum PartyActivityStatus
{
    /// <summary>Sinh hoạt bình thường.</summary>
    Active,

    /// <summary>Miễn công tác và sinh hoạt đảng: not reviewed, not ranked.</summary>
    ExemptFromWorkAndActivities,

    /// <summary>Đình chỉ sinh hoạt đảng: not reviewed, not ranked.</summary>
    SuspendedFromActivities,
}
