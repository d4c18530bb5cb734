using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The secretary's view of a cell (tiến độ): totals for the whole cell, then one compact row per member of the
/// page shown (status, comments, whether the bot can reach them) with the buttons that apply to that member:
/// enter the review on their behalf, reopen a review locked by the start of the meeting, mark the residence or
/// temporary-cell comment received (or missing again).
/// At the bottom: remind now, refresh, and the other pages. Big cells are paged so the card stays well under
/// Teams' card size limit (<see cref="PageSize"/> members a page).
/// </summary>
public static class CellProgressCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>Members per page: with every button shown, a page stays around 20 KB.</summary>
    public const int PageSize = 15;

    /// <summary>The <see cref="CardDataKeys.Comment"/> value of the residence comment (Mẫu 3-213).</summary>
    public const string ResidenceComment = "residence";

    /// <summary>The <see cref="CardDataKeys.Comment"/> value of the temporary cell's comment.</summary>
    public const string TemporaryCellComment = "temporaryCell";

    public static int PageCount(int members) => Math.Max(1, (members + PageSize - 1) / PageSize);

    public static JsonObject Build(CellProgressCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var members = input.Members;
        var pages = PageCount(members.Count);
        var page = Math.Clamp(input.Page, 0, pages - 1);
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.ProgressTitle, input.Year)),
            CardElements.Paragraph(input.CellName));
        if (!string.IsNullOrWhiteSpace(input.Notice))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = input.Notice, ["color"] = "Good", ["wrap"] = true });
        }
        body.Add(CardElements.FactSet(Totals(members)));
        if (members.Count == 0)
        {
            body.Add(CardElements.Paragraph(SecretaryTexts.ProgressNoMembers));
        }
        if (pages > 1)
        {
            var first = page * PageSize;
            var last = Math.Min(members.Count, first + PageSize);
            body.Add(CardElements.Note(string.Format(culture, SecretaryTexts.ProgressPageNote, page + 1, pages, first + 1, last, members.Count)));
        }
        for (var i = page * PageSize; i < Math.Min(members.Count, (page + 1) * PageSize); i++)
        {
            body.Add(Row(input, members[i], i + 1, page));
        }
        var actions = new JsonArray();
        if (members.Any(NeedsReminder))
        {
            actions.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressRemindButton, CardVerbs.RemindCell, CardVersion, Where(input, page)));
        }
        actions.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressRefreshButton, CardVerbs.ShowCellProgress, CardVersion, Where(input, page)));
        if (page > 0)
        {
            actions.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressPreviousButton, CardVerbs.ShowCellProgress, CardVersion, Where(input, page - 1)));
        }
        if (page < pages - 1)
        {
            actions.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressNextButton, CardVerbs.ShowCellProgress, CardVersion, Where(input, page + 1)));
        }
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>Not started or still being written.</summary>
    public static bool IsNotDone(CellProgressStatus status) => status is CellProgressStatus.NotStarted or CellProgressStatus.InProgress;

    /// <summary>
    /// Reviewed this cycle, not done, and of this cell (a member here temporarily is reminded by their official
    /// cell, where their review is heard): the members a reminder goes to.
    /// </summary>
    public static bool NeedsReminder(CellProgressRow member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsReviewed && !member.IsTemporaryHere && IsNotDone(member.Status);
    }

    public static string StatusText(CellProgressStatus status) => status switch
    {
        CellProgressStatus.NotStarted => SecretaryTexts.StatusNotStarted,
        CellProgressStatus.InProgress => SecretaryTexts.StatusInProgress,
        CellProgressStatus.Submitted => SecretaryTexts.StatusSubmitted,
        CellProgressStatus.Locked => SecretaryTexts.StatusLocked,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static List<(string, string)> Totals(IReadOnlyList<CellProgressRow> members)
    {
        var culture = CultureInfo.InvariantCulture;
        var totals = new List<(string, string)>();
        foreach (var status in Enum.GetValues<CellProgressStatus>())
        {
            totals.Add((StatusText(status), members.Count(m => m.IsReviewed && m.Status == status).ToString(culture)));
        }
        var notReviewed = members.Count(m => !m.IsReviewed);
        if (notReviewed > 0)
        {
            totals.Add((SecretaryTexts.StatusNotReviewed, notReviewed.ToString(culture)));
        }
        var residenceMissing = members.Count(m => m.Residence == CommentProgress.Missing);
        if (members.Any(m => m.Residence != CommentProgress.NotExpected))
        {
            totals.Add((SecretaryTexts.ProgressResidenceMissingTotal, residenceMissing.ToString(culture)));
        }
        if (members.Any(m => m.TemporaryCell != CommentProgress.NotExpected))
        {
            totals.Add((SecretaryTexts.ProgressTemporaryMissingTotal, members.Count(m => m.TemporaryCell == CommentProgress.Missing).ToString(culture)));
        }
        var unreachable = members.Count(m => !m.Reachable);
        if (unreachable > 0)
        {
            totals.Add((SecretaryTexts.ProgressUnreachableTotal, unreachable.ToString(culture)));
        }
        return totals;
    }

    private static JsonObject Row(CellProgressCardInput input, CellProgressRow member, int number, int page)
    {
        var culture = CultureInfo.InvariantCulture;
        List<JsonNode> items =
        [
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Format(culture, SecretaryTexts.ProgressRow, number, member.FullName,
                    member.IsReviewed ? StatusText(member.Status) : SecretaryTexts.StatusNotReviewed),
                ["wrap"] = true,
            },
        ];
        var details = new List<string>();
        if (member.IsTemporaryHere)
        {
            details.Add(SecretaryTexts.ProgressTemporaryHere);
        }
        if (member.Residence != CommentProgress.NotExpected)
        {
            details.Add(member.Residence == CommentProgress.Received ? SecretaryTexts.ResidenceReceived : SecretaryTexts.ResidenceMissing);
        }
        if (member.TemporaryCell != CommentProgress.NotExpected)
        {
            details.Add(member.TemporaryCell == CommentProgress.Received ? SecretaryTexts.TemporaryReceived : SecretaryTexts.TemporaryMissing);
        }
        if (!member.Reachable)
        {
            details.Add(SecretaryTexts.ProgressUnreachable);
        }
        if (details.Count > 0)
        {
            items.Add(SecretaryCardElements.SmallNote(string.Join(" · ", details)));
        }
        var buttons = new List<JsonObject>();
        if (!member.IsReviewed || member.IsTemporaryHere)
        {
            // Nothing to enter or mark here: the member is not reviewed, or their official cell keeps their record.
            return SecretaryCardElements.Section(items);
        }
        if (IsNotDone(member.Status))
        {
            buttons.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressProxyButton, CardVerbs.EnterSelfReviewByProxy, CardVersion,
                (CardDataKeys.MemberId, member.MemberId.ToString("D")),
                (CardDataKeys.Cycle, input.CycleId.ToString("D"))));
        }
        if (member.Status == CellProgressStatus.Locked)
        {
            buttons.Add(SecretaryCardElements.Submit(SecretaryTexts.ProgressUnlockButton, CardVerbs.UnlockSelfReview, CardVersion,
                [(CardDataKeys.MemberId, member.MemberId.ToString("D")), .. Where(input, page)]));
        }
        AddCommentButton(buttons, input, member, page, ResidenceComment, member.Residence,
            SecretaryTexts.ProgressResidenceReceivedButton, SecretaryTexts.ProgressResidenceUndoButton);
        AddCommentButton(buttons, input, member, page, TemporaryCellComment, member.TemporaryCell,
            SecretaryTexts.ProgressTemporaryReceivedButton, SecretaryTexts.ProgressTemporaryUndoButton);
        if (buttons.Count > 0)
        {
            items.Add(SecretaryCardElements.ActionSet(buttons));
        }
        return SecretaryCardElements.Section(items);
    }

    private static void AddCommentButton(
        List<JsonObject> buttons, CellProgressCardInput input, CellProgressRow member, int page, string comment, CommentProgress state,
        string receivedTitle, string undoTitle)
    {
        if (state == CommentProgress.NotExpected)
        {
            return;
        }
        var received = state == CommentProgress.Missing;
        buttons.Add(SecretaryCardElements.Submit(received ? receivedTitle : undoTitle, CardVerbs.MarkReviewComment, CardVersion,
            [
                (CardDataKeys.MemberId, member.MemberId.ToString("D")),
                (CardDataKeys.Comment, comment),
                (CardDataKeys.Received, received),
                .. Where(input, page),
            ]));
    }

    private static (string, JsonNode?)[] Where(CellProgressCardInput input, int page) =>
    [
        (CardDataKeys.Cell, input.CellId.ToString("D")),
        (CardDataKeys.Cycle, input.CycleId.ToString("D")),
        (CardDataKeys.Page, page),
    ];
}
