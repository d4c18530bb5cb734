using KiemDiemBot.Bot.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Identity;

/// <summary>The <c>Review</c> section is checked at start: one message naming every bad key.</summary>
public sealed class IdentitySettingsTests
{
    [Fact]
    public void AddKiemDiemIdentity_BadAdminEmailsAndOverlongContact_StopsNamingEveryBadKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Review:AdminEmails:0"] = "admin@stp.gov.vn",
            ["Review:AdminEmails:1"] = "not an address",
            ["Review:AdminEmails:2"] = "a@b@c",
            ["Review:RosterContact"] = new string('x', 301),
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddKiemDiemIdentity(configuration));

        Assert.Contains("Review:AdminEmails:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Review:AdminEmails:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Review:RosterContact", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Review:AdminEmails:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKiemDiemIdentity_NoReviewSection_StartsWithNoAdminsAndTheGeneralContact()
    {
        var configuration = new ConfigurationBuilder().Build();

        var services = new ServiceCollection().AddKiemDiemIdentity(configuration);

        var review = services.BuildServiceProvider().GetRequiredService<Core.Identity.ReviewOptions>();
        Assert.Empty(review.AdminEmails);
        Assert.Null(review.RosterContact);
    }
}
