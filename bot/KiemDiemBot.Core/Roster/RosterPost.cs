namespace KiemDiemBot.Core.Roster;

/// <summary>A member's post as a picker shows it: "Bí thư" in "Chi bộ Văn phòng Sở".</summary>
/// <param name="MemberId">The member who holds the post.</param>
/// <param name="Title">The post's Vietnamese name, e.g. "Phó Bí thư".</param>
/// <param name="BodyName">The name of the organisation or collective where it is held.</param>
public sealed record RosterPost(Guid MemberId, string Title, string BodyName);
