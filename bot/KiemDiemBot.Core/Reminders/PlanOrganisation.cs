using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Reminders;

/// <summary>An organisation as the plan reads it: no names, no members.</summary>
internal sealed record PlanOrganisation(Guid Id, OrganisationKind Kind, Guid? ParentId);
