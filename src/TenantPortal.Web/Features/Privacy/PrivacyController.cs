using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Privacy;

/// <summary>What the portal keeps and for how long, in plain English; the periods come from the settings that drive
/// retention, so the page cannot drift from what the app does.</summary>
[AllowAnonymous]
public sealed class PrivacyController(IOptions<RepairsOptions> repairs) : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Index() => View("Index", new PrivacyPage(
        repairs.Value.KeepClosedRepairPhotosMonths,
        (int)RepairDraftStore.MaxAge.TotalDays,
        repairs.Value.MaxPhotosPerRepair,
        (int)SessionClaims.AbsoluteLifetime.TotalHours,
        (int)KeptForms.Lifetime.TotalHours));
}

public sealed record PrivacyPage(int ClosedRepairPhotoMonths, int DraftDays, int PhotosPerRepair, int SessionHours, int KeptFormHours);
