using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Members;

/// <summary>A member's post (chức vụ) in a body: a party organisation or a leadership collective.</summary>
internal sealed class Position
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Where the post is held.</summary>
    public Guid BodyId { get; set; }

    public Organisation? Body { get; set; }

    public PositionTitle Title { get; set; }
}
