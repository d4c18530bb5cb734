using System.Globalization;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// Turns the sheets' text into typed rows: finds the tables by sheet name and the columns by header
/// (ignoring case and diacritics), and reads every value, reporting each one it cannot read.
/// </summary>
internal static class RosterParser
{
    public static ParsedRoster Parse(RosterWorkbook workbook, DateOnly today)
    {
        var parsed = new ParsedRoster();
        parsed.Errors.AddRange(workbook.ReadErrors);
        if (workbook.ReadErrors.Count > 0 && workbook.Sheets.Count == 0)
        {
            return parsed;
        }
        var sheets = new Dictionary<RosterTable, RosterSheet>();
        foreach (var sheet in workbook.Sheets)
        {
            if (RosterSchema.TableOf(sheet.Name) is not { } table)
            {
                continue;
            }
            if (!sheets.TryAdd(table, sheet))
            {
                parsed.AddError(sheet.Name, 0, Format(RosterTexts.Error_DuplicateSheet, RosterSchema.SheetName(table), sheets[table].Name, sheet.Name));
            }
        }
        foreach (var table in RosterSchema.Tables)
        {
            if (!sheets.TryGetValue(table, out var sheet))
            {
                if (RosterSchema.IsRequired(table))
                {
                    parsed.AddError(RosterSchema.SheetName(table), 0, Format(RosterTexts.Error_MissingSheet, RosterSchema.SheetName(table)));
                }
                continue;
            }
            if (table == RosterTable.Positions)
            {
                parsed.Positions = [];
            }
            if (MapColumns(parsed, table, sheet) is not { } columns)
            {
                continue;
            }
            var reader = new RosterRowReader(parsed, sheet.Name, columns, today);
            foreach (var row in sheet.Rows.Skip(1))
            {
                reader.Row = row;
                ReadRow(parsed, table, sheet.Name, reader);
            }
        }
        return parsed;
    }

    private static Dictionary<RosterColumn, int>? MapColumns(ParsedRoster parsed, RosterTable table, RosterSheet sheet)
    {
        var header = sheet.Rows.Count > 0 ? sheet.Rows[0] : new RosterRow(1, []);
        var columns = new Dictionary<RosterColumn, int>();
        foreach (var column in RosterSchema.Columns(table))
        {
            var key = RosterSchema.Compact(column.Header);
            for (var i = 0; i < header.Cells.Count; i++)
            {
                if (RosterSchema.Compact(header.Cells[i]) == key)
                {
                    columns[column] = i;
                    break;
                }
            }
        }
        var missing = RosterSchema.Columns(table).Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            parsed.AddError(sheet.Name, header.Line, Format(RosterTexts.Error_MissingColumn, column.Header));
        }
        return missing.Count == 0 ? columns : null;
    }

    private static void ReadRow(ParsedRoster parsed, RosterTable table, string sheet, RosterRowReader reader)
    {
        var line = reader.Row.Line;
        switch (table)
        {
            case RosterTable.Organisations:
            {
                var code = reader.Required(RosterSchema.OrganisationCode);
                var name = reader.Required(RosterSchema.OrganisationName);
                var kind = reader.Word(RosterSchema.OrganisationKind, RosterWords.Kinds, RosterTexts.Error_UnknownKind);
                if (code is not null)
                {
                    parsed.Organisations.Add(new OrganisationRow(sheet, line, code, name ?? code, kind, reader.Optional(RosterSchema.OrganisationParentCode)));
                }
                break;
            }
            case RosterTable.Members:
            {
                var row = ReadMember(sheet, reader);
                if (row is not null)
                {
                    parsed.Members.Add(row);
                }
                break;
            }
            case RosterTable.Positions:
            {
                var memberCode = reader.Required(RosterSchema.PositionMemberCode);
                var bodyCode = reader.Required(RosterSchema.PositionBodyCode);
                var title = reader.Word(RosterSchema.PositionTitle, RosterWords.Titles, RosterTexts.Error_UnknownTitle);
                if (memberCode is not null && bodyCode is not null)
                {
                    parsed.Positions!.Add(new PositionRow(sheet, line, memberCode, bodyCode, title));
                }
                break;
            }
        }
    }

    private static MemberRow? ReadMember(string sheet, RosterRowReader reader)
    {
        var code = reader.Required(RosterSchema.MemberCode);
        var fullName = reader.Required(RosterSchema.MemberFullName);
        var email = reader.Optional(RosterSchema.MemberEmail);
        if (email is not null && !RosterValues.IsEmail(email))
        {
            reader.Error(RosterTexts.Error_BadEmail, email);
            email = null;
        }
        var dateOfBirth = reader.Date(RosterSchema.MemberDateOfBirth);
        var cellCode = reader.Required(RosterSchema.MemberCellCode);
        var temporaryCellCode = reader.Optional(RosterSchema.MemberTemporaryCellCode);
        var membership = reader.Word(RosterSchema.MemberMembership, RosterWords.Memberships, RosterTexts.Error_UnknownMembership);
        var admittedOn = reader.Date(RosterSchema.MemberAdmittedOn);
        var status = reader.Optional(RosterSchema.MemberStatus) is null
            ? MemberStatus.Active
            : reader.Word(RosterSchema.MemberStatus, RosterWords.Statuses, RosterTexts.Error_UnknownStatus);
        var (discipline, disciplinedOn) = ReadDiscipline(reader);
        var disciplineAlreadyCounted = reader.Answer(RosterSchema.MemberDisciplineAlreadyCounted);
        var longSickLeave = reader.Answer(RosterSchema.MemberLongSickLeave);
        var civilServant = reader.Answer(RosterSchema.MemberCivilServant);
        if (admittedOn is { } admitted && dateOfBirth is { } born && admitted < born)
        {
            reader.Error(RosterTexts.Error_AdmittedBeforeBirth, RosterValues.Format(admitted), RosterValues.Format(born));
        }
        if (temporaryCellCode is not null && cellCode is not null && RosterCodes.Key(temporaryCellCode) == RosterCodes.Key(cellCode))
        {
            reader.Error(RosterTexts.Error_SameTemporaryCell);
        }
        if (code is null)
        {
            return null;
        }
        return new MemberRow(sheet, reader.Row.Line, code, fullName ?? code)
        {
            Email = email,
            DateOfBirth = dateOfBirth,
            CellCode = cellCode,
            TemporaryCellCode = temporaryCellCode,
            Membership = membership,
            AdmittedOn = admittedOn,
            Status = status,
            Discipline = discipline,
            DisciplinedOn = disciplinedOn,
            DisciplineAlreadyCounted = disciplineAlreadyCounted,
            LongSickLeave = longSickLeave,
            IsCivilServant = civilServant,
        };
    }

    /// <summary>"Khiển trách 15/03/2022": the form and the decision's date, both needed.</summary>
    private static (DisciplineSeverity? Severity, DateOnly? On) ReadDiscipline(RosterRowReader reader)
    {
        var column = RosterSchema.MemberDiscipline;
        if (reader.Optional(column) is not { } text)
        {
            return (null, null);
        }
        if (!RosterValues.TrySplitDate(text, out var form, out var date)
            || !RosterWords.Disciplines.TryMatch(form, out var severity))
        {
            reader.Error(RosterTexts.Error_BadDiscipline, text, RosterWords.Disciplines.Choices);
            return (null, null);
        }
        if (date > reader.Today)
        {
            reader.Error(RosterTexts.Error_FutureDate, column.Header, RosterValues.Format(date));
            return (null, null);
        }
        return (severity, date);
    }

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.GetCultureInfo("vi-VN"), format, arguments);
}
