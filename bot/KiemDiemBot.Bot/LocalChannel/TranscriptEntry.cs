using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>One activity in a local transcript, at the watermark position it was written at.</summary>
public sealed record TranscriptEntry(long Sequence, Activity Activity);
