using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>The activities after a watermark, and the watermark to ask from next time.</summary>
public sealed record TranscriptPage(IReadOnlyList<Activity> Activities, long Watermark);
