using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.RepairContractor;

/// <summary>The contractor on a repair (officers) and, for a council landlord's qualifying repair, the Right to Repair:
/// assign the contractor (a repair notice goes to the tenant), record the tenant's request for a second contractor
/// from a call, issue the further works order, pay the compensation. <see cref="RightToRepairCases"/> does the work.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/repairs/{reference}/contractor")]
public sealed class RepairContractorController(HousingDbContext housing, PortalDbContext portal, RightToRepairCases cases, TimeProvider clock) : Controller
{
    private static readonly string[] FieldOrder = ["ContractorId", "ReceivedOn", "Method", "Note", "EstimatedCost"];

    /// <summary>The largest estimate the field takes: a typing slip beyond this is refused, not recorded.</summary>
    private const decimal MaximumEstimate = 1_000_000m;

    [HttpGet("")]
    public async Task<IActionResult> Show(Reference reference, CancellationToken ct)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        page.Message = TempData["ContractorMessage"] as string;
        return View("Show", page);
    }

    [HttpPost("assign")]
    public Task<IActionResult> Assign(Reference reference, [Bind(Prefix = RepairContractorPage.Assign)] RepairContractorForm form, CancellationToken ct) =>
        RunAsync(reference, RepairContractorPage.Assign, form, f => Require(RepairContractorPage.Assign, "ContractorId", f.ContractorId is not null, "Select a contractor"),
            f => cases.AssignContractorAsync(reference, f.Version, f.ContractorId!.Value, User, ct), "Contractor assigned.", ct);

    [HttpPost("second-contractor-request")]
    public Task<IActionResult> RecordRequest(Reference reference, [Bind(Prefix = RepairContractorPage.Request)] RepairContractorForm form, CancellationToken ct)
    {
        DateOnly receivedOn = default;
        return RunAsync(reference, RepairContractorPage.Request, form, f =>
        {
            var ok = DateOnly.TryParseExact(f.ReceivedOn?.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn);
            Require(RepairContractorPage.Request, "ReceivedOn", ok, string.IsNullOrWhiteSpace(f.ReceivedOn) ? "Enter the date the tenant asked" : "Enter a real date, for example 12/11/2026");
        }, f => cases.RecordSecondContractorRequestAsync(reference, f.Version, receivedOn, User, ct), "The tenant's request for a second contractor is recorded.", ct);
    }

    [HttpPost("further-works-order")]
    public Task<IActionResult> FurtherOrder(Reference reference, [Bind(Prefix = RepairContractorPage.FurtherOrder)] RepairContractorForm form, CancellationToken ct) =>
        RunAsync(reference, RepairContractorPage.FurtherOrder, form, f => Require(RepairContractorPage.FurtherOrder, "ContractorId", f.ContractorId is not null, "Select the second contractor"),
            f => cases.IssueFurtherWorksOrderAsync(reference, f.Version, f.ContractorId!.Value, User, ct), "Further works order issued. The tenant has a new repair notice.", ct);

    [HttpPost("compensation")]
    public Task<IActionResult> Compensation(Reference reference, [Bind(Prefix = RepairContractorPage.Compensation)] RepairContractorForm form, CancellationToken ct) =>
        RunAsync(reference, RepairContractorPage.Compensation, form, f =>
        {
            Require(RepairContractorPage.Compensation, "Method", f.Method is not null, "Select how the compensation is paid");
            if (f.Method == CompensationMethod.Other)
            {
                Require(RepairContractorPage.Compensation, "Note", !string.IsNullOrWhiteSpace(f.Note), "Say how the compensation was paid");
            }
        }, f => cases.PayCompensationAsync(reference, f.Version, f.Method!.Value, f.Note, User, ct), "Compensation paid.", ct);

    [HttpPost("estimated-cost")]
    public Task<IActionResult> EstimatedCost(Reference reference, [Bind(Prefix = RepairContractorPage.Estimate)] RepairContractorForm form, CancellationToken ct)
    {
        decimal? cost = null;
        return RunAsync(reference, RepairContractorPage.Estimate, form, f =>
        {
            if (string.IsNullOrWhiteSpace(f.EstimatedCost))
            {
                return;
            }

            var ok = Web.Features.Payments.PaymentAmount.TryParse(f.EstimatedCost, 0.01m, MaximumEstimate, "Enter the estimated cost", out var amount, out var error);
            Require(RepairContractorPage.Estimate, "EstimatedCost", ok, error?.Replace("The amount", "The estimated cost", StringComparison.Ordinal) ?? "");
            cost = ok ? amount : null;
        }, f => cases.RecordEstimatedCostAsync(reference, f.Version, cost, User, ct), "Estimated cost recorded.", ct);
    }

    private void Require(string form, string field, bool ok, string message) => AdminForms.Require(ModelState, $"{form}.{field}", ok, message);

    private async Task<IActionResult> RunAsync(Reference reference, string name, RepairContractorForm form, Action<RepairContractorForm> validate,
        Func<RepairContractorForm, Task<RightToRepairResult>> run, string done, CancellationToken ct)
    {
        validate(form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, name, form, ct);
        }

        var result = await run(form);
        switch (result.Outcome)
        {
            case RightToRepairOutcome.Done:
                TempData["ContractorMessage"] = done;
                return RedirectToAction(nameof(Show), new { reference = reference.Value });
            case RightToRepairOutcome.NotFound:
                return NotFound();
            case RightToRepairOutcome.Stale:
                ModelState.AddModelError($"{name}.{FirstField(name)}", "Someone else changed this repair while you had it open. Check the details below and try again");
                return await RedisplayAsync(reference, name, form, ct, freshVersion: true);
            default:
                ModelState.AddModelError($"{name}.{result.Field}", result.Error!);
                return await RedisplayAsync(reference, name, form, ct);
        }
    }

    private static string FirstField(string form) => form switch
    {
        RepairContractorPage.Request => "ReceivedOn",
        RepairContractorPage.Compensation => "Method",
        RepairContractorPage.Estimate => "EstimatedCost",
        _ => "ContractorId",
    };

    private async Task<IActionResult> RedisplayAsync(string reference, string name, RepairContractorForm form, CancellationToken ct, bool freshVersion = false)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (freshVersion)
        {
            form.Version = AdminForms.FreshVersion(ModelState, name, page.Version);
        }

        page.Forms[name] = form;
        ViewData["ErrorSummaryFieldOrder"] = AdminForms.FieldOrder(name, FieldOrder);
        return View("Show", page);
    }

    private async Task<RepairContractorPage?> LoadAsync(string reference, CancellationToken ct)
    {
        var r = await housing.Repairs.AsNoTracking().Where(x => x.Reference == reference)
            .Select(x => new
            {
                x.Id,
                x.Reference,
                x.Version,
                x.Status,
                What = x.CatalogueItem.Item + ": " + x.CatalogueItem.Problem,
                Address = x.Property.AddressLine1 + ", " + x.Property.Postcode,
                x.Contractor,
            })
            .SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        var state = await cases.StateAsync(r.Reference, ct);
        var first = state is null ? null : await portal.RightToRepairNotices.AsNoTracking()
            .Where(n => n.WorksOrder == 1 && portal.RightToRepairCases.Any(c => c.Id == n.CaseId && c.RepairId == r.Id))
            .OrderByDescending(n => n.IssuedAt).Select(n => (int?)n.ContractorId).FirstOrDefaultAsync(ct);
        var page = new RepairContractorPage
        {
            Reference = r.Reference,
            Version = r.Version,
            What = r.What,
            Address = r.Address,
            Status = r.Status,
            IsOpen = Repair.IsOpenStatus(r.Status),
            Contractor = r.Contractor,
            Contractors = await cases.ContractorsAsync(ct),
            RightToRepair = state,
            FirstContractorId = first,
        };
        var today = UkTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var estimate = state?.EstimatedCost?.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var name in new[] { RepairContractorPage.Assign, RepairContractorPage.Request, RepairContractorPage.FurtherOrder, RepairContractorPage.Compensation, RepairContractorPage.Estimate })
        {
            page.Forms[name] = new RepairContractorForm { Version = r.Version, ReceivedOn = today, EstimatedCost = estimate };
        }

        return page;
    }
}
