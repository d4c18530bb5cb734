using System.Globalization;
using System.Text;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.DirectorySync;

/// <summary>The Vietnamese lines the <c>sync</c> command prints (the resources themselves stay internal to Core).</summary>
public static class RosterSyncCommandTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string HelpLink => DirectorySyncTexts.HelpLink;

    public static string HelpSync => DirectorySyncTexts.HelpSync;

    public static string Usage => DirectorySyncTexts.Usage;

    public static string NotEnabled => DirectorySyncTexts.NotEnabled;

    public static string NoLinks => DirectorySyncTexts.NoLinks;

    public static string OrganisationNotFound(string code) => string.Format(Vietnamese, DirectorySyncTexts.OrganisationNotFound, code);

    public static string GroupNotFound(string groupId) => string.Format(Vietnamese, DirectorySyncTexts.GroupNotFound, groupId);

    public static string Linked(string organisationName, string groupName, string groupId) =>
        string.Format(Vietnamese, DirectorySyncTexts.Linked, organisationName, groupName, groupId);

    public static string NotLinked(string code) => string.Format(Vietnamese, DirectorySyncTexts.NotLinked, code);

    public static string Failed(string code, string failure) => string.Format(Vietnamese, DirectorySyncTexts.Failed, code, failure);

    /// <summary>The report, line by line: a title, then each of the four lists with its count.</summary>
    public static IReadOnlyList<string> Report(RosterSyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            string.Format(Vietnamese, DirectorySyncTexts.ReportTitle, report.OrganisationName, report.OrganisationCode, report.GroupId,
                report.Round == RosterSyncRound.Full ? DirectorySyncTexts.RoundFull : DirectorySyncTexts.RoundDelta),
            string.Format(Vietnamese, DirectorySyncTexts.Matched, report.Matched.Count),
        };
        if (report.NewlyLinked > 0)
        {
            lines.Add(string.Format(Vietnamese, DirectorySyncTexts.NewlyLinked, report.NewlyLinked));
        }
        AddList(lines, DirectorySyncTexts.NewInGroup, report.NewInGroup);
        AddList(lines, DirectorySyncTexts.MissingFromGroup, report.MissingFromGroup);
        AddList(lines, DirectorySyncTexts.Left, report.Left);
        return lines;
    }

    private static void AddList(List<string> lines, string heading, IReadOnlyList<RosterSyncPerson> people)
    {
        if (people.Count == 0)
        {
            return;
        }
        lines.Add(string.Format(Vietnamese, heading, people.Count));
        lines.AddRange(people.Select(Person));
    }

    private static string Person(RosterSyncPerson person)
    {
        var line = new StringBuilder(string.Format(Vietnamese, DirectorySyncTexts.Person, person.Name));
        if (person.MemberCode is { } code)
        {
            line.Append(string.Format(Vietnamese, DirectorySyncTexts.PersonCode, code));
        }
        if (person.Email is { } email)
        {
            line.Append(string.Format(Vietnamese, DirectorySyncTexts.PersonEmail, email));
        }
        if (person.JobTitle is { } jobTitle)
        {
            line.Append(string.Format(Vietnamese, DirectorySyncTexts.PersonJobTitle, jobTitle));
        }
        return line.ToString();
    }
}
