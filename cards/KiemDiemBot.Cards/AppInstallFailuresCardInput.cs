namespace KiemDiemBot.Cards;

/// <summary>Why the app could not be installed for a member, as the secretary reads it.</summary>
public enum AppInstallFailureReason
{
    /// <summary>No such account in the directory (404).</summary>
    NotFound,

    /// <summary>Refused: no Teams licence, or the app blocked by the organisation's policy (403).</summary>
    NotAllowed,

    Other,
}

/// <summary>One member the app could not be installed for.</summary>
public sealed record AppInstallFailureLine(string FullName, AppInstallFailureReason Reason);

/// <summary>A cell's members the app could not be installed for, in name order.</summary>
public sealed record AppInstallFailuresCardInput(string CellName, IReadOnlyList<AppInstallFailureLine> Members);
