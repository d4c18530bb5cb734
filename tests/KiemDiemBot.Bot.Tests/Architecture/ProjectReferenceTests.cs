using System.Reflection;
using System.Xml.Linq;

namespace KiemDiemBot.Bot.Tests.Architecture;

/// <summary>
/// Project references point one way only (STYLE.md): a forbidden edge fails here, not in review. The project
/// files are read, not the built assemblies, so a reference fails even while no code uses it yet.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["KiemDiemBot.Cards"] = [],
        ["KiemDiemBot.Core"] = [],
        ["KiemDiemBot.Dialogs"] = ["KiemDiemBot.Core", "KiemDiemBot.Cards"],
        ["KiemDiemBot.Scheduler"] = ["KiemDiemBot.Core", "KiemDiemBot.Cards"],
        ["KiemDiemBot.Bot"] = ["KiemDiemBot.Core", "KiemDiemBot.Cards", "KiemDiemBot.Dialogs", "KiemDiemBot.Scheduler"],
    };

    /// <summary>The folders of the product's projects (tests may reference anything).</summary>
    private static readonly string[] ProductFolders = ["bot", "cards", "dialogs", "scheduler"];

    public static TheoryData<string> Projects() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_ProjectFile_OnlyAllowedProjects(string project)
    {
        var references = ProjectFile(project)
            .Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.All(references, reference => Assert.Contains(reference, Allowed[project]));
    }

    [Fact]
    public void ProjectFiles_ProductFolders_EachHasItsAllowedReferences()
    {
        var projects = ProductFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Theory]
    [InlineData("KiemDiemBot.Cards", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Cards", "Hangfire")]
    [InlineData("KiemDiemBot.Dialogs", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Dialogs", "Hangfire")]
    [InlineData("KiemDiemBot.Core", "Hangfire")]
    public void PackageReferences_ProjectFile_KeepsInfrastructureOut(string project, string forbiddenPrefix)
    {
        var packages = ProjectFile(project)
            .Descendants("PackageReference")
            .Select(reference => reference.Attribute("Include")!.Value);

        Assert.DoesNotContain(packages, package => package.StartsWith(forbiddenPrefix, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("KiemDiemBot.Cards", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Dialogs", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Dialogs", "Hangfire.Core")]
    [InlineData("KiemDiemBot.Core", "Hangfire.Core")]
    [InlineData("KiemDiemBot.Cards", "Hangfire.Core")]
    public void GetReferencedAssemblies_ProjectAssembly_KeepsInfrastructureOut(string assemblyName, string forbidden)
    {
        // Catches a type used through a transitive package, which no project file names.
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(forbidden, references);
    }

    [Fact]
    public void KiemDiemDbContext_CoreAssembly_IsNotPublic()
    {
        var context = Assembly.Load("KiemDiemBot.Core").GetType("KiemDiemBot.Core.Storage.KiemDiemDbContext", throwOnError: true)!;

        Assert.False(context.IsPublic);
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static XDocument ProjectFile(string project)
    {
        var path = ProductFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), project + ".csproj", SearchOption.AllDirectories))
            .Single(path => !IsBuildOutput(path));
        return XDocument.Load(path);
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(segment => segment is "bin" or "obj" or "node_modules");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KiemDiemBot.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No KiemDiemBot.sln above {AppContext.BaseDirectory}: the architecture tests read the project files from the repository.");
    }
}
