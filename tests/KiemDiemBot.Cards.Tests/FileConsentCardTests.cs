using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>Teams' file consent card: what it shows and what it carries back to the bot.</summary>
public sealed class FileConsentCardTests
{
    private static readonly Guid Review = Guid.Parse("4d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d");

    [Fact]
    public void Build_Contexts_CarryOnlyTheReviewsIdsAndReadBack()
    {
        var card = FileConsentCard.Build(new FileConsentCardInput(2026, 48_213, new FileConsentContext(Review, 7)));

        foreach (var key in new[] { "acceptContext", "declineContext" })
        {
            var context = card[key]!.AsObject();
            Assert.Equal(["file", "reviewId", "version"], context.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(new FileConsentContext(Review, 7), FileConsentContext.TryRead(context));
        }
        Assert.Equal(48_213, (long)card["sizeInBytes"]!);
        Assert.Contains("2026", (string)card["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ContextTeamsHandsBackWithTheVersionAsText_ReadsIt()
    {
        var context = new JsonObject { ["file"] = "selfReview", ["reviewId"] = Review.ToString(), ["version"] = "7" };

        Assert.Equal(new FileConsentContext(Review, 7), FileConsentContext.TryRead(context));
    }

    [Theory]
    [InlineData("""{"file":"ballot","reviewId":"4d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d","version":7}""")]
    [InlineData("""{"file":"selfReview","reviewId":"not-a-guid","version":7}""")]
    [InlineData("""{"file":"selfReview","reviewId":"4d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d"}""")]
    [InlineData("""{"filename":"Ban-tu-kiem-diem.docx"}""")]
    [InlineData("\"selfReview\"")]
    public void TryRead_NotAContextTheBotWrote_IsNull(string json)
    {
        Assert.Null(FileConsentContext.TryRead(JsonNode.Parse(json)));
    }
}
