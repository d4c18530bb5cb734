using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>An activity the fake Connector accepted, with the raw JSON it received and the id it assigned.</summary>
public sealed record ReceivedActivity(string Operation, string ConversationId, string ActivityId, Activity Activity, JsonObject Raw);
