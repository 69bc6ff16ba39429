using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Security;

/// <summary>Every date filter refuses dates it cannot turn into a range (year 1, year 9999 overflowed into a 500)
/// with a message next to the field and in the error summary, and keeps what was typed.</summary>
public sealed class DateFilterTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private const string StartOutOfRange = "The start date must be between 1 January 2000 and 31 December 2099";
    private const string EndOutOfRange = "The end date must be between 1 January 2000 and 31 December 2099";

    [Theory]
    [InlineData("/admin/payments?to=9999-12-31", "To")]
    [InlineData("/admin/repairs?to=9999-12-31", "To")]
    [InlineData("/admin/audit?to=9999-12-31", "To")]
    public async Task An_end_date_in_year_9999_gets_a_message_next_to_the_field_not_an_error_page(string url, string field)
    {
        var client = await AdministratorAsync();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EndOutOfRange, page.FieldError(field));
        Assert.Equal([EndOutOfRange], page.ErrorSummary());
        Assert.Equal($"#{field}", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("9999-12-31", page.QuerySelector($"#{field}")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/admin/payments?from=0001-01-01&to=9999-12-31", "From", "To")]
    [InlineData("/admin/repairs?from=0001-01-01&to=9999-12-31", "From", "To")]
    [InlineData("/admin/audit?from=0001-01-01&to=9999-12-31", "From", "To")]
    public async Task Both_dates_out_of_range_get_both_messages_in_field_order(string url, string from, string to)
    {
        var client = await AdministratorAsync();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StartOutOfRange, page.FieldError(from));
        Assert.Equal(EndOutOfRange, page.FieldError(to));
        Assert.Equal([StartOutOfRange, EndOutOfRange], page.ErrorSummary());
    }

    [Theory]
    [InlineData("/admin/payments?from=2026-03-02&to=2026-03-01", "To")]
    [InlineData("/admin/repairs?from=2026-03-02&to=2026-03-01", "To")]
    public async Task An_end_date_before_the_start_date_is_explained(string url, string field)
    {
        var client = await AdministratorAsync();

        var page = await client.GetDocumentAsync(url);

        Assert.Equal("The end date must be the same as or after the start date", page.FieldError(field));
    }

    [Theory]
    [InlineData("/admin/payments?from=2000-01-01&to=2099-12-31")]
    [InlineData("/admin/repairs?from=2000-01-01&to=2099-12-31")]
    [InlineData("/admin/audit?from=2000-01-01&to=2099-12-31")]
    public async Task The_widest_allowed_range_is_accepted_without_a_message(string url)
    {
        var client = await AdministratorAsync();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.ErrorSummary());
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(client);
        return client;
    }
}
