namespace KiemDiemBot.Core.Roster.Import;

/// <summary>The roster's "Trạng thái" column: the activity status, with suspension from the committee alone as a fourth value.</summary>
internal enum MemberStatus
{
    Active,
    ExemptFromWorkAndActivities,
    SuspendedFromActivities,
    SuspendedFromCommitteeOnly,
}
