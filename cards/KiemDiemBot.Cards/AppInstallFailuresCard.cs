using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// To a cell's secretaries: the members the bot tried to install the Teams app for (so that reminders reach them)
/// and could not, each with the reason, and what to do about it.
/// </summary>
public static class AppInstallFailuresCard
{
    public static JsonObject Build(AppInstallFailuresCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var lines = input.Members.Select((m, i) => CardElements.Numbered(i + 1, m.FullName + " — " + m.Reason switch
        {
            AppInstallFailureReason.NotFound => AppInstallTexts.ReasonNotFound,
            AppInstallFailureReason.NotAllowed => AppInstallTexts.ReasonNotAllowed,
            _ => AppInstallTexts.ReasonOther,
        }));
        var body = new JsonArray(
            CardElements.Title(AppInstallTexts.FailuresTitle),
            CardElements.Paragraph(string.Format(culture, AppInstallTexts.FailuresIntro, input.CellName, input.Members.Count)),
            new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\r", lines), ["wrap"] = true },
            CardElements.Paragraph(AppInstallTexts.WhatToDo));
        return AdaptiveCardDocument.Create(body, []);
    }
}
