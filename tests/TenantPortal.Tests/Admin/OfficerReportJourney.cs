using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Admin;

/// <summary>An officer reporting a dripping kitchen tap for DEMO-0002 through the report-a-repair pages at
/// /admin/tenancies/DEMO-0002/report-repair, up to the check page.</summary>
public static class OfficerReportJourney
{
    public static readonly string Base = $"/admin/tenancies/{DemoData.SecondTenancyReference}/report-repair";

    /// <summary>Returns whether a time was offered (and the first one chosen).</summary>
    public static async Task<bool> ToCheckPageAsync(HttpClient client, RepairChannel channel, string description)
    {
        ReportJourney.Expect(await client.SubmitFormAsync(Base, new Dictionary<string, string> { ["channel"] = channel.ToString() }), $"{Base}/where");
        ReportJourney.Expect(await client.ChooseAsync($"{Base}/where", "Kitchen"), $"{Base}/what");
        ReportJourney.Expect(await client.ChooseAsync($"{Base}/what", "Tap"), $"{Base}/problem");
        ReportJourney.Expect(await client.ChooseAsync($"{Base}/problem", "Dripping or leaking"), $"{Base}/describe");
        ReportJourney.Expect(await client.SubmitFormAsync($"{Base}/describe", new Dictionary<string, string> { ["Description"] = description }), $"{Base}/photos");
        ReportJourney.Expect(await client.SubmitFormAsync($"{Base}/photos", new Dictionary<string, string> { ["button"] = "continue" }, "form[enctype]"), $"{Base}/access");
        ReportJourney.Expect(await client.SubmitFormAsync($"{Base}/access", new Dictionary<string, string> { ["WhoWillBeHome"] = "Grace", ["ContactPhone"] = "07700 900 123" }), $"{Base}/appointment");
        var slots = await client.GetDocumentAsync($"{Base}/appointment");
        var first = slots.QuerySelector(".radio input");
        var fields = new Dictionary<string, string>();
        if (first is not null)
        {
            fields["Choice"] = first.GetAttribute("value")!;
        }

        ReportJourney.Expect(await client.SubmitFormAsync(slots, fields), $"{Base}/check");
        return first is not null;
    }
}
