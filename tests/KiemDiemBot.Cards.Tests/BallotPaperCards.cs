using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The ballot paper cards (minutes and ranking list) in each variant, for the card catalogue.</summary>
internal static class BallotPaperCards
{
    private static readonly BallotPaperRequest Minutes = BallotPaperRequest.Minutes(Guid.Parse("0b6f8f7e-2a41-4c3e-9d1a-5e7c3b2a1f00"));
    private static readonly BallotPaperRequest RankingList = BallotPaperRequest.RankingList(
        Guid.Parse("6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d"), Guid.Parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"));

    public static IEnumerable<(string Name, JsonObject Card)> All() =>
    [
        ("ballot-paper-download-minutes", BallotPaperDownloadCard.Build(new BallotPaperDownloadCardInput(
            Minutes, "Bien-ban-2026-Chi-Bo-Van-Phong-So.docx", new Uri("http://127.0.0.1:3978/files/papers/dGVzdA.c2lnbmF0dXJl"), 10))),
        ("ballot-paper-download-ranking-list", BallotPaperDownloadCard.Build(new BallotPaperDownloadCardInput(
            RankingList, "Danh-sach-xep-loai-2026-Dang-Bo-Co-So-Mau.xlsx", new Uri("http://127.0.0.1:3978/files/papers/dGVzdA.c2lnbmF0dXJl"), 10))),
        ("ballot-paper-ready", BallotPaperReadyCard.Build(new BallotPaperReadyCardInput(Minutes, "Chi bộ Văn phòng Sở", 2026))),
        ("ballot-paper-sent", BallotPaperOfferResultCard.Build(new BallotPaperOfferResultCardInput(Minutes, FileOfferResult.Sent))),
        ("ballot-paper-declined", BallotPaperOfferResultCard.Build(new BallotPaperOfferResultCardInput(RankingList, FileOfferResult.Declined))),
        ("ballot-paper-upload-failed", BallotPaperOfferResultCard.Build(new BallotPaperOfferResultCardInput(Minutes, FileOfferResult.UploadFailed))),
    ];
}
