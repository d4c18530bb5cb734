namespace KiemDiemBot.Core.Organisations;

/// <summary>
/// One node of the organisation tree (tổ chức): a party organisation under its parent, or a
/// leadership collective under the organisation it leads. Identified in rosters by its code.
/// </summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }

    /// <summary>The roster's code (Mã), unique; how a re-import finds the row again.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>The organisation above (cấp trên); for a collective, the organisation it leads. Null at the top.</summary>
    public Guid? ParentId { get; set; }

    public Organisation? Parent { get; set; }
}
