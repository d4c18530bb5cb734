using Microsoft.Identity.Client;
using Npgsql;

namespace KiemDiemBot.Bot.Health;

/// <summary>
/// A failure told in a few words a load balancer's log or an operator can read: the kind of failure and its code
/// (PostgreSQL's SQLSTATE, Entra's error code), never the exception's message, which may carry a host, a user or a query.
/// </summary>
internal static class HealthReason
{
    public static string Of(Exception failure) => failure switch
    {
        OperationCanceledException => "timed out",
        PostgresException postgres => $"PostgreSQL refused ({postgres.SqlState})",
        NpgsqlException => "PostgreSQL unreachable",
        MsalServiceException msal => $"Entra ID refused ({msal.ErrorCode})",
        MsalClientException msal => $"token request failed ({msal.ErrorCode})",
        HttpRequestException => "token endpoint unreachable",
        _ => failure.GetType().Name,
    };
}
