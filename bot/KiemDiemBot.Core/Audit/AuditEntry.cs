namespace KiemDiemBot.Core.Audit;

/// <summary>One audited change: who changed what, when, from which value to which, and why.</summary>
internal sealed class AuditEntry
{
    /// <summary>Increasing in the order the changes were saved, so that changes in the same instant keep their order.</summary>
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made the change: a member's id or e-mail, or the command that made it.</summary>
    public required string Actor { get; set; }

    public AuditSubjectKind SubjectKind { get; set; }

    /// <summary>The cycle or the ranking changed.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>Which setting or value changed, one of <see cref="AuditFields"/>.</summary>
    public required string Field { get; set; }

    /// <summary>The organisation the change concerns, when it is one committee's own setting.</summary>
    public Guid? OrganisationId { get; set; }

    public string? FromValue { get; set; }

    public string? ToValue { get; set; }

    public string? Reason { get; set; }

    public AuditRecord ToRecord() =>
        new(Id, At, Actor, SubjectKind, SubjectId, Field, OrganisationId, FromValue, ToValue, Reason);
}
