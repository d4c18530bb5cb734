using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Tests.Auth;

/// <summary>An RSA key generated for one test, and the endorsements the test issuer publishes with it.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA rsa;

    public TestSigningKey(string keyId, IReadOnlyList<string>? endorsements)
    {
        rsa = RSA.Create(2048);
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>Null = published without an <c>endorsements</c> property.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public RSAParameters PublicParameters => rsa.ExportParameters(includePrivateParameters: false);

    public void Dispose() => rsa.Dispose();
}
