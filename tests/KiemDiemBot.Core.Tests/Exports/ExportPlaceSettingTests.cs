using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary><c>Review:Place</c>: the place name the self-review prints before its date, composed as the host composes Core.</summary>
public sealed class ExportPlaceSettingTests
{
    [Fact]
    public async Task ExportAsync_ReviewPlaceSet_PrintedBeforeTheDate()
    {
        using var database = new SqliteTestDatabase();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 11, 20, 2, 0, 0, TimeSpan.Zero));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddKiemDiemStorage(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = database.ConnectionString })
            .AddKiemDiemMemberDirectory(new ReviewOptions { Place = "Hà Nội" })
            .BuildServiceProvider(validateScopes: true);
        Guid reviewId;
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await sp.GetRequiredService<IDemoOrganisationSeeder>().SeedAsync(CancellationToken.None);
            await sp.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var member = await sp.GetRequiredService<IRosterDirectory>().FindByEmailAsync("phuc.mai@" + DemoOrganisation.EmailDomain, CancellationToken.None);
            var cycle = await sp.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            reviewId = (await sp.GetRequiredService<ISelfReviewService>().OpenAsync(member!.Id, cycle!.Id, CancellationToken.None)).ReviewId;
            await sp.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await using var exportScope = services.CreateAsyncScope();
        var file = await exportScope.ServiceProvider.GetRequiredService<ISelfReviewExporter>().ExportAsync(reviewId, CancellationToken.None);

        using var docx = new DocxContent(file!.Content);
        Assert.Contains("Hà Nội, ngày 20 tháng 11 năm 2022", docx.Lines);
    }

    [Fact]
    public void Validate_PlaceLongerThanAFormPrints_NamesTheKey()
    {
        var errors = new ReviewOptions { Place = new string('x', ReviewOptions.PlaceMaxLength + 1) }.Validate();

        Assert.Contains(errors, error => error.StartsWith("Review:Place ", StringComparison.Ordinal));
        Assert.Empty(new ReviewOptions { Place = "Thành phố Hồ Chí Minh" }.Validate());
    }
}
