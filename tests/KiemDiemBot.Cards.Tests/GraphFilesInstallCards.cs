using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The cards of exports shared through Microsoft 365 and of the app installation's failures, for the catalogue.</summary>
internal static class GraphFilesInstallCards
{
    /// <summary>No button on any: the link is a Markdown link, and the secretary acts on the failures outside the bot.</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "shared-file-minutes-new", "shared-file-ranking-unchanged", "shared-file-self-review-onedrive", "app-install-failures",
    };

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("shared-file-minutes-new", SharedFileLinkCard.Build(new SharedFileLinkCardInput(
            SharedFileDocument.Minutes, "Bien-ban-2026-Chi-Bo-Van-Phong-So.docx",
            new Uri("https://contoso.sharepoint.com/sites/dangbo/Shared%20Documents/KiemDiemBot/CB1/Bien-ban-2026-Chi-Bo-Van-Phong-So.docx"),
            InOneDrive: false, SharedWith: 9, SharedFileChange.New))),
        ("shared-file-ranking-unchanged", SharedFileLinkCard.Build(new SharedFileLinkCardInput(
            SharedFileDocument.RankingList, "Danh-sach-xep-loai-2026.xlsx",
            new Uri("https://contoso.sharepoint.com/sites/dangbo/Shared%20Documents/KiemDiemBot/DB/Danh-sach-xep-loai-2026.xlsx"),
            InOneDrive: false, SharedWith: 25, SharedFileChange.Unchanged))),
        ("shared-file-self-review-onedrive", SharedFileLinkCard.Build(new SharedFileLinkCardInput(
            SharedFileDocument.SelfReview, "Ban-tu-kiem-diem-2026.docx",
            new Uri("https://contoso-my.sharepoint.com/personal/khai_contoso_vn/Documents/KiemDiemBot/Ban-tu-kiem-diem-2026.docx"),
            InOneDrive: true, SharedWith: 1, SharedFileChange.Replaced))),
        ("app-install-failures", AppInstallFailuresCard.Build(new AppInstallFailuresCardInput("Chi bộ Văn phòng Sở",
        [
            new AppInstallFailureLine("Nguyễn Thị Minh Khai", AppInstallFailureReason.NotAllowed),
            new AppInstallFailureLine("Trần Văn Nam", AppInstallFailureReason.NotFound),
            new AppInstallFailureLine("Lê Thị Hồng", AppInstallFailureReason.Other),
        ]))),
    ];
}
