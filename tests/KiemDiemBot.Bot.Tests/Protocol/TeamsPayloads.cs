namespace KiemDiemBot.Bot.Tests.Protocol;

/// <summary>
/// Inbound payloads shaped as PROTOCOL.md 1.6 and 4.6, with the kind of fields Teams adds without notice:
/// new top-level fields, new nested fields and new entity types.
/// </summary>
internal static class TeamsPayloads
{
    public const string ChannelMessageWithMention = """
        {
          "type": "message", "id": "1759881511856", "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "timestamp": "2025-01-01T10:00:00.000Z", "localTimestamp": "2025-01-01T11:00:00.000+01:00",
          "from": { "id": "29:1abc", "name": "Ann", "aadObjectId": "b15a9416-0000-4000-8000-000000000001",
                    "userPrincipalName": "ann@contoso.example" },
          "recipient": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "name": "MyBot" },
          "conversation": { "id": "19:abc@thread.tacv2;messageid=1759881511856", "isGroup": true,
                            "conversationType": "channel", "tenantId": "50612dbb-0000-4000-8000-000000000002",
                            "threadKind": "channel" },
          "text": "<at>MyBot</at> hello", "textFormat": "plain", "locale": "en-US",
          "attachments": [ { "contentType": "text/html", "content": "<div><at>MyBot</at> hello</div>", "renderHint": "html" } ],
          "entities": [
            { "type": "mention", "text": "<at>MyBot</at>", "mentioned": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "name": "MyBot" } },
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Europe/Berlin" },
            { "type": "ProductInfo", "id": 42, "flags": { "beta": true, "rings": [ "r0", "r1" ] } }
          ],
          "channelData": { "tenant": { "id": "50612dbb-0000-4000-8000-000000000002", "region": "EU" },
                           "team": { "id": "19:team@thread.tacv2", "internalId": "19:team@thread.tacv2" },
                           "channel": { "id": "19:abc@thread.tacv2" },
                           "source": { "name": "compose" } },
          "rankingScore": 0.75,
          "newFeature": { "nested": [ 1, { "deep": null } ], "on": false }
        }
        """;

    public const string ConversationUpdateBotAdded = """
        {
          "type": "conversationUpdate", "id": "f:7365737465", "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "timestamp": "2025-01-01T10:00:00.000Z",
          "from": { "id": "29:1abc", "aadObjectId": "b15a9416-0000-4000-8000-000000000001" },
          "recipient": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "name": "MyBot" },
          "conversation": { "id": "19:team@thread.tacv2", "isGroup": true, "conversationType": "channel",
                            "tenantId": "50612dbb-0000-4000-8000-000000000002" },
          "membersAdded": [ { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01" }, { "id": "29:1def", "aadObjectId": "c25b0000-0000-4000-8000-000000000003" } ],
          "channelData": { "eventType": "teamMemberAdded", "team": { "id": "19:team@thread.tacv2", "name": "Chi bộ 1", "aadGroupId": "d1d1d1d1-0000-4000-8000-000000000004" },
                           "tenant": { "id": "50612dbb-0000-4000-8000-000000000002" }, "settings": { "selectedChannel": { "id": "19:team@thread.tacv2" } } }
        }
        """;

    public const string InstallationUpdateAdd = """
        {
          "type": "installationUpdate", "id": "f:1234", "action": "add", "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "29:1abc", "aadObjectId": "b15a9416-0000-4000-8000-000000000001" },
          "recipient": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "name": "MyBot" },
          "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "50612dbb-0000-4000-8000-000000000002" },
          "channelData": { "tenant": { "id": "50612dbb-0000-4000-8000-000000000002" }, "source": { "name": "message" } },
          "entities": [ { "type": "ClientCapabilities", "supportsTfwSso": true } ]
        }
        """;

    public const string ActionSubmit = """
        {
          "type": "message", "id": "1730000000002", "channelId": "msteams", "replyToId": "1730000000000",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "29:1abc", "name": "Ann", "aadObjectId": "b15a9416-0000-4000-8000-000000000001" },
          "recipient": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "name": "MyBot" },
          "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "50612dbb-0000-4000-8000-000000000002" },
          "value": { "verb": "help.show", "step": "start", "cardVersion": 1, "comment": "Đồng ý", "choices": [ "a", "b" ] },
          "channelData": { "tenant": { "id": "50612dbb-0000-4000-8000-000000000002" }, "postback": true }
        }
        """;

    public const string AdaptiveCardInvoke = """
        { "type": "invoke", "name": "adaptiveCard/action", "id": "f:123", "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/", "replyToId": "1730000000000",
          "from": { "id": "29:1abc", "aadObjectId": "b15a9416-0000-4000-8000-000000000001" }, "recipient": { "id": "28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01" },
          "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "50612dbb-0000-4000-8000-000000000002" },
          "value": { "action": { "type": "Action.Execute", "verb": "approve", "data": { "requestId": "42", "comment": "ok" } },
                     "trigger": "manual" } }
        """;
}
