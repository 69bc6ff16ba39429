using System.Net;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;

namespace TenantPortal.Tests.Notifications;

/// <summary>Officers see when a tenant adds information or photos to an open repair, in the queue and on the repair
/// page, until an officer marks it seen.</summary>
public sealed class TenantAddedInformationTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task Information_a_tenant_adds_is_marked_in_the_queue_and_on_the_page_until_an_officer_marks_it_seen()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        Assert.Null((await officer.GetDocumentAsync($"/admin/repairs/{reference}")).QuerySelector("#tenant-added"));

        await AddInformationAsync(tenant, reference, "It now drips faster");

        var queue = await officer.GetDocumentAsync("/admin/repairs");
        Assert.NotNull(queue.QuerySelector($"tr[data-reference='{reference}'] .tenant-added"));
        var page = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Contains("The tenant added information or photos", page.QuerySelector("#tenant-added")!.TextContent, StringComparison.Ordinal);
        var seen = await officer.SubmitFormAsync(page, new Dictionary<string, string>(), "#tenant-added form");
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        var after = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Null(after.QuerySelector("#tenant-added"));
        Assert.Null((await officer.GetDocumentAsync("/admin/repairs")).QuerySelector($"tr[data-reference='{reference}'] .tenant-added"));
        Assert.Contains(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.tenant-information-seen");

        // More information later is marked again.
        await AddInformationAsync(tenant, reference, "Now the cupboard is wet");
        Assert.NotNull((await officer.GetDocumentAsync($"/admin/repairs/{reference}")).QuerySelector("#tenant-added"));
    }

    [Fact]
    public async Task A_tenant_changing_their_own_appointment_is_not_marked_as_new_information()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        await TenantRepairSteps.ChangeAppointmentAsync(tenant, reference);
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var page = await officer.GetDocumentAsync($"/admin/repairs/{reference}");

        Assert.Null(page.QuerySelector("#tenant-added"));
    }

    private static async Task AddInformationAsync(HttpClient tenant, string reference, string information)
    {
        var form = await tenant.GetDocumentAsync($"/repairs/{reference}/add-information");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(information), "Information" },
        };
        var response = await tenant.PostAsync(new Uri($"/repairs/{reference}/add-information", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
