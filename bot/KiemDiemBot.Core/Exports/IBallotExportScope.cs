using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;

namespace KiemDiemBot.Core.Exports;

/// <summary>A closed ballot whose minutes can be exported, named for the secretary.</summary>
public sealed record ClosedBallotRef(Guid BallotId, Guid CycleId, Guid BodyId, string BodyName, int Year);

/// <summary>An organisation whose ranking list a member may export.</summary>
public sealed record ExportableBody(Guid Id, string Name);

/// <summary>
/// What the export commands need besides the exporter: the ballot a meeting chat's `xuất biên bản` means, and who
/// may have a body's papers (its secretary or deputy secretary, or those of a body above it). Reads only.
/// </summary>
public interface IBallotExportScope
{
    /// <summary>
    /// The closed ballots of the chat, the most recently closed first (a cell's meeting chat may also hold the
    /// committee's approval ballot, so the dialog picks the latest one of a body the member leads).
    /// </summary>
    Task<IReadOnlyList<ClosedBallotRef>> ClosedInChatAsync(MeetingConversation conversation, CancellationToken cancellationToken);

    /// <summary>The ballot when it exists and is closed; null otherwise.</summary>
    Task<ClosedBallotRef?> ClosedAsync(Guid ballotId, CancellationToken cancellationToken);

    /// <summary>Whether the member is secretary or deputy secretary of the body or of an organisation above it.</summary>
    Task<bool> LeadsAsync(TurnMember member, Guid bodyId, CancellationToken cancellationToken);

    /// <summary>The organisation's name; null when there is no such organisation.</summary>
    Task<string?> OrganisationNameAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>The organisations the member leads as secretary or deputy secretary, the highest first (then by name).</summary>
    Task<IReadOnlyList<ExportableBody>> BodiesLedAsync(TurnMember member, CancellationToken cancellationToken);
}
