namespace KiemDiemBot.Core.Identity;

/// <summary>
/// Answers <see cref="MemberAuthorization.Allows"/> for a subject in the database: looks up the
/// organisations above the subject's and applies the one rule. Every flow asks this before it acts.
/// </summary>
public interface IMemberAuthorizer
{
    Task<bool> MayAsync(TurnMember member, MemberAction action, AccessSubject subject, CancellationToken cancellationToken);
}
