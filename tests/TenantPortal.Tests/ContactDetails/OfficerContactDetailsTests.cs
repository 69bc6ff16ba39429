using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.ContactDetails;

[Collection(ContactTestTenants.Collection)]
public sealed class OfficerContactDetailsTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private PortalAppFactory Factory => app.Factory;

    private async Task<HttpClient> OfficerAsync()
    {
        var client = Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    /// <summary>The edit form as the officer would post it: the tenant's current values with some changed.</summary>
    private static Dictionary<string, string> Fields(TestTenant tenant, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["MobilePhone"] = "07700 900001",
            ["HomePhone"] = "",
            ["Email"] = tenant.Email,
            ["PreferredContactMethod"] = "Letter",
            ["InterpreterLanguage"] = "",
            ["HearingOrSightNeeds"] = "",
            ["Advocate"] = "",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    }

    [Fact]
    public async Task Officer_edit_is_written_with_channel_officer_audited_and_shown_in_the_history()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var officer = await OfficerAsync();
        var url = $"/admin/tenants/{tenant.TenantId}/contact-details";

        var response = await officer.SubmitFormAsync($"{url}/edit", Fields(tenant,
            ("MobilePhone", "07700 900777"), ("HomePhone", "0161 496 0123"), ("PreferredContactMethod", "Phone"), ("NeedsLargePrint", "true"), ("InterpreterLanguage", "Polish")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId);
        Assert.Equal(("+447700900777", "+441614960123", ContactMethod.Phone, true, "Polish"), (row.MobilePhone, row.HomePhone, row.PreferredContactMethod, row.NeedsLargePrint, row.InterpreterLanguage));
        var history = await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId);
        Assert.Equal(["MobilePhone", "HomePhone", "PreferredContactMethod", "NeedsLargePrint", "InterpreterLanguage"], history.Select(h => h.Field));
        Assert.All(history, h => Assert.Equal((ChangeChannel.Officer, "Dana Officer (officer)"), (h.Channel, h.ChangedBy)));
        await using (var portal = ContactTestTenants.Portal(Factory))
        {
            var audit = await portal.AuditLog.AsNoTracking().SingleAsync(a => a.RecordType == "Tenant" && a.RecordId == tenant.TenantId.ToString());
            Assert.Equal(("contact-details.changed", "Dana Officer"), (audit.Action, audit.ActorName));
            Assert.Contains("447700900001", audit.Before, StringComparison.Ordinal);
            Assert.Contains("447700900777", audit.After, StringComparison.Ordinal);
        }

        var page = await officer.GetDocumentAsync(url);
        Assert.Equal("Contact details saved.", page.QuerySelector("#notice").Text());
        Assert.Equal("07700 900777", page.QuerySelector("[data-field=MobilePhone] .contact-value").Text());
        var historyText = page.QuerySelector("table.contact-history").Text();
        Assert.Contains("07700 900001", historyText, StringComparison.Ordinal);
        Assert.Contains("Dana Officer (officer)", historyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_sees_a_tenants_portal_change_in_the_history()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/large-print", new Dictionary<string, string> { ["Value"] = "Yes" }));
        await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });

        var page = await (await OfficerAsync()).GetDocumentAsync($"/admin/tenants/{tenant.TenantId}/contact-details");

        var cells = page.QuerySelectorAll("table.contact-history tbody tr td").Select(c => c.Text()).ToList();
        Assert.Equal(["Large print letters", "No", "Yes", tenant.FullName, "Online"], cells.Skip(1));
    }

    [Fact]
    public async Task Officer_validation_errors_are_shown_next_to_the_fields_and_nothing_is_saved()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var officer = await OfficerAsync();

        var document = await (await officer.SubmitFormAsync($"/admin/tenants/{tenant.TenantId}/contact-details/edit", Fields(tenant, ("MobilePhone", "0161 496 0123"), ("Email", "nope")))).GetDocumentAsync();

        Assert.Equal(2, document.ErrorSummary().Count);
        Assert.NotNull(document.FieldError("MobilePhone"));
        Assert.Equal("0161 496 0123", document.QuerySelector("#MobilePhone")?.GetAttribute("value"));
        Assert.Empty(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
    }

    [Fact]
    public async Task Officer_save_on_a_stale_page_shows_the_conflict_and_overwrites_nothing()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var officer = await OfficerAsync();
        var form = await officer.GetDocumentAsync($"/admin/tenants/{tenant.TenantId}/contact-details/edit");
        var tenantClient = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var check = await tenantClient.FollowAsync(await tenantClient.SubmitFormAsync("/contact-details/advocate", new Dictionary<string, string> { ["Value"] = "Jo Smith" }));
        await tenantClient.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });

        var document = await (await officer.SubmitFormAsync(form, Fields(tenant, ("Advocate", "Someone else")))).GetDocumentAsync();

        Assert.NotNull(document.QuerySelector("#conflict"));
        Assert.Equal("Jo Smith", document.QuerySelector("[data-field=Advocate] .contact-value").Text());
        Assert.Equal("Jo Smith", (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Advocate);
    }

    [Fact]
    public async Task Officer_email_change_sends_the_link_to_the_new_address_and_changes_nothing_yet()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var officer = await OfficerAsync();
        var newEmail = $"officer.typed{tenant.TenantId}@example.org";

        await officer.SubmitFormAsync($"/admin/tenants/{tenant.TenantId}/contact-details/edit", Fields(tenant, ("Email", newEmail)));
        var message = await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, newEmail, "Confirm your new email address");
        Assert.Equal(tenant.Email, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);

        var mailApp = Factory.CreateBrowserClient();
        var page = await mailApp.GetDocumentAsync(ContactTestTenants.LinkIn(message));
        await mailApp.SubmitFormAsync(page, new Dictionary<string, string>());

        Assert.Equal(newEmail, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);
        var history = Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
        Assert.Equal((ChangeChannel.Officer, "Dana Officer (officer)"), (history.Channel, history.ChangedBy));
    }

    [Fact]
    public async Task An_old_email_change_link_cannot_switch_back_a_tenant_without_a_portal_account()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        await ContactTestTenants.RemovePortalAccountAsync(Factory, tenant);
        var officer = await OfficerAsync();
        var mailApp = Factory.CreateBrowserClient();
        var first = $"first.change{tenant.TenantId}@example.org";
        var second = $"second.change{tenant.TenantId}@example.org";
        await officer.SubmitFormAsync($"/admin/tenants/{tenant.TenantId}/contact-details/edit", Fields(tenant, ("Email", first)));
        var firstLink = ContactTestTenants.LinkIn(await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, first, "Confirm your new email address"));
        var firstPage = await mailApp.GetDocumentAsync(firstLink);
        await mailApp.SubmitFormAsync(firstPage, new Dictionary<string, string>());
        await officer.SubmitFormAsync($"/admin/tenants/{tenant.TenantId}/contact-details/edit", Fields(tenant, ("Email", second)));
        var secondLink = ContactTestTenants.LinkIn(await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, second, "Confirm your new email address"));
        await mailApp.SubmitFormAsync(await mailApp.GetDocumentAsync(secondLink), new Dictionary<string, string>());

        var replayed = await (await mailApp.SubmitFormAsync(firstPage, new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal(second, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);
        Assert.Contains("has already been used", replayed.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal([first, second], (await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId)).Where(h => h.Field == "Email").OrderBy(h => h.Id).Select(h => h.NewValue));
    }

    [Fact]
    public async Task Unknown_tenant_is_a_404()
    {
        var response = await (await OfficerAsync()).GetAsync(new Uri("/admin/tenants/999999/contact-details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
