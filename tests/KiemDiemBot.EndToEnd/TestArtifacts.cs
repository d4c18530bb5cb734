namespace KiemDiemBot.EndToEnd;

/// <summary>test-artifacts/ at the repository root (gitignored), where screenshots are kept for people to look at.</summary>
internal static class TestArtifacts
{
    public static string PathFor(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KiemDiemBot.sln")))
        {
            directory = directory.Parent;
        }
        var root = directory?.FullName ?? throw new InvalidOperationException("KiemDiemBot.sln was not found above the test's folder.");
        var folder = Path.Combine(root, "test-artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
