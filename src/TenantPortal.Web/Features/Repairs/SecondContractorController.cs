using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Right to Repair: the tenant asks online for a different contractor once the prescribed period has passed
/// without the repair done (<see cref="RightToRepairCases.RequestSecondContractorAsync"/>). Only for a repair of the
/// signed-in tenant's tenancy: anything else is a 404.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("repairs")]
public sealed class SecondContractorController(HousingDbContext db, RightToRepairCases cases) : Controller
{
    [HttpPost("{reference}/second-contractor")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Ask(Reference reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var repairId = await db.Repairs.AsNoTracking().Where(r => r.Reference == reference.Value && r.TenancyId == tenancyId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (repairId is not int id)
        {
            return NotFound();
        }

        var result = await cases.RequestSecondContractorAsync(id, tenancyId, User, ct);
        if (result.Outcome == RightToRepairOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["RightToRepairMessage"] = result.Outcome == RightToRepairOutcome.Done
            ? "We have your request. We will send a different contractor and a new repair notice."
            : result.Error ?? "Something changed while you had the page open. Check the details and try again.";
        return RedirectToAction("Details", "Repairs", new { reference = reference.Value });
    }
}
