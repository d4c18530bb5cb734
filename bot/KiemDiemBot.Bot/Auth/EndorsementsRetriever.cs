using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Protocols;

namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// Reads the channel's OpenID metadata, follows its <c>jwks_uri</c> and maps each key id to its raw
/// <c>endorsements</c>; the parsed key set of IdentityModel does not expose them as a contract.
/// </summary>
internal sealed class EndorsementsRetriever : IConfigurationRetriever<KeyEndorsements>
{
    public async Task<KeyEndorsements> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = JsonNode.Parse(await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false));
        var jwksUri = ReadString(metadata?["jwks_uri"])
            ?? throw new InvalidOperationException("The channel's OpenID metadata has no jwks_uri.");
        var jwks = JsonNode.Parse(await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false));

        var byKeyId = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (jwks?["keys"] is JsonArray keys)
        {
            foreach (var key in keys)
            {
                var keyId = ReadString(key?["kid"]);
                if (keyId is null || key?["endorsements"] is not JsonArray endorsements)
                {
                    continue;
                }
                byKeyId[keyId] = endorsements
                    .Select(ReadString)
                    .OfType<string>()
                    .ToHashSet(StringComparer.Ordinal);
            }
        }
        return new KeyEndorsements(byKeyId);
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
