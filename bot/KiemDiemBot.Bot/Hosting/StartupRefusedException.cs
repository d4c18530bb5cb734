using System.Reflection;

namespace KiemDiemBot.Bot.Hosting;

/// <summary>
/// A setting or an environment the host will not start with. The message is one line that names what to fix;
/// <c>Program</c> prints it alone, without a stack trace, and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message)
{
    public const int ExitCode = 1;

    /// <summary>
    /// True when this assembly is the process's entry point (<c>dotnet run</c>, the published host): the refusal
    /// is printed and the process exits. False when another program hosts <c>Program</c> (a test's
    /// WebApplicationFactory), which must see the exception itself.
    /// </summary>
    public static bool IsPrintedByProgram => Assembly.GetEntryAssembly() == typeof(StartupRefusedException).Assembly;
}
