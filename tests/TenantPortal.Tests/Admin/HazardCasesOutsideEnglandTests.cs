using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Admin;

/// <summary>Awaab's Law is the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025: it
/// applies to landlords in England only, so a landlord in Wales opens no hazard case and runs no statutory clock.</summary>
public sealed class HazardCasesOutsideEnglandTests : IDisposable
{
    private readonly PortalAppFactory factory = new(settings: new Dictionary<string, string?> { ["Landlord:Region"] = "Wales" });

    [Fact]
    public async Task A_landlord_in_Wales_cannot_open_an_Awaabs_Law_hazard_case_and_is_told_why()
    {
        var client = factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        var reference = await factory.NewRepairAsync();

        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}/hazard");
        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Classify.Kind"] = "DampAndMould", ["Classify.Reason"] = "Mould in the bedroom" }, "form[action$='/hazard/classify']");
        var result = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Awaab's Law applies to landlords in England only", string.Join(" ", result.ErrorSummary()), StringComparison.Ordinal);
        Assert.False(await factory.HousingAsync(db => db.RepairHazardCases.AnyAsync(c => c.Repair.Reference == reference)));
    }

    public void Dispose() => factory.Dispose();
}
