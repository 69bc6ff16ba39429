using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Tests.ContactDetails;

[Collection(ContactTestTenants.Collection)]
public sealed class ContactDetailsPageTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private PortalAppFactory Factory => app.Factory;

    [Fact]
    public async Task Summary_shows_what_we_hold_for_the_signed_in_tenant_with_phones_in_national_format()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory, mobile: "+447700900123");
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var document = await client.GetDocumentAsync("/contact-details");

        Assert.Equal("Your contact details", document.QuerySelector("h1").Text());
        Assert.Equal("07700 900123", document.QuerySelector("[data-field=MobilePhone] .contact-value").Text());
        Assert.Equal(tenant.Email, document.QuerySelector("[data-field=Email] .contact-value").Text());
        Assert.Equal("Not given", document.QuerySelector("[data-field=HomePhone] .contact-value").Text());
        Assert.Equal("/contact-details/preferred-contact", document.QuerySelector("[data-field=PreferredContactMethod] a")?.GetAttribute("href"));
        Assert.Equal(ContactItems.All.Count, document.QuerySelectorAll(".summary-list__row a").Length);
    }

    [Fact]
    public async Task Changing_preferred_contact_method_goes_through_check_your_answers_and_writes_the_record_and_a_history_row()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory, method: ContactMethod.Letter);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var before = await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId);

        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/preferred-contact", new Dictionary<string, string> { ["Value"] = "Text" }));
        Assert.Equal("Check your answer", check.QuerySelector("h1").Text());
        Assert.Equal("Text message", check.QuerySelector("#new-value").Text());
        Assert.Equal(ContactMethod.Letter, (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).PreferredContactMethod);

        var saved = await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId);
        Assert.Equal(ContactMethod.Text, after.PreferredContactMethod);
        Assert.NotEqual(before.Version, after.Version);
        var row = Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
        Assert.Equal(("PreferredContactMethod", "Letter", "Text", ChangeChannel.Portal), (row.Field, row.OldValue, row.NewValue, row.Channel));
        Assert.Equal(tenant.FullName, row.ChangedBy);
        var summary = await client.GetDocumentAsync("/contact-details");
        Assert.Equal("Saved. How we contact you: Text message", summary.QuerySelector("#notice").Text());
        Assert.Equal("Text message", summary.QuerySelector("[data-field=PreferredContactMethod] .contact-value").Text());
    }

    [Fact]
    public async Task Check_your_answer_is_a_page_of_its_own_so_back_and_refresh_never_resubmit()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var answered = await client.SubmitFormAsync("/contact-details/interpreter", new Dictionary<string, string> { ["Value"] = "Welsh" });
        var refreshed = await client.GetDocumentAsync("/contact-details/interpreter/check");
        var saved = await client.SubmitFormAsync(refreshed, new Dictionary<string, string> { ["Step"] = "save" });
        var backToCheck = await client.GetAsync(new Uri("/contact-details/interpreter/check", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("/contact-details/interpreter/check", answered.Headers.Location?.OriginalString);
        Assert.Equal("Welsh", refreshed.QuerySelector("#new-value").Text());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, backToCheck.StatusCode);
        Assert.Equal("/contact-details/interpreter", backToCheck.Headers.Location?.OriginalString);
        Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
    }

    [Fact]
    public async Task Check_page_change_button_returns_to_the_question_with_the_typed_answer()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/interpreter", new Dictionary<string, string> { ["Value"] = "  Polish " }));

        var question = await client.FollowAsync(await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "change" }));

        Assert.Equal("Polish", question.QuerySelector("#Value")?.GetAttribute("value"));
        Assert.Null((await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).InterpreterLanguage);
    }

    [Theory]
    [InlineData("mobile-phone")]
    [InlineData("home-phone")]
    [InlineData("email")]
    public async Task Phone_and_email_pages_ask_for_the_password_again_before_they_open(string slug)
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var get = await client.GetAsync(new Uri($"/contact-details/{slug}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal($"/contact-details/confirm-password?returnUrl=%2Fcontact-details%2F{slug}", get.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Phone_pages_ask_for_the_password_again_first()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var get = await client.GetAsync(new Uri("/contact-details/mobile-phone", UriKind.Relative));
        var post = await client.PostAsync(new Uri("/contact-details/mobile-phone", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/contact-details/preferred-contact"),
            ["Value"] = "07700 900999",
            ["Version"] = (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Version.ToString(),
            ["Step"] = "save",
        }));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/contact-details/confirm-password?returnUrl=%2Fcontact-details%2Fmobile-phone", get.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/contact-details/confirm-password", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("+447700900001", (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).MobilePhone);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_does_not_open_the_phone_page()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var response = await client.SubmitFormAsync("/contact-details/confirm-password?returnUrl=/contact-details/mobile-phone", new Dictionary<string, string> { ["Password"] = "not-the-password" });
        var document = await response.GetDocumentAsync();
        var phonePage = await client.GetAsync(new Uri("/contact-details/mobile-phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The password is not right", document.FieldError("Password"));
        Assert.Equal(HttpStatusCode.Redirect, phonePage.StatusCode);
    }

    [Fact]
    public async Task Mobile_typed_internationally_is_stored_as_E164_and_shown_in_national_format()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        await ContactTestTenants.ConfirmPasswordAsync(client);

        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/mobile-phone", new Dictionary<string, string> { ["Value"] = "+44 (0)7700-900 456" }));
        Assert.Equal("07700 900456", check.QuerySelector("#new-value").Text());
        await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });

        Assert.Equal("+447700900456", (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).MobilePhone);
        var summary = await client.GetDocumentAsync("/contact-details");
        Assert.Equal("07700 900456", summary.QuerySelector("[data-field=MobilePhone] .contact-value").Text());
        var row = Assert.Single(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
        Assert.Equal(("MobilePhone", "+447700900001", "+447700900456"), (row.Field, row.OldValue, row.NewValue));
    }

    [Theory]
    [InlineData("0161 496 0000", "Enter a mobile number, starting 07. Add a landline as your home phone number")]
    [InlineData("phone me", "Enter a mobile number in the right format, like 07700 900123")]
    [InlineData("+33 6 12 34 56 78", "Enter a UK mobile number. Call us if you only have a number from another country")]
    public async Task Invalid_mobile_shows_a_specific_error_and_keeps_what_was_typed(string typed, string error)
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        await ContactTestTenants.ConfirmPasswordAsync(client);

        var document = await (await client.SubmitFormAsync("/contact-details/mobile-phone", new Dictionary<string, string> { ["Value"] = typed })).GetDocumentAsync();

        Assert.Equal([error], document.ErrorSummary());
        Assert.Equal(error, document.FieldError("Value"));
        Assert.Equal("#Value", document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(typed, document.QuerySelector("#Value")?.GetAttribute("value"));
        Assert.Equal("+447700900001", (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).MobilePhone);
    }

    [Fact]
    public async Task Mobile_cannot_be_removed_while_text_is_the_preferred_way_to_be_contacted()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory, method: ContactMethod.Text);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        await ContactTestTenants.ConfirmPasswordAsync(client);

        var document = await (await client.SubmitFormAsync("/contact-details/mobile-phone", new Dictionary<string, string> { ["Value"] = "" })).GetDocumentAsync();

        Assert.StartsWith("To be contacted by text, we need a mobile number", document.FieldError("Value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_after_someone_else_changed_the_record_shows_the_current_values_and_overwrites_nothing()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/preferred-contact", new Dictionary<string, string> { ["Value"] = "Email" }));

        // An officer changes the record meanwhile (as the HMS or the admin pages would: new values and a new Version).
        await using (var db = ContactTestTenants.Housing(Factory))
        {
            var row = await db.Tenants.SingleAsync(t => t.Id == tenant.TenantId);
            row.PreferredContactMethod = ContactMethod.Phone;
            row.HomePhone = "+441614960000";
            row.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        var response = await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This was changed by someone else while you were editing. Here is what we now hold.", document.QuerySelector("#conflict").Text(), StringComparison.Ordinal);
        Assert.Equal("Phone call", document.QuerySelector("[data-field=PreferredContactMethod] .contact-value").Text());
        Assert.Equal("0161 496 0000", document.QuerySelector("[data-field=HomePhone] .contact-value").Text());
        var after = await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId);
        Assert.Equal(ContactMethod.Phone, after.PreferredContactMethod);
        Assert.Empty(await ContactTestTenants.HistoryRowsAsync(Factory, tenant.TenantId));
    }

    [Fact]
    public async Task Tampered_hidden_fields_cannot_change_another_tenants_record()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var other = await ContactTestTenants.CreateAsync(Factory);
        var jointTenantId = await ContactTestTenants.AddJointTenantAsync(Factory, tenant);
        var otherBefore = await ContactTestTenants.TenantRowAsync(Factory, other.TenantId);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/advocate", new Dictionary<string, string> { ["Value"] = "Jo Smith, my daughter" }));

        await client.SubmitFormAsync(check, new Dictionary<string, string>
        {
            ["Step"] = "save",
            ["TenantId"] = other.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Id"] = other.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Item.Field"] = "Email",
        });

        Assert.Equal("Jo Smith, my daughter", (await ContactTestTenants.TenantRowAsync(Factory, tenant.TenantId)).Advocate);
        var otherAfter = await ContactTestTenants.TenantRowAsync(Factory, other.TenantId);
        Assert.Null(otherAfter.Advocate);
        Assert.Equal(otherBefore.Version, otherAfter.Version);
        Assert.Empty(await ContactTestTenants.HistoryRowsAsync(Factory, other.TenantId));
        Assert.Null((await ContactTestTenants.TenantRowAsync(Factory, jointTenantId)).Advocate);
    }

    [Fact]
    public async Task A_tenant_cannot_open_the_officer_pages_for_anyone_including_their_joint_tenant()
    {
        var tenant = await ContactTestTenants.CreateAsync(Factory);
        var jointTenantId = await ContactTestTenants.AddJointTenantAsync(Factory, tenant);
        var client = await ContactTestTenants.SignedInClientAsync(Factory, tenant);

        var view = await client.GetAsync(new Uri($"/admin/tenants/{jointTenantId}/contact-details", UriKind.Relative));
        var edit = await client.GetAsync(new Uri($"/admin/tenants/{jointTenantId}/contact-details/edit", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, view.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("/error/403", view.Headers.Location?.OriginalString ?? "/error/403", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var client = Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/contact-details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
