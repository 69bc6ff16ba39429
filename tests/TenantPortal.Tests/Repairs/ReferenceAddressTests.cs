using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Repairs;

/// <summary>References in addresses: links keep the reference as the HMS stores it, and an address typed (or sent in an
/// older email) in lower case still finds the repair.</summary>
public sealed class ReferenceAddressTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task A_repair_found_by_its_reference_in_lower_case_and_every_redirect_keeps_it_in_capitals()
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, "Reference address test");
        var submitted = await client.SubmitFormAsync(await client.GetDocumentAsync("/repairs/report/check"), new Dictionary<string, string>());
        var reference = submitted.Headers.Location!.OriginalString.Split('/')[^1];

        var lower = await client.GetDocumentAsync($"/repairs/{reference.ToLowerInvariant()}");
        var cancelled = await client.SubmitFormAsync(await client.GetDocumentAsync($"/repairs/{reference.ToLowerInvariant()}/cancel"), new Dictionary<string, string>());

        Assert.Matches(@"^R\d{4}-\d{5}$", reference);
        Assert.Contains(reference, lower.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/repairs/{reference}", cancelled.Headers.Location?.OriginalString);
    }
}
