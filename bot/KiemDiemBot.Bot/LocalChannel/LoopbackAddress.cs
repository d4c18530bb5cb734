using System.Net;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>Tells listening addresses (<c>http://127.0.0.1:3978</c>, <c>http://*:80</c>, ...) that only this machine can reach.</summary>
public static class LoopbackAddress
{
    /// <summary>True for <c>localhost</c> and loopback IPs; false for wildcards, other hosts and anything unparsable.</summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }
        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
