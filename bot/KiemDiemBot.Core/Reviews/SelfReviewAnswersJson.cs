using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace KiemDiemBot.Core.Reviews;

/// <summary>
/// The stored form of <see cref="SelfReviewAnswers"/>: JSON with enum names and Vietnamese letters
/// unescaped, section I's items in the form's order, so that equal answers are equal text.
/// </summary>
internal static class SelfReviewAnswersJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(SelfReviewAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ordered = answers with { Strengths = new SortedDictionary<StrengthItem, GradedAnswer>(answers.Strengths.ToDictionary()) };
        return JsonSerializer.Serialize(ordered, Options);
    }

    public static SelfReviewAnswers Deserialize(string json) =>
        JsonSerializer.Deserialize<SelfReviewAnswers>(json, Options)
        ?? throw new InvalidOperationException("A stored self-review holds no answers.");
}
