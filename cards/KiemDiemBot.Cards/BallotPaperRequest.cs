using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Which ballot paper is asked for, by ids only: the minutes (biên bản) of a closed ballot's meeting, or the ranking
/// list (danh sách xếp loại) of a body in a cycle. It is what the export buttons submit and what a Teams file consent
/// card carries back (never a file's content or anyone's name).
/// </summary>
public sealed record BallotPaperRequest
{
    /// <summary>The value of the "file" key in a file consent card's context for a ballot paper.</summary>
    public const string ConsentFile = "ballotPaper";

    /// <summary>Raise when the buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    private const string FileKey = "file";

    private BallotPaperRequest(Guid? ballotId, Guid? cycleId, Guid? bodyId)
    {
        BallotId = ballotId;
        CycleId = cycleId;
        BodyId = bodyId;
    }

    /// <summary>The closed ballot whose meeting's minutes are asked for; null for a ranking list.</summary>
    public Guid? BallotId { get; }

    /// <summary>The cycle of a ranking list; null for minutes.</summary>
    public Guid? CycleId { get; }

    /// <summary>The organisation of a ranking list; null for minutes.</summary>
    public Guid? BodyId { get; }

    public bool IsMinutes => BallotId is not null;

    /// <summary>The card verb that asks for this paper.</summary>
    public string Verb => IsMinutes ? CardVerbs.ExportMinutes : CardVerbs.ExportRankingList;

    /// <summary>What the paper is called on cards, e.g. "Biên bản họp".</summary>
    public string Title => IsMinutes ? BallotPaperTexts.Title_Minutes : BallotPaperTexts.Title_RankingList;

    public static BallotPaperRequest Minutes(Guid ballotId) => new(ballotId, null, null);

    public static BallotPaperRequest RankingList(Guid cycleId, Guid bodyId) => new(null, cycleId, bodyId);

    /// <summary>The request a submit of <paramref name="verb"/> names in its data; null when the ids are missing.</summary>
    public static BallotPaperRequest? FromSubmit(string verb, JsonObject? value) => verb switch
    {
        CardVerbs.ExportMinutes when ReadId(value, CardDataKeys.Ballot) is { } ballot => Minutes(ballot),
        CardVerbs.ExportRankingList when ReadId(value, CardDataKeys.Cycle) is { } cycle && ReadId(value, CardDataKeys.Body) is { } body => RankingList(cycle, body),
        _ => null,
    };

    /// <summary>A button that asks for this paper again.</summary>
    public JsonObject Button(string title)
    {
        var button = CardActions.Submit(title, Verb, step: null, CardVersion);
        WriteIds(button["data"]!.AsObject());
        return button;
    }

    /// <summary>The file consent card's context: the kind of file and the ids.</summary>
    public JsonObject ToConsentContext()
    {
        var context = new JsonObject { [FileKey] = ConsentFile };
        WriteIds(context);
        return context;
    }

    /// <summary>Reads a context written by <see cref="ToConsentContext"/>; null when it is not one.</summary>
    public static BallotPaperRequest? FromConsentContext(JsonNode? context)
    {
        if (context is not JsonObject value || value[FileKey] is not JsonValue file || !file.TryGetValue<string>(out var kind) || kind != ConsentFile)
        {
            return null;
        }
        return ReadId(value, CardDataKeys.Ballot) is { } ballot ? Minutes(ballot)
            : ReadId(value, CardDataKeys.Cycle) is { } cycle && ReadId(value, CardDataKeys.Body) is { } body ? RankingList(cycle, body)
            : null;
    }

    private void WriteIds(JsonObject data)
    {
        if (BallotId is { } ballot)
        {
            data[CardDataKeys.Ballot] = ballot.ToString("D", CultureInfo.InvariantCulture);
        }
        else
        {
            data[CardDataKeys.Cycle] = CycleId!.Value.ToString("D", CultureInfo.InvariantCulture);
            data[CardDataKeys.Body] = BodyId!.Value.ToString("D", CultureInfo.InvariantCulture);
        }
    }

    private static Guid? ReadId(JsonObject? value, string key) =>
        value?[key] is JsonValue node && node.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;
}
