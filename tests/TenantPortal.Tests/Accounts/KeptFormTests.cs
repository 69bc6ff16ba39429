using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.ContactDetails;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Shared.Journeys;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Accounts;

/// <summary>With JavaScript off, a form sent after the 30-minute idle sign-out (or after the session was closed on the
/// server) keeps its text on the server: the sign-in page says so, signing in again goes back to the form's page, and
/// the page shows the text once, to the same user only, for up to 2 hours.</summary>
public sealed class KeptFormTests : IAsyncLifetime
{
    private const string Describe = "/repairs/report/describe";
    private const string Text = "Water is coming through the kitchen ceiling onto the cooker";

    private readonly FakeTimeProvider clock = TestClock.Fake();
    private RepairsApp app = null!;

    public async Task InitializeAsync() => app = await RepairsApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_description_sent_after_thirty_minutes_without_activity_is_on_its_page_again_after_signing_in()
    {
        var client = await app.SignedInAsync();
        var describe = await ToDescribePageAsync(client);

        var sent = await SendAfterIdleAsync(client, describe, new() { ["Description"] = Text });
        var signIn = await ToSignInAsync(client, sent);
        var back = await SignInOnAsync(client, signIn);
        var page = await client.FollowAsync(back);

        Assert.Contains("reason=idle-kept", sent.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.StartsWith("You were signed out after 30 minutes without activity. What you typed has been kept", signIn.QuerySelector("#signed-out")!.Text().Trim(), StringComparison.Ordinal);
        Assert.Equal(Describe, back.Headers.Location!.OriginalString);
        Assert.Equal(Text, page.QuerySelector("textarea#Description")!.TextContent);
        Assert.Equal("We kept what you typed before you were signed out. Check it and send it again.", page.QuerySelector("#kept-form")!.Text().Trim());
        Assert.Empty(page.ErrorSummary());
    }

    [Fact]
    public async Task Kept_text_is_shown_once_then_deleted()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text });
        await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        var again = await client.GetDocumentAsync(Describe);

        Assert.Equal("", again.QuerySelector("textarea#Description")!.TextContent);
        Assert.Null(again.QuerySelector("#kept-form"));
        Assert.Equal(0, await app.WithPortalAsync(db => db.KeptForms.CountAsync()));
    }

    [Fact]
    public async Task Another_tenant_signing_in_on_the_same_browser_never_sees_the_kept_text()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text });
        var signIn = await ToSignInAsync(client, sent);

        await SignInOnAsync(client, signIn, RepairsApp.SecondTenantEmail);
        var graces = await ToDescribePageAsync(client);

        Assert.Equal("", graces.QuerySelector("textarea#Description")!.TextContent);
        Assert.Null(graces.QuerySelector("#kept-form"));
        Assert.DoesNotContain("kitchen ceiling", graces.Source.Text, StringComparison.Ordinal);
        var alex = await UserIdAsync(Web.Infrastructure.Database.DemoSeeder.TenantEmail);
        Assert.Equal([alex], await app.WithPortalAsync(db => db.KeptForms.Select(k => k.OwnerUserId).ToListAsync()));
    }

    [Fact]
    public async Task Kept_text_is_no_longer_offered_two_hours_later_and_the_clean_up_deletes_it()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text });
        var signIn = await ToSignInAsync(client, sent);

        clock.Advance(KeptForms.Lifetime);
        var page = await client.FollowAsync(await SignInOnAsync(client, signIn));
        var deleted = await app.Factory.Services.GetRequiredService<AbandonedJourneyCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.Equal("", page.QuerySelector("textarea#Description")!.TextContent);
        Assert.Null(page.QuerySelector("#kept-form"));
        Assert.Equal(0, deleted); // no journeys were due; the kept form was
        Assert.Equal(0, await app.WithPortalAsync(db => db.KeptForms.CountAsync()));
    }

    [Fact]
    public async Task Kept_text_is_still_offered_just_before_the_two_hours_are_up()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text });
        var signIn = await ToSignInAsync(client, sent);

        clock.Advance(KeptForms.Lifetime - TimeSpan.FromMinutes(1));
        await app.Factory.Services.GetRequiredService<AbandonedJourneyCleanup>().RunOnceAsync(CancellationToken.None);
        var page = await client.FollowAsync(await SignInOnAsync(client, signIn));

        Assert.Equal(Text, page.QuerySelector("textarea#Description")!.TextContent);
    }

    [Fact]
    public async Task What_is_kept_is_encrypted_and_leaves_out_passwords_and_the_antiforgery_token_and_stays_out_of_urls()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text, ["CurrentPassword"] = "Hunter2-secret" });

        var row = await app.WithPortalAsync(db => db.KeptForms.SingleAsync());
        var fields = JsonSerializer.Deserialize<KeptFields>(app.Factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(KeptForms.ProtectionPurpose, row.OwnerUserId).Unprotect(row.ProtectedFields))!;

        Assert.DoesNotContain("kitchen", row.ProtectedFields, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(fields.Fields, f => f[0] == "Description" && f[1] == Text);
        Assert.DoesNotContain(fields.Fields, f => f[0] is "CurrentPassword" or "__RequestVerificationToken");
        Assert.Equal(Describe, row.Path);
        Assert.DoesNotContain("kitchen", Uri.UnescapeDataString(sent.Headers.Location!.OriginalString), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_sent_after_the_session_was_closed_on_the_server_is_kept_too()
    {
        var client = await app.SignedInAsync();
        var describe = await ToDescribePageAsync(client);
        var alex = await UserIdAsync(Web.Infrastructure.Database.DemoSeeder.TenantEmail);
        await app.WithPortalAsync(db => db.UserTokens.Where(t => t.UserId == alex && t.LoginProvider == ServerSessions.LoginProvider).ExecuteDeleteAsync());

        var sent = await client.SubmitFormAsync(describe, new Dictionary<string, string> { ["Description"] = Text });
        var signIn = await ToSignInAsync(client, sent);
        var page = await client.FollowAsync(await SignInOnAsync(client, signIn));

        Assert.Contains("reason=ended-kept", sent.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.Equal("You were signed out. What you typed has been kept: sign in again to check it and send it.", signIn.QuerySelector("#signed-out")!.Text().Trim());
        Assert.Equal(Text, page.QuerySelector("textarea#Description")!.TextContent);
    }

    [Fact]
    public async Task A_form_without_the_pages_antiforgery_token_keeps_nothing()
    {
        var client = await app.SignedInAsync();
        await ToDescribePageAsync(client);
        clock.Advance(TimeSpan.FromMinutes(31));

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Description"] = Text });
        var sent = await client.PostAsync(new Uri(Describe, UriKind.Relative), forged);

        Assert.Contains("reason=idle", sent.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("kept", sent.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithPortalAsync(db => db.KeptForms.CountAsync()));
    }

    [Fact]
    public async Task A_sign_in_cookie_that_cannot_be_read_keeps_nothing()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, Describe) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Description"] = Text }) };
        request.Headers.Add("Cookie", "__Host-TenantPortal=not-a-ticket");

        var sent = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("reason=idle", sent.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("kept", sent.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithPortalAsync(db => db.KeptForms.CountAsync()));
    }

    [Fact]
    public async Task Sending_the_same_page_twice_after_the_sign_out_keeps_only_the_latest()
    {
        var client = await app.SignedInAsync();
        var describe = await ToDescribePageAsync(client);
        await SendAfterIdleAsync(client, describe, new() { ["Description"] = "First try" });

        var sent = await client.SubmitFormAsync(describe, new Dictionary<string, string> { ["Description"] = Text });
        var kept = await app.WithPortalAsync(db => db.KeptForms.CountAsync());
        var page = await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        Assert.Equal(1, kept);
        Assert.Equal(Text, page.QuerySelector("textarea#Description")!.TextContent);
    }

    [Fact]
    public async Task Information_for_a_repair_is_kept_and_the_photos_are_asked_for_again()
    {
        var client = await app.SignedInAsync();
        var reference = await app.Factory.DemoOpenRepairAsync();
        var addPage = $"/repairs/{reference}/add-information";
        var token = await client.AntiforgeryTokenAsync(addPage);
        clock.Advance(TimeSpan.FromMinutes(31));

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("The leak has spread to the hall carpet"), "Information" },
            { new ByteArrayContent(TestImages.Jpeg()), "upload", "leak.jpg" },
        };
        var sent = await client.PostAsync(new Uri(addPage, UriKind.Relative), content);
        var page = await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        Assert.Equal("The leak has spread to the hall carpet", page.QuerySelector("textarea#Information")!.TextContent);
        Assert.Contains("We could not keep photos", page.QuerySelector("#kept-form")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_keeps_the_chosen_answers_as_well_as_the_comment()
    {
        var client = await app.SignedInAsync();
        var reference = await app.Factory.DemoOpenRepairAsync();
        await app.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, Web.Data.Housing.RepairStatus.Completed)));
        var feedback = await client.GetDocumentAsync($"/repairs/{reference}/feedback");

        var sent = await SendAfterIdleAsync(client, feedback, new() { ["RepairRating"] = "2", ["TimeRating"] = "4", ["Comment"] = "The tap is fine now" });
        var page = await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=RepairRating][value='2']")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=TimeRating][value='4']")!).IsChecked);
        Assert.Equal("The tap is fine now", page.QuerySelector("textarea#Comment")!.TextContent);
    }

    [Fact]
    public async Task A_complaint_keeps_the_chosen_topic()
    {
        var client = await app.SignedInAsync();
        var about = await client.FollowAsync(await client.GetAsync(new Uri("/complaints/new", UriKind.Relative)));

        var sent = await SendAfterIdleAsync(client, about, new() { ["Form.Topic"] = "Payment" });
        var page = await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name='Form.Topic'][value=Payment]")!).IsChecked);
        Assert.NotNull(page.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task Contact_details_keep_the_answer_being_changed()
    {
        var client = await app.SignedInAsync();
        var question = await client.GetDocumentAsync("/contact-details/interpreter");

        var sent = await SendAfterIdleAsync(client, question, new() { ["Value"] = "Welsh" });
        var page = await client.FollowAsync(await SignInOnAsync(client, await ToSignInAsync(client, sent)));

        Assert.Equal("Welsh", page.QuerySelector("input[name=Value]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task An_officers_description_is_kept_through_the_two_factor_sign_in()
    {
        var client = await SignedInOfficerAsync();
        var start = OfficerReportJourney.Base;
        ReportJourney.Expect(await client.SubmitFormAsync(start, new Dictionary<string, string> { ["channel"] = "Phone" }), $"{start}/where");
        await client.ChooseAsync($"{start}/where", "Kitchen");
        await client.ChooseAsync($"{start}/what", "Tap");
        await client.ChooseAsync($"{start}/problem", "Dripping or leaking");
        var describe = await client.GetDocumentAsync($"{start}/describe");

        var sent = await SendAfterIdleAsync(client, describe, new() { ["Description"] = "Tenant says the tap drips all night" });
        var signIn = await ToSignInAsync(client, sent);
        var page = await client.FollowAsync(await OfficerSignInAsync(client, signIn));

        Assert.Equal($"{start}/describe", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Tenant says the tap drips all night", page.QuerySelector("textarea#Description")!.TextContent);
        Assert.NotNull(page.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task An_officers_note_on_the_repair_page_is_kept_and_signing_in_again_returns_to_the_repair_page_not_the_forms_address()
    {
        var client = await SignedInOfficerAsync();
        var reference = await app.Factory.DemoOpenRepairAsync();
        var repairPage = await client.GetDocumentAsync($"/admin/repairs/{reference}");

        clock.Advance(TimeSpan.FromMinutes(31));
        var sent = await client.SubmitFormAsync(repairPage, new Dictionary<string, string> { ["StatusForm.Note"] = "Tenant rang: the leak is worse" }, "form[action$='/status']");
        var signIn = await ToSignInAsync(client, sent);
        var back = await OfficerSignInAsync(client, signIn);
        var page = await client.FollowAsync(back);

        Assert.Equal($"/admin/repairs/{reference}", back.Headers.Location!.OriginalString, ignoreCase: true);
        Assert.Equal("Tenant rang: the leak is worse", page.QuerySelector("textarea#StatusForm_Note")!.TextContent);
        Assert.NotNull(page.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task An_officers_chosen_status_and_note_visibility_on_the_repair_page_are_kept_once()
    {
        var client = await SignedInOfficerAsync();
        var reference = await app.Factory.DemoOpenRepairAsync();
        var repairPage = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        var statusBefore = SelectedStatus(repairPage);

        clock.Advance(TimeSpan.FromMinutes(31));
        var sent = await client.SubmitFormAsync(repairPage, new Dictionary<string, string>
        {
            ["StatusForm.Status"] = "OnHold",
            ["StatusForm.Note"] = "Waiting for the roofer",
            ["StatusForm.NoteVisibility"] = "tenant",
        }, "form[action$='/status']");
        var page = await client.FollowAsync(await OfficerSignInAsync(client, await ToSignInAsync(client, sent)));
        var again = await client.GetDocumentAsync($"/admin/repairs/{reference}");

        Assert.NotEqual("OnHold", statusBefore);
        Assert.Equal("OnHold", SelectedStatus(page));
        Assert.Equal("tenant", CheckedVisibility(page, "StatusForm"));
        Assert.Equal("Waiting for the roofer", page.QuerySelector("textarea#StatusForm_Note")!.TextContent);
        Assert.Equal(statusBefore, SelectedStatus(again));
        Assert.Equal("internal", CheckedVisibility(again, "StatusForm"));
        Assert.Null(again.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task An_officers_ticked_and_unticked_contact_boxes_and_chosen_contact_method_are_kept_once()
    {
        var tenant = await ContactTestTenants.CreateAsync(app.Factory, method: Web.Data.Housing.ContactMethod.Letter);
        await app.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenant.TenantId).ExecuteUpdateAsync(t => t.SetProperty(x => x.AgreesToEmails, true)));
        var client = await SignedInOfficerAsync();
        var edit = $"/admin/tenants/{tenant.TenantId}/contact-details/edit";
        var form = await client.GetDocumentAsync(edit);

        // Texts and large print ticked, emails unticked (a browser sends nothing for it), phone chosen.
        var sent = await SendAfterIdleAsync(client, form, new()
        {
            ["MobilePhone"] = "07700 900001",
            ["Email"] = tenant.Email,
            ["PreferredContactMethod"] = "Phone",
            ["AgreesToTexts"] = "true",
            ["NeedsLargePrint"] = "true",
        });
        var signIn = await ToSignInAsync(client, sent);
        var back = await OfficerSignInAsync(client, signIn);
        var page = await client.FollowAsync(back);
        var again = await client.GetDocumentAsync(edit);

        Assert.Equal(edit, back.Headers.Location!.OriginalString, ignoreCase: true);
        Assert.NotNull(page.QuerySelector("#kept-form"));
        Assert.Equal(("Phone", true, false, true), ContactChoices(page));
        Assert.Equal(("Letter", false, true, false), ContactChoices(again));
        Assert.Null(again.QuerySelector("#kept-form"));
    }

    [Fact]
    public async Task Kept_contact_details_sent_again_after_someone_else_changed_them_are_refused_as_a_conflict_not_saved_over_the_change()
    {
        var tenant = await ContactTestTenants.CreateAsync(app.Factory);
        var client = await SignedInOfficerAsync();
        var edit = $"/admin/tenants/{tenant.TenantId}/contact-details/edit";
        var sent = await SendAfterIdleAsync(client, await client.GetDocumentAsync(edit), new()
        {
            ["MobilePhone"] = "07700 900222",
            ["Email"] = tenant.Email,
            ["PreferredContactMethod"] = "Letter",
        });
        var signIn = await ToSignInAsync(client, sent);
        await app.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenant.TenantId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.MobilePhone, "+447700900999").SetProperty(x => x.Version, Guid.NewGuid())));
        var page = await client.FollowAsync(await OfficerSignInAsync(client, signIn));

        var resent = await client.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["MobilePhone"] = page.QuerySelector("input#MobilePhone")!.GetAttribute("value")!,
            ["Email"] = tenant.Email,
            ["PreferredContactMethod"] = "Letter",
        });
        var answer = await resent.GetDocumentAsync();

        Assert.Equal("07700 900222", page.QuerySelector("input#MobilePhone")!.GetAttribute("value"));
        Assert.NotNull(answer.QuerySelector("#conflict"));
        Assert.Equal("+447700900999", (await ContactTestTenants.TenantRowAsync(app.Factory, tenant.TenantId)).MobilePhone);
    }

    [Fact]
    public async Task A_user_has_at_most_ten_kept_forms_and_a_newer_one_pushes_out_the_oldest()
    {
        var client = await SignedInOfficerAsync();
        var token = await client.AntiforgeryTokenAsync("/admin/repairs");
        clock.Advance(TimeSpan.FromMinutes(31));

        for (var i = 1; i <= KeptForms.MaxPerUser + 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["StatusForm.Note"] = $"Note {i}" });
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri($"/admin/repairs/TEST-{i:D4}/status", UriKind.Relative), form)).StatusCode);
        }

        var paths = await app.WithPortalAsync(db => db.KeptForms.OrderBy(k => k.CreatedAt).Select(k => k.Path).ToListAsync());
        Assert.Equal(KeptForms.MaxPerUser, paths.Count);
        Assert.Equal("/admin/repairs/TEST-0003", paths[0], ignoreCase: true);
        Assert.Equal("/admin/repairs/TEST-0012", paths[^1], ignoreCase: true);
    }

    [Fact]
    public async Task The_privacy_notice_and_the_cookies_page_say_what_is_kept_at_a_sign_out_and_for_how_long()
    {
        var client = await app.SignedInAsync();
        var sent = await SendAfterIdleAsync(client, await ToDescribePageAsync(client), new() { ["Description"] = Text });

        var kept = (await client.GetDocumentAsync("/privacy")).QuerySelector("#kept-when-signed-out").Text();
        var cookies = (await client.GetDocumentAsync("/cookies")).QuerySelectorAll(".cookie-list__name").Select(n => n.Text()).ToList();

        Assert.Contains("we keep what you typed in it (never your password or photos)", kept, StringComparison.Ordinal);
        Assert.Contains("after 2 hours", kept, StringComparison.Ordinal);
        Assert.Contains(sent.Headers.GetValues("Set-Cookie"), c => c.StartsWith(KeptForms.Cookie + "=", StringComparison.Ordinal));
        Assert.Contains(KeptForms.Cookie, cookies);
    }

    private static string? SelectedStatus(IHtmlDocument page) =>
        page.QuerySelectorAll("select#StatusForm_Status option").OfType<IHtmlOptionElement>().SingleOrDefault(o => o.IsSelected)?.Value;

    private static string? CheckedVisibility(IHtmlDocument page, string form) =>
        page.QuerySelectorAll($"input[name='{form}.NoteVisibility']").OfType<IHtmlInputElement>().SingleOrDefault(i => i.IsChecked)?.Value;

    /// <summary>The contact method chosen and whether texts, emails and large print are ticked.</summary>
    private static (string? Method, bool Texts, bool Emails, bool LargePrint) ContactChoices(IHtmlDocument page)
    {
        bool Ticked(string name) => ((IHtmlInputElement)page.QuerySelector($"input[type=checkbox][name={name}]")!).IsChecked;
        var method = page.QuerySelectorAll("input[name=PreferredContactMethod]").OfType<IHtmlInputElement>().SingleOrDefault(i => i.IsChecked)?.Value;
        return (method, Ticked("AgreesToTexts"), Ticked("AgreesToEmails"), Ticked("NeedsLargePrint"));
    }

    private static async Task<IHtmlDocument> ToDescribePageAsync(HttpClient client)
    {
        ReportJourney.Expect(await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>()), "/repairs/report/where");
        await client.ChooseAsync("/repairs/report/where", "Kitchen");
        await client.ChooseAsync("/repairs/report/what", "Tap");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking"), Describe);
        return await client.GetDocumentAsync(Describe);
    }

    /// <summary>The tenant leaves the page open for 31 minutes, then sends it.</summary>
    private async Task<HttpResponseMessage> SendAfterIdleAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string> fields)
    {
        clock.Advance(TimeSpan.FromMinutes(31));
        var sent = await client.SubmitFormAsync(page, fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return sent;
    }

    /// <summary>The sign-in page the sign-out sent the browser to (the challenge gives an absolute address).</summary>
    private static Task<IHtmlDocument> ToSignInAsync(HttpClient client, HttpResponseMessage sent) =>
        client.GetDocumentAsync(sent.Headers.Location!.PathAndQuery);

    /// <summary>Signs in on the sign-in page the sign-out led to (it carries the return address).</summary>
    private static async Task<HttpResponseMessage> SignInOnAsync(HttpClient client, IHtmlDocument signIn, string email = DemoSeeder.TenantEmail)
    {
        var response = await client.SubmitFormAsync(signIn, new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private async Task<HttpClient> SignedInOfficerAsync()
    {
        var client = app.Factory.CreateBrowserClient();
        await OfficerSignInAsync(client, await client.GetDocumentAsync("/account/sign-in"));
        return client;
    }

    /// <summary>Password, then the authenticator code for the app's (moved) clock.</summary>
    private async Task<HttpResponseMessage> OfficerSignInAsync(HttpClient client, IHtmlDocument signIn)
    {
        var code = await client.FollowAsync(await client.SubmitFormAsync(signIn, new Dictionary<string, string> { ["Email"] = DemoSeeder.OfficerEmail, ["Password"] = DemoSeeder.Password }));
        var signedIn = await client.SubmitFormAsync(code, new Dictionary<string, string> { ["Code"] = Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn;
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;
    }
}
