using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Places;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// The agenda of a body's meeting from <see cref="MeetingAgenda.Plan"/> (collective first, leaders first, a deputy
/// chairs the head's review), with the co-chairs the secretary chose: they chair every item except their own review;
/// the head's review keeps the deputy the rules call in. With the rules' own chairs chosen (the default), the plan
/// is shown as it is, with its notes.
/// </summary>
internal static class MeetingAgendaBuilder
{
    /// <summary>Who chairs by the rules (the secretary; with the agency's head in a joint meeting): the co-chairs offered by default.</summary>
    public static IReadOnlyList<Guid> DefaultCoChairs(MeetingBody body, IReadOnlyList<MeetingBodyMember> participants) =>
        MeetingChairs.Decide(Facts(body, participants)).ChairIds;

    public static IReadOnlyList<MeetingAgendaItemView> Build(
        MeetingBody body, IReadOnlyList<MeetingBodyMember> participants, IReadOnlyCollection<Guid> coChairIds)
    {
        var facts = Facts(body, participants);
        var ruleChairs = MeetingChairs.Decide(facts).ChairIds;
        var chosen = coChairIds.Count == 0 || (coChairIds.Count == ruleChairs.Count && ruleChairs.All(coChairIds.Contains))
            ? null
            : coChairIds;
        var names = participants.ToDictionary(p => p.MemberId, p => p.FullName);
        var items = new List<MeetingAgendaItemView>();
        foreach (var item in MeetingAgenda.Plan(facts))
        {
            var (chairs, note) = chosen is null ? (item.ChairIds, item.ChairNote?.Text) : Chosen(item, chosen);
            var isCollective = item.Kind == AgendaItemKind.Collective;
            items.Add(new MeetingAgendaItemView(
                isCollective,
                item.SubjectId,
                isCollective ? body.Name : names[item.SubjectId],
                [.. chairs.Select(id => names[id])],
                note));
        }
        return items;
    }

    private static (IReadOnlyList<Guid> Chairs, string? Note) Chosen(AgendaItem item, IReadOnlyCollection<Guid> chosen)
    {
        var chairs = chosen.Where(id => id != item.SubjectId).ToList();
        if (item.ChairNote?.Code == RuleReasonCode.HeadChairedByDeputy)
        {
            chairs.AddRange(item.ChairIds.Where(id => !chairs.Contains(id)));
            return (chairs, item.ChairNote.Text);
        }
        return chairs.Count == 0 ? (chairs, RuleTexts.Reason_NoChair) : (chairs, null);
    }

    private static MeetingFacts Facts(MeetingBody body, IReadOnlyList<MeetingBodyMember> participants) =>
        new(body.Id, body.MeetingKind, ReviewsCollective: true,
            [.. participants.Select(p => new MeetingParticipant(p.MemberId, p.PartyRole, p.AgencyRole, p.IsReviewedHere))]);
}
