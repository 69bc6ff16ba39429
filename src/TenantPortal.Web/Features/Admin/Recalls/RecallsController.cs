using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Recalls;

public sealed class RecallReasonForm
{
    [Required(ErrorMessage = "Enter the reason")]
    [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? Reason { get; set; }
}

/// <summary>An officer recalls (a new linked job) or reopens a completed repair, with a reason (<see cref="RepairRecalls"/>).</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/repairs/{reference}")]
public sealed class RecallsController(HousingDbContext housing, RepairRecalls recalls) : Controller
{
    [HttpGet("recall")]
    public Task<IActionResult> Recall(Reference reference, CancellationToken ct) => FormAsync(reference, reopen: false, new RecallReasonForm(), ct);

    [HttpGet("reopen")]
    public Task<IActionResult> Reopen(Reference reference, CancellationToken ct) => FormAsync(reference, reopen: true, new RecallReasonForm(), ct);

    [HttpPost("recall")]
    public async Task<IActionResult> Recall(Reference reference, RecallReasonForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(reference, reopen: false, form, ct);
        }

        var result = await recalls.RecallAsync(reference, form.Reason!, User, ct);
        return After(reference, result, $"Recall job raised for repair {reference.Value}, which was not fixed.");
    }

    [HttpPost("reopen")]
    public async Task<IActionResult> Reopen(Reference reference, RecallReasonForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await FormAsync(reference, reopen: true, form, ct);
        }

        var result = await recalls.ReopenAsync(reference, form.Reason!, User, ct);
        return After(reference, result, "Repair reopened.");
    }

    private IActionResult After(string reference, RecallResult result, string message)
    {
        if (result.Outcome == RecallOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["RepairMessage"] = result.Outcome == RecallOutcome.Raised ? message : "Only a completed repair can be recalled or reopened.";
        return RedirectToAction("Show", "Repairs", new { area = "Admin", reference = result.Reference ?? reference });
    }

    private async Task<IActionResult> FormAsync(string reference, bool reopen, RecallReasonForm form, CancellationToken ct)
    {
        ViewData["Reopen"] = reopen;
        var status = await housing.Repairs.AsNoTracking().Where(r => r.Reference == reference).Select(r => (RepairStatus?)r.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            return NotFound();
        }

        return status != RepairStatus.Completed
            ? RedirectToAction("Show", "Repairs", new { area = "Admin", reference })
            : View("Reason", form);
    }
}
