using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>A ToChuc row as read; a value that could not be read is null (its error is already reported).</summary>
internal sealed record OrganisationRow(string Sheet, int Line, string Code, string Name, OrganisationKind? Kind, string? ParentCode);
