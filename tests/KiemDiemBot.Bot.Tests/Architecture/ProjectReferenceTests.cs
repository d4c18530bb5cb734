using System.Reflection;

namespace KiemDiemBot.Bot.Tests.Architecture;

/// <summary>Project references point one way only (STYLE.md): a forbidden edge fails here, not in review.</summary>
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

    public static TheoryData<string> Assemblies() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void GetReferencedAssemblies_ProjectAssembly_ReferencesOnlyAllowedProjects(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var projectReferences = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("KiemDiemBot.", StringComparison.Ordinal))
            .ToList();

        Assert.All(projectReferences, reference => Assert.Contains(reference, Allowed[assemblyName]));
    }

    [Theory]
    [InlineData("KiemDiemBot.Cards", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Dialogs", "Microsoft.EntityFrameworkCore")]
    [InlineData("KiemDiemBot.Dialogs", "Hangfire.Core")]
    [InlineData("KiemDiemBot.Core", "Hangfire.Core")]
    [InlineData("KiemDiemBot.Cards", "Hangfire.Core")]
    public void GetReferencedAssemblies_ProjectAssembly_KeepsInfrastructureOut(string assemblyName, string forbidden)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(forbidden, references);
    }

    [Fact]
    public void KiemDiemDbContext_CoreAssembly_IsNotPublic()
    {
        var context = Assembly.Load("KiemDiemBot.Core").GetType("KiemDiemBot.Core.Storage.KiemDiemDbContext", throwOnError: true)!;

        Assert.False(context.IsPublic);
    }
}
