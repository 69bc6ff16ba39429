using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.ContactDetails;

[Collection(ContactTestTenants.Collection)]
public sealed class EmailChangeTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private PortalAppFactory Factory => app.Factory;

    [Fact]
    public async Task Email_changes_only_when_the_link_sent_to_the_new_address_is_followed_and_the_sign_in_follows()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var emailPage = await client.GetAsync(new Uri("/contact-details/email", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, emailPage.StatusCode);
        await ContactTestTenants.ConfirmPasswordAsync(client);

        // Typed with spaces and a capitalised domain: stored trimmed with the domain in lower case.
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/email", new Dictionary<string, string> { ["Value"] = $"  New.Address{tenant.TenantId}@Example.ORG " }));
        var newEmail = $"New.Address{tenant.TenantId}@example.org";
        Assert.Equal(newEmail, check.QuerySelector("#new-value").Text());
        var sent = await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });
        Assert.Equal("/contact-details/email/check-your-email", sent.Headers.Location?.OriginalString);

        var confirmation = await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, newEmail, "Confirm your new email address");
        var notice = await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, tenant.Email, "Your email address is being changed");
        Assert.DoesNotContain(newEmail, notice.TextBody, StringComparison.OrdinalIgnoreCase);
        var link = ContactTestTenants.LinkIn(confirmation);
        Assert.DoesNotContain("@", Uri.UnescapeDataString(link), StringComparison.Ordinal);
        Assert.Equal(tenant.Email, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);

        // Followed from another browser (signed out), as from a phone's mail app.
        var mailApp = Factory.CreateBrowserClient();
        var confirmPage = await mailApp.GetDocumentAsync(link);
        Assert.Equal(tenant.Email, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);
        var confirmed = await (await mailApp.SubmitFormAsync(confirmPage, new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal("Email address changed", confirmed.QuerySelector("h1").Text());
        var row = await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId);
        Assert.Equal(newEmail, row.Email);
        await using (var portal = ContactTestTenants.Portal(Factory))
        {
            var user = await portal.Users.AsNoTracking().SingleAsync(u => u.TenantId == tenant.TenantId);
            Assert.Equal((newEmail, newEmail), (user.Email, user.UserName));
        }

        var history = Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
        Assert.Equal(("Email", tenant.Email, newEmail, ChangeChannel.Portal), (history.Field, history.OldValue, history.NewValue, history.Channel));

        var newSignIn = Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(newSignIn, newEmail, tenant.Password);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SignIn.AsTenantAsync(Factory.CreateBrowserClient(), tenant.Email, tenant.Password));

        // The link works once.
        var again = await (await mailApp.SubmitFormAsync(confirmPage, new Dictionary<string, string>())).GetDocumentAsync();
        Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
        Assert.Equal("Email address changed", again.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task The_confirmation_link_is_built_from_the_public_address_even_when_the_request_names_another_host()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://evil.example"),
        });
        await SignIn.AsTenantAsync(client, tenant.Email, tenant.Password);
        await ContactTestTenants.ConfirmPasswordAsync(client);
        var newEmail = $"host.header{tenant.TenantId}@example.org";

        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/email", new Dictionary<string, string> { ["Value"] = newEmail }));
        await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });
        var confirmation = await Accounts.Mailbox.WaitForEmailAsync(Factory.EmailFolder, newEmail, "Confirm your new email address");

        Assert.DoesNotContain("evil.example", confirmation.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://localhost/contact-details/email/confirm?token=", confirmation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_link_changes_nothing()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = Factory.CreateBrowserClient();

        var document = await client.GetDocumentAsync("/contact-details/email/confirm?token=not-a-real-token");
        var response = await client.PostAsync(new Uri("/contact-details/email/confirm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/account/sign-in"),
            ["Token"] = "CfDJ8-forged",
        }));

        Assert.Equal("This link cannot be used", document.QuerySelector("h1").Text());
        Assert.Equal("This link cannot be used", (await response.GetDocumentAsync()).QuerySelector("h1").Text());
        Assert.Equal(tenant.Email, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Email);
    }

    [Fact]
    public async Task Invalid_email_shows_a_specific_error_and_keeps_what_was_typed()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        await ContactTestTenants.ConfirmPasswordAsync(client);

        var document = await (await client.SubmitFormAsync("/contact-details/email", new Dictionary<string, string> { ["Value"] = "alex at example" })).GetDocumentAsync();

        Assert.Equal("Enter an email address in the correct format, like name@example.com", document.FieldError("Value"));
        Assert.Equal("alex at example", document.QuerySelector("#Value")?.GetAttribute("value"));
    }
}
