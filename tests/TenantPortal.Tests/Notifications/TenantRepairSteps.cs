using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;

namespace TenantPortal.Tests.Notifications;

/// <summary>A signed-in tenant's steps the notification tests share, as a browser without JavaScript takes them.</summary>
public static class TenantRepairSteps
{
    /// <summary>Reports a dripping kitchen tap with the first slot; returns its reference and the confirmation's text.</summary>
    public static async Task<(string Reference, string Confirmation)> ReportAsync(HttpClient client)
    {
        Assert.NotNull(await ReportJourney.ToCheckPageAsync(client));
        var check = await client.GetDocumentAsync("/repairs/report/check");
        var response = await client.SubmitFormAsync(check, new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return (confirmation.QuerySelector(".panel strong")!.TextContent.Trim(), confirmation.QuerySelector("main")!.TextContent);
    }

    /// <summary>Moves the repair's appointment to another offered time.</summary>
    public static async Task ChangeAppointmentAsync(HttpClient client, string reference)
    {
        var page = await client.GetDocumentAsync($"/repairs/{reference}/appointment");
        var slot = page.QuerySelectorAll("input[name=slotId]").First(i => !i.HasAttribute("checked")).GetAttribute("value")!;
        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["slotId"] = slot });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/repairs/{reference}", response.Headers.Location!.OriginalString);
    }
}
