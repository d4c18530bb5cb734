using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// A flow step: the secretary sets up a ballot in the meeting chat. The kind of subjects (members, the organisation, a
/// leadership collective), a toggle per member subject (all ticked, agenda order), the collective to rank, a presence
/// toggle per official member (ticked by default), probationary and exempt members listed with why they cannot be
/// ticked, the quorum, and, when a submit was below it, the toggle confirming the override. The flow engine stamps
/// the flow data on the button.
/// </summary>
public static class BallotSetupCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public const string KindInput = "kind";
    public const string CollectiveInput = "collective";
    public const string OverrideInput = "override";
    public const string MembersValue = "member";
    public const string OrganisationValue = "organisation";
    public const string CollectiveValue = "collective";
    public const string On = "true";
    public const string Off = "false";

    /// <summary>The toggle that puts a member subject on the ballot.</summary>
    public static string SubjectInputId(string key) => "m." + key;

    /// <summary>The toggle that marks an official member present.</summary>
    public static string PresentInputId(string key) => "p." + key;

    public static JsonObject Build(BallotSetupCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, BallotCardTexts.SetupTitle, input.BodyName)),
            SecretaryCardElements.SmallNote(BallotCardTexts.SetupIntro));
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        List<(string Title, string Value)> kinds = [(BallotCardTexts.SetupKindMembers, MembersValue)];
        if (input.OrganisationName is { } organisation)
        {
            kinds.Add((string.Format(culture, BallotCardTexts.SetupKindOrganisation, organisation), OrganisationValue));
        }
        if (input.Collectives.Count > 0)
        {
            kinds.Add((BallotCardTexts.SetupKindCollective, CollectiveValue));
        }
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = KindInput,
            ["label"] = BallotCardTexts.SetupKindLabel,
            ["style"] = "expanded",
            ["isRequired"] = true,
            ["errorMessage"] = BallotCardTexts.SetupRequired,
            ["value"] = input.Kind switch
            {
                BallotSetupKind.Organisation => OrganisationValue,
                BallotSetupKind.Collective => CollectiveValue,
                _ => MembersValue,
            },
            ["choices"] = new JsonArray([.. kinds.Select(k => (JsonNode)new JsonObject { ["title"] = k.Title, ["value"] = k.Value })]),
        });
        if (input.MemberSubjects.Count > 0)
        {
            List<JsonNode> members =
            [
                CardElements.Heading(BallotCardTexts.SetupMembersHeading),
                SecretaryCardElements.SmallNote(BallotCardTexts.SetupMembersHint),
            ];
            var number = 0;
            foreach (var subject in input.MemberSubjects)
            {
                number++;
                members.Add(Toggle(SubjectInputId(Checked(subject.Key)), CardElements.Numbered(number, subject.Name), subject.Ticked));
            }
            body.Add(SecretaryCardElements.Section(members));
        }
        if (input.Collectives.Count > 0)
        {
            var chosen = input.Collectives.FirstOrDefault(c => c.Ticked) ?? input.Collectives[0];
            body.Add(SecretaryCardElements.ChoiceInput(
                CollectiveInput,
                BallotCardTexts.SetupCollectiveLabel,
                Checked(chosen.Key),
                input.Collectives.Select(c => (c.Name, Checked(c.Key)))));
        }
        List<JsonNode> attendance =
        [
            CardElements.Heading(BallotCardTexts.SetupAttendanceHeading),
            SecretaryCardElements.SmallNote(BallotCardTexts.SetupAttendanceHint),
        ];
        foreach (var attendee in input.Attendance)
        {
            attendance.Add(attendee.Kind switch
            {
                BallotSetupAttendeeKind.Official => Toggle(PresentInputId(Checked(attendee.Key)), attendee.Name, attendee.Present),
                BallotSetupAttendeeKind.Probationary => SecretaryCardElements.SmallNote(string.Format(culture, BallotCardTexts.SetupProbationary, attendee.Name)),
                _ => SecretaryCardElements.SmallNote(string.Format(culture, BallotCardTexts.SetupExempt, attendee.Name)),
            });
        }
        body.Add(SecretaryCardElements.Section(attendance));
        var quorum = input.Quorum;
        body.Add(CardElements.Paragraph(string.Format(
            culture, BallotCardTexts.SetupQuorum, quorum.Summoned, quorum.MinimumPresent, quorum.Numerator, quorum.Denominator)));
        if (quorum.Warning is { } warning)
        {
            body.Add(SecretaryCardElements.Warning(warning));
        }
        if (input.AskOverride)
        {
            body.Add(Toggle(OverrideInput, BallotCardTexts.SetupOverrideToggle, value: false));
        }
        var actions = new JsonArray(CardActions.Submit(BallotCardTexts.SetupSubmit, CardVerbs.FlowSubmit, step: null, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }

    private static JsonObject Toggle(string id, string title, bool value) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = id,
        ["title"] = title,
        ["value"] = value ? On : Off,
        ["valueOn"] = On,
        ["valueOff"] = Off,
        ["wrap"] = true,
    };

    private static string Checked(string key) =>
        key.Length > 0 && key.All(char.IsAsciiLetterOrDigit)
            ? key
            : throw new ArgumentException($"The key '{key}' must be letters and digits.", nameof(key));
}
