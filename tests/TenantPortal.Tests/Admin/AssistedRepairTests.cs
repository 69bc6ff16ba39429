using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Admin;

/// <summary>Assisted digital: an officer reports a repair for a tenancy through the tenant's journey, started from the
/// admin tenancy page, with the channel they choose.</summary>
public sealed class AssistedRepairTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private static readonly string Base = OfficerReportJourney.Base;

    [Theory]
    [InlineData(RepairChannel.Phone)]
    [InlineData(RepairChannel.Officer)]
    public async Task Officer_reports_a_repair_for_DEMO_0002_and_it_becomes_a_job_on_that_tenancy_with_the_channel_and_an_audit_row(RepairChannel channel)
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        var tenancyPage = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.SecondTenancyReference}");
        Assert.Equal(Base, tenancyPage.QuerySelector("#report-repair")?.GetAttribute("href"));

        var noChannel = await client.SubmitFormAsync(Base, new Dictionary<string, string>());
        Assert.Equal(["Select how the tenant is reporting this repair"], (await noChannel.GetDocumentAsync()).ErrorSummary());

        var booked = await OfficerReportJourney.ToCheckPageAsync(client, channel, $"Cold tap drips, reported by {channel}");
        var submitted = await client.SubmitFormAsync($"{Base}/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var confirmation = await client.GetDocumentAsync(submitted.Headers.Location!.OriginalString);
        var reference = confirmation.QuerySelector(".panel strong")!.TextContent.Trim();
        var repair = await app.Factory.HousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.History).Include(r => r.Tenancy)
            .SingleAsync(r => r.Reference == reference));
        Assert.Equal(DemoData.SecondTenancyReference, repair.Tenancy!.Reference);
        Assert.Equal(channel, repair.Channel);
        Assert.Equal($"Cold tap drips, reported by {channel}", repair.Description);
        Assert.Equal(booked ? RepairStatus.Booked : RepairStatus.Reported, repair.Status);
        Assert.All(repair.History, h => Assert.Equal(("Dana Officer", channel), (h.ChangedBy, h.Channel)));
        var audit = Assert.Single(await app.Factory.AuditAsync("Repair", reference));
        Assert.Equal(("repair.reported-for-tenant", "Dana Officer"), (audit.Action, audit.ActorName));
        Assert.Contains($"\"Channel\":\"{channel}\"", audit.After, StringComparison.Ordinal);
        Assert.Equal($"/admin/repairs/{reference}", confirmation.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.Contains(reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tenant_cannot_use_the_assisted_journey()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var response = await client.GetAsync(new Uri(Base, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
