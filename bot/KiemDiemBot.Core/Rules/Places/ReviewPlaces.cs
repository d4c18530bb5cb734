using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Places;

/// <summary>
/// Where a member reviews, in order (nơi và thứ tự kiểm điểm, seed I.A.2.2). Always the cell first.
/// With fewer than three posts: then each workplace leadership collective the member sits on, then
/// the committees their posts send them to, lower tiers first (a cell committee member reviews at
/// the cell; a grassroots or superior executive committee member reviews at their workplace
/// leadership, or at the committee when they sit on no leadership collective; heads and deputies
/// also before the workplace's grassroots committee). With posts in three places or more (posts in
/// one organisation's committee, executive or standing, count as one place): (1) the cell,
/// (2) the workplace leadership collective, (3) the highest committee the member sits on.
/// In both cases the places the competent level decided come last.
/// </summary>
public static class ReviewPlaces
{
    private const int ManyPosts = 3;

    public static IReadOnlyList<ReviewPlace> For(MemberPostFacts member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var places = new List<ReviewPlace>
        {
            new(member.Cell, ReviewFocus.PartyMemberDuties, RuleReason.Of(RuleReasonCode.PlaceCell, RuleTexts.Reason_PlaceCell)),
        };
        if (CountPlaces(member.Posts) >= ManyPosts)
        {
            AddForManyPosts(member, places);
        }
        else
        {
            AddForFewPosts(member, places);
        }
        foreach (var body in member.PlacesDecidedByCompetentLevel)
        {
            Add(places, body, ReviewFocus.DecidedByCompetentLevel, RuleReasonCode.PlaceDecidedByCompetentLevel, RuleTexts.Reason_PlaceDecidedByCompetentLevel);
        }
        return places;
    }

    /// <summary>
    /// How many places the posts are held in: posts in one party committee (secretary, standing
    /// committee member and executive committee member of the same organisation) count once.
    /// </summary>
    private static int CountPlaces(IReadOnlyList<PostFacts> posts) =>
        posts.Select(post => post.Body.PlaceId).Distinct().Count();

    private static void AddForManyPosts(MemberPostFacts member, List<ReviewPlace> places)
    {
        var workplace = member.Posts
            .Where(post => post.Body.Kind == BodyKind.WorkplaceLeadership)
            .OrderByDescending(post => post.Role)
            .FirstOrDefault();
        if (workplace is not null)
        {
            Add(places, workplace.Body, ReviewFocus.PostDuties, RuleReasonCode.PlaceWorkplaceLeadership, RuleTexts.Reason_PlaceWorkplaceLeadership);
        }
        var highest = member.Posts
            .Where(post => post.Body.Kind == BodyKind.Committee)
            .OrderByDescending(post => post.Body.Tier)
            .FirstOrDefault();
        if (highest is not null)
        {
            Add(places, highest.Body, ReviewFocus.PostDuties, RuleReasonCode.PlaceHighestCommittee, RuleTexts.Reason_PlaceHighestCommittee);
        }
    }

    private static void AddForFewPosts(MemberPostFacts member, List<ReviewPlace> places)
    {
        var workplaces = member.Posts.Where(post => post.Body.Kind == BodyKind.WorkplaceLeadership).ToList();
        foreach (var post in workplaces)
        {
            Add(places, post.Body, ReviewFocus.PostDuties, RuleReasonCode.PlaceWorkplaceLeadership, RuleTexts.Reason_PlaceWorkplaceLeadership);
        }
        var committees = new List<(BodyFacts Body, RuleReasonCode Code, string Text)>();
        foreach (var post in member.Posts.Where(post => post.Body.Kind == BodyKind.Committee))
        {
            var reviewsAtCommittee = post.Body.Tier switch
            {
                CommitteeTier.CellCommittee => false,
                CommitteeTier.GrassrootsCommittee or CommitteeTier.SuperiorCommittee => workplaces.Count == 0,
                _ => true,
            };
            if (reviewsAtCommittee)
            {
                committees.Add((post.Body, RuleReasonCode.PlaceCommittee, RuleTexts.Reason_PlaceCommittee));
            }
        }
        var headsWorkplace = workplaces.Any(post => post.Role is PostRole.Head or PostRole.Deputy);
        if (headsWorkplace && member.WorkplaceGrassrootsCommittee is { } grassroots)
        {
            committees.Add((grassroots, RuleReasonCode.PlaceGrassrootsCommitteeOfHead, RuleTexts.Reason_PlaceGrassrootsCommitteeOfHead));
        }
        foreach (var (body, code, text) in committees.OrderBy(committee => committee.Body.Tier))
        {
            Add(places, body, ReviewFocus.PostDuties, code, text);
        }
    }

    private static void Add(List<ReviewPlace> places, BodyFacts body, ReviewFocus focus, RuleReasonCode code, string text)
    {
        if (places.Exists(place => place.Body.BodyId == body.BodyId))
        {
            return;
        }
        places.Add(new ReviewPlace(body, focus, RuleReason.Of(code, text)));
    }
}
