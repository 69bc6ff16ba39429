using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Repairs;

public sealed class NotFixedForm
{
    [Required(ErrorMessage = "Enter what is still wrong")]
    [StringLength(900, ErrorMessage = "What is still wrong must be 900 characters or fewer")]
    public string? WhatIsWrong { get; set; }
}

/// <summary>"It's not fixed" on a completed repair of the tenant's own, within the period after completion.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("repairs/{reference}/not-fixed")]
public sealed class NotFixedController(HousingDbContext db, RepairRecalls recalls) : Controller
{
    private const string ViewPath = "~/Features/Repairs/NotFixed.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(Reference reference, CancellationToken ct)
    {
        var state = await StateAsync(reference, ct);
        return state switch
        {
            null => NotFound(),
            { OpenRecall: { } open } => RedirectToAction(nameof(RepairsController.Details), "Repairs", new { reference = open }),
            { MaySay: false } => RedirectToAction(nameof(RepairsController.Details), "Repairs", new { reference = reference.Value }),
            _ => View(ViewPath, new NotFixedForm()),
        };
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(Reference reference, NotFixedForm form, CancellationToken ct)
    {
        if (await StateAsync(reference, ct) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(ViewPath, form);
        }

        var result = await recalls.NotFixedAsync(reference, User.TenancyId(), form.WhatIsWrong!, new RepairActor(User.DisplayName(), User.TenantId()), ct);
        if (result.Outcome is RecallOutcome.Raised)
        {
            TempData["RecallRaised"] = reference.Value;
        }

        return RedirectToAction(nameof(RepairsController.Details), "Repairs", new { reference = result.Reference ?? reference.Value });
    }

    private async Task<(bool MaySay, string? OpenRecall)?> StateAsync(string reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var r = await db.Repairs.AsNoTracking().Where(x => x.Reference == reference && x.TenancyId == tenancyId)
            .Select(x => new { x.Id, x.Status, x.CompletedAt }).SingleOrDefaultAsync(ct);
        return r is null ? null : (recalls.TenantMaySayNotFixed(r.Status, r.CompletedAt), await recalls.OpenRecallAsync(r.Id, ct));
    }
}
