using System.Runtime.CompilerServices;
using Hangfire.Logging;
using Hangfire.PostgreSql;

namespace KiemDiemBot.Testing;

/// <summary>
/// Hangfire keeps its log provider in a static, which every test host replaces with its own and leaves behind
/// disposed when it stops; Hangfire.PostgreSql's schema installer takes its logger in a static initializer. If
/// that initializer first runs after a test host stopped, it fails for the rest of the test process. So before
/// the first install, the provider is set to one that logs nothing and the initializer is run at once.
/// </summary>
internal static class HangfireTestLogging
{
    private static readonly Lock Gate = new();
    private static bool prepared;

    public static void PrepareInstaller()
    {
        lock (Gate)
        {
            if (prepared)
            {
                return;
            }
            LogProvider.SetCurrentLogProvider(new SilentLogProvider());
            RuntimeHelpers.RunClassConstructor(typeof(PostgreSqlObjectsInstaller).TypeHandle);
            prepared = true;
        }
    }

    private sealed class SilentLogProvider : ILogProvider
    {
        public ILog GetLogger(string name) => new SilentLog();
    }

    private sealed class SilentLog : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
