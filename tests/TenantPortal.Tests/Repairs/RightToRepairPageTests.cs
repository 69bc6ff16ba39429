using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Repairs;

/// <summary>A repairs app started with the given landlord settings, shared by a test class.</summary>
public abstract class LandlordAppFixture(Dictionary<string, string?> settings) : IAsyncLifetime
{
    public RepairsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await RepairsApp.StartAsync(settings);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A council landlord (<c>Landlord:Type=Council</c>).</summary>
public sealed class CouncilAppFixture() : LandlordAppFixture(new() { ["Landlord:Type"] = "Council" });

/// <summary>The Right to Repair (SI 1994/133) on the tenant's and the officer's repair pages: the repair notice's
/// defect, prescribed period and last day, and what happens when the period is missed.</summary>
public sealed class RightToRepairPageTests(CouncilAppFixture council) : IClassFixture<CouncilAppFixture>
{
    [Fact]
    public async Task A_council_tenant_sees_the_period_and_last_day_of_a_qualifying_repair_and_their_rights()
    {
        // Reported Monday 9 November 2026; "Blocked sink, bath or basin: 3" working days -> Thursday 12 November.
        var reference = await QualifyingRepairAsync(council.App, new DateTime(2026, 11, 9, 10, 0, 0, DateTimeKind.Utc));
        var client = await council.App.SignedInAsync();

        var text = (await client.GetDocumentAsync($"/repairs/{reference}")).QuerySelector("#right-to-repair")!.TextContent;

        Assert.Contains("qualifying repair under the Right to Repair (blocked sink, bath or basin)", Normalise(text), StringComparison.Ordinal);
        Assert.Contains("We must do it within 3 working days: by Thursday 12 November 2026.", Normalise(text), StringComparison.Ordinal);
        Assert.Contains("we will send a different contractor", Normalise(text), StringComparison.Ordinal);
        Assert.Contains("£10, plus £2 for every day it is still not done, up to £50", Normalise(text), StringComparison.Ordinal);
        Assert.DoesNotContain("We did not do it", Normalise(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_period_is_missed_the_tenant_is_told_to_ask_for_a_different_contractor_and_the_officer_sees_it()
    {
        // Reported Monday 2 November 2026: the last day was Thursday 5 November; today is Tuesday 10 November.
        var reference = await QualifyingRepairAsync(council.App, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        var tenant = await council.App.SignedInAsync();
        var officer = council.App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var tenantText = Normalise((await tenant.GetDocumentAsync($"/repairs/{reference}")).QuerySelector("#right-to-repair")!.TextContent);
        var officerText = Normalise((await officer.GetDocumentAsync($"/admin/repairs/{reference}")).QuerySelector("#right-to-repair")!.TextContent);

        Assert.Contains("We did not do it by Thursday 5 November 2026. You can ask us to send a different contractor. Ask for a different contractor Or call us on", tenantText, StringComparison.Ordinal);
        Assert.Contains("Qualifying repair: Blocked sink, bath or basin. Prescribed period 3 working days, last day Thursday 5 November 2026.", officerText, StringComparison.Ordinal);
        Assert.Contains("Period missed. The tenant may ask for a second contractor", officerText, StringComparison.Ordinal);
    }

    /// <summary>Makes one of the demo tenant's repairs an open blocked sink reported at <paramref name="reportedAt"/>.</summary>
    internal static async Task<string> QualifyingRepairAsync(RepairsApp app, DateTime reportedAt)
    {
        var sink = await app.WithHousingAsync(db => db.RepairCatalogue.Where(i => i.Area == "Kitchen" && i.Item == "Sink" && i.Problem == "Blocked or slow to drain").Select(i => i.Id).SingleAsync());
        var reference = await app.WithHousingAsync(db => db.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference).OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        await app.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CatalogueItemId, sink)
            .SetProperty(r => r.ReportedAt, reportedAt)
            .SetProperty(r => r.Status, RepairStatus.Reported)
            .SetProperty(r => r.CompletedAt, (DateTime?)null)
            .SetProperty(r => r.CancelledAt, (DateTime?)null)));
        return reference;
    }

    internal static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A housing association's tenants have no Right to Repair under the 1994 Regulations (councils' secure
/// tenants only): nothing is shown.</summary>
public sealed class RightToRepairHousingAssociationTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    [Fact]
    public async Task A_housing_association_tenant_sees_no_Right_to_Repair_notice()
    {
        var reference = await RightToRepairPageTests.QualifyingRepairAsync(fixture.App, new DateTime(2026, 11, 9, 10, 0, 0, DateTimeKind.Utc));
        var client = await fixture.App.SignedInAsync();

        var page = await client.GetDocumentAsync($"/repairs/{reference}");

        Assert.Contains("Blocked or slow to drain", page.NormalisedText(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("#right-to-repair"));
    }
}
