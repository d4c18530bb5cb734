using System.Globalization;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// The checks across rows and against the database: duplicate codes and e-mails, unknown parents,
/// cells, members and organisations, kinds that cannot sit where they are put, loops in the tree,
/// posts that do not fit their body. The tree checked is the database's with the roster's rows over it.
/// </summary>
internal static class RosterValidator
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static void Validate(ParsedRoster parsed, RosterSnapshot snapshot)
    {
        CheckExampleRows(parsed);
        var tree = MergeOrganisations(parsed, snapshot);
        CheckPlacement(parsed, tree);
        CheckLoops(parsed, tree);
        CheckMembers(parsed, snapshot, tree);
        CheckPositions(parsed, snapshot, tree);
    }

    /// <summary>The template's example rows (codes starting with VD-) are refused, one line each.</summary>
    private static void CheckExampleRows(ParsedRoster parsed)
    {
        foreach (var row in parsed.Organisations.Where(r => RosterCodes.IsExample(r.Code)))
        {
            Error(parsed, row.Sheet, row.Line, RosterTexts.Error_ExampleRow, row.Code, RosterCodes.ExamplePrefix);
        }
        foreach (var row in parsed.Members.Where(r => RosterCodes.IsExample(r.Code)))
        {
            Error(parsed, row.Sheet, row.Line, RosterTexts.Error_ExampleRow, row.Code, RosterCodes.ExamplePrefix);
        }
        foreach (var row in parsed.Positions ?? [])
        {
            if (new[] { row.MemberCode, row.BodyCode }.FirstOrDefault(RosterCodes.IsExample) is { } code)
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_ExampleRow, code, RosterCodes.ExamplePrefix);
            }
        }
    }

    private sealed record Node(string Code, OrganisationKind? Kind, string? ParentKey, OrganisationRow? Row)
    {
        public bool ParentUnknown { get; init; }
    }

    private static Dictionary<string, Node> MergeOrganisations(ParsedRoster parsed, RosterSnapshot snapshot)
    {
        var keyById = snapshot.Organisations.ToDictionary(pair => pair.Value.Id, pair => pair.Key);
        var tree = snapshot.Organisations.ToDictionary(
            pair => pair.Key,
            pair => new Node(pair.Value.Code, pair.Value.Kind, pair.Value.ParentId is { } parentId ? keyById[parentId] : null, null));
        var seen = new Dictionary<string, OrganisationRow>();
        foreach (var row in parsed.Organisations)
        {
            var key = RosterCodes.Key(row.Code);
            if (seen.TryGetValue(key, out var first))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_DuplicateCode, row.Code, first.Line);
                continue;
            }
            seen[key] = row;
            tree[key] = new Node(row.Code, row.Kind, row.ParentCode is null ? null : RosterCodes.Key(row.ParentCode), row);
        }
        foreach (var row in seen.Values)
        {
            var key = RosterCodes.Key(row.Code);
            if (tree[key].ParentKey is { } parentKey && !tree.ContainsKey(parentKey))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_UnknownParent, row.ParentCode!);
                tree[key] = tree[key] with { ParentUnknown = true };
            }
        }
        return tree;
    }

    private static void CheckPlacement(ParsedRoster parsed, Dictionary<string, Node> tree)
    {
        foreach (var node in tree.Values)
        {
            if (node.Kind is not { } kind || node.ParentUnknown)
            {
                continue;
            }
            var parent = node.ParentKey is { } parentKey ? tree[parentKey] : null;
            if (node.Row is null && parent?.Row is null)
            {
                continue;
            }
            if (parent is { Kind: null })
            {
                continue;
            }
            if (kind.CanSitUnder(parent?.Kind))
            {
                continue;
            }
            var (sheet, line) = node.Row is { } row ? (row.Sheet, row.Line) : (parent!.Row!.Sheet, parent.Row.Line);
            if (parent is null)
            {
                Error(parsed, sheet, line, RosterTexts.Error_ParentRequired, kind.DisplayName());
            }
            else
            {
                Error(parsed, sheet, line, RosterTexts.Error_ParentKindMismatch, kind.DisplayName(), parent.Kind!.Value.DisplayName(), parent.Code);
            }
        }
    }

    private static void CheckLoops(ParsedRoster parsed, Dictionary<string, Node> tree)
    {
        foreach (var (key, node) in tree)
        {
            if (node.Row is null)
            {
                continue;
            }
            var path = new List<string> { node.Code };
            var visited = new HashSet<string> { key };
            var current = node.ParentUnknown ? null : node.ParentKey;
            while (current is not null && tree.TryGetValue(current, out var parent))
            {
                path.Add(parent.Code);
                if (current == key)
                {
                    Error(parsed, node.Row.Sheet, node.Row.Line, RosterTexts.Error_TreeCycle, string.Join(" → ", path));
                    break;
                }
                if (!visited.Add(current))
                {
                    break;
                }
                current = parent.ParentUnknown ? null : parent.ParentKey;
            }
        }
    }

    private static void CheckMembers(ParsedRoster parsed, RosterSnapshot snapshot, Dictionary<string, Node> tree)
    {
        var fileKeys = new Dictionary<string, MemberRow>();
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = parsed.Members.Select(m => RosterCodes.Key(m.Code)).ToHashSet();
        foreach (var (key, member) in snapshot.Members)
        {
            if (!listed.Contains(key) && member.EmailKey is { } emailKey)
            {
                emails[emailKey] = member.Code;
            }
        }
        foreach (var row in parsed.Members)
        {
            var key = RosterCodes.Key(row.Code);
            if (fileKeys.TryGetValue(key, out var first))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_DuplicateCode, row.Code, first.Line);
                continue;
            }
            fileKeys[key] = row;
            if (Member.ToEmailKey(row.Email) is { } emailKey && !emails.TryAdd(emailKey, row.Code))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_DuplicateEmail, row.Email!, emails[emailKey]);
            }
            CheckCell(parsed, row, RosterSchema.MemberCellCode, row.CellCode, tree);
            CheckCell(parsed, row, RosterSchema.MemberTemporaryCellCode, row.TemporaryCellCode, tree);
        }
    }

    private static void CheckCell(ParsedRoster parsed, MemberRow row, RosterColumn column, string? code, Dictionary<string, Node> tree)
    {
        if (code is null)
        {
            return;
        }
        if (!tree.TryGetValue(RosterCodes.Key(code), out var cell))
        {
            Error(parsed, row.Sheet, row.Line, RosterTexts.Error_UnknownCell, column.Header, code);
        }
        else if (cell.Kind is { } kind && !kind.IsCell())
        {
            Error(parsed, row.Sheet, row.Line, RosterTexts.Error_NotACell, column.Header, code, kind.DisplayName());
        }
    }

    private static void CheckPositions(ParsedRoster parsed, RosterSnapshot snapshot, Dictionary<string, Node> tree)
    {
        if (parsed.Positions is not { } positions)
        {
            return;
        }
        var members = parsed.Members.Select(m => RosterCodes.Key(m.Code)).ToHashSet();
        members.UnionWith(snapshot.Members.Keys);
        var seen = new Dictionary<(string, string, PositionTitle), PositionRow>();
        foreach (var row in positions)
        {
            var memberKey = RosterCodes.Key(row.MemberCode);
            var bodyKey = RosterCodes.Key(row.BodyCode);
            if (!members.Contains(memberKey))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_UnknownMember, row.MemberCode);
            }
            if (!tree.TryGetValue(bodyKey, out var body))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_UnknownOrganisation, row.BodyCode);
            }
            else if (row.Title is { } title && body.Kind is { } kind && !title.FitsBody(kind))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_TitleDoesNotFitBody, title.DisplayName(), kind.DisplayName(), body.Code);
            }
            if (row.Title is { } held && !seen.TryAdd((memberKey, bodyKey, held), row))
            {
                Error(parsed, row.Sheet, row.Line, RosterTexts.Error_DuplicatePosition, seen[(memberKey, bodyKey, held)].Line);
            }
        }
    }

    private static void Error(ParsedRoster parsed, string sheet, int line, string format, params object[] arguments) =>
        parsed.AddError(sheet, line, string.Format(Vietnamese, format, arguments));
}
