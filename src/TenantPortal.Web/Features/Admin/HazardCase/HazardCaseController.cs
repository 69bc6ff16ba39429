using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.HazardCase;

/// <summary>The Awaab's Law workflow of one repair (officers): classify or declassify, when we became aware, the
/// investigation, the written summary, the safety work, the further work. Each step is a small form with the date and
/// time it happened; <see cref="HazardCases"/> does the work.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/repairs/{reference}/hazard")]
public sealed class HazardCaseController(HousingDbContext housing, HazardCases cases, TimeProvider clock) : Controller
{
    private static readonly string[] FieldOrder = ["Date", "Time", "Kind", "InvestigatedBy", "Outcome", "Findings", "Notes", "Reason"];

    [HttpGet("")]
    public async Task<IActionResult> Show(Reference reference, CancellationToken ct)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        page.Message = TempData["HazardMessage"] as string;
        return View("Show", page);
    }

    [HttpPost("classify")]
    public Task<IActionResult> Classify(Reference reference, [Bind(Prefix = HazardCasePage.Classify)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.Classify, form, needsWhen: false, f =>
        {
            Require(HazardCasePage.Classify, "Kind", f.Kind is HazardType.Emergency or HazardType.DampAndMould, "Select the kind of hazard");
            Require(HazardCasePage.Classify, "Reason", !string.IsNullOrWhiteSpace(f.Reason), "Enter why this is a hazard");
        }, (f, _) => cases.ClassifyAsync(reference, f.Version, f.Kind!.Value, f.Reason!.Trim(), User, ct), "The repair is now a hazard case. Its clocks are shown below.", ct);

    [HttpPost("declassify")]
    public Task<IActionResult> Declassify(Reference reference, [Bind(Prefix = HazardCasePage.Declassify)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.Declassify, form, needsWhen: false,
            f => Require(HazardCasePage.Declassify, "Reason", !string.IsNullOrWhiteSpace(f.Reason), "Enter why this is not a hazard"),
            (f, _) => cases.DeclassifyAsync(reference, f.Version, f.Reason!.Trim(), User, ct), "The repair is no longer a hazard case.", ct);

    [HttpPost("aware")]
    public Task<IActionResult> Aware(Reference reference, [Bind(Prefix = HazardCasePage.Aware)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.Aware, form, needsWhen: true, _ => { },
            (f, at) => cases.RecordAwareAsync(reference, f.Version, at, User, ct), "Recorded when we became aware. The clocks count from then.", ct);

    [HttpPost("investigation")]
    public Task<IActionResult> Investigation(Reference reference, [Bind(Prefix = HazardCasePage.Investigation)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.Investigation, form, needsWhen: true, f =>
        {
            Require(HazardCasePage.Investigation, "InvestigatedBy", !string.IsNullOrWhiteSpace(f.InvestigatedBy), "Enter who investigated");
            Require(HazardCasePage.Investigation, "Outcome", f.Outcome is HazardOutcomes.Hazard or HazardOutcomes.None, "Select what the investigation found");
            if (f.Outcome == HazardOutcomes.Hazard)
            {
                Require(HazardCasePage.Investigation, "Kind", f.Kind is HazardType.Emergency or HazardType.DampAndMould, "Select the kind of hazard found");
            }

            Require(HazardCasePage.Investigation, "Findings", !string.IsNullOrWhiteSpace(f.Findings),
                f.Outcome == HazardOutcomes.None ? "Enter why there is no hazard" : "Enter what the investigation found");
        }, (f, at) => cases.RecordInvestigationAsync(reference, f.Version, at, f.InvestigatedBy!.Trim(), f.Outcome == HazardOutcomes.Hazard,
            f.Kind ?? HazardType.None, f.Findings!.Trim(), f.FurtherWorkNeeded, User, ct), "Investigation recorded.", ct);

    [HttpPost("summary")]
    public Task<IActionResult> Summary(Reference reference, [Bind(Prefix = HazardCasePage.Summary)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.Summary, form, needsWhen: true, _ => { },
            (f, at) => cases.SendWrittenSummaryAsync(reference, f.Version, at, User, ct), "Written summary sent to the tenant and kept on the case.", ct);

    [HttpPost("safety-work")]
    public Task<IActionResult> SafetyWork(Reference reference, [Bind(Prefix = HazardCasePage.SafetyWork)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.SafetyWork, form, needsWhen: true,
            f => Require(HazardCasePage.SafetyWork, "Notes", !string.IsNullOrWhiteSpace(f.Notes), "Enter what was done to make the home safe"),
            (f, at) => cases.RecordSafetyWorkAsync(reference, f.Version, at, f.Notes!.Trim(), User, ct), "Safety work recorded.", ct);

    [HttpPost("further-work")]
    public Task<IActionResult> FurtherWork(Reference reference, [Bind(Prefix = HazardCasePage.FurtherWork)] HazardStepForm form, CancellationToken ct) =>
        StepAsync(reference, HazardCasePage.FurtherWork, form, needsWhen: true,
            f => Require(HazardCasePage.FurtherWork, "Notes", !string.IsNullOrWhiteSpace(f.Notes), "Enter what further work started"),
            (f, at) => cases.RecordFurtherWorkStartedAsync(reference, f.Version, at, f.Notes!.Trim(), User, ct), "Start of the further work recorded.", ct);

    private void Require(string step, string field, bool ok, string message) => AdminForms.Require(ModelState, $"{step}.{field}", ok, message);

    /// <summary>The UK date and time typed, as UTC; null with an error next to the field when it is missing or not a time.</summary>
    private DateTime? When(string step, HazardStepForm form)
    {
        string[] dateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"];
        string[] timeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];
        DateOnly date = default;
        TimeOnly time = default;
        var dateOk = !string.IsNullOrWhiteSpace(form.Date) && DateOnly.TryParseExact(form.Date.Trim(), dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        var timeOk = !string.IsNullOrWhiteSpace(form.Time) && TimeOnly.TryParseExact(form.Time.Trim(), timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
        Require(step, "Date", dateOk, string.IsNullOrWhiteSpace(form.Date) ? "Enter the date" : "Enter a real date, for example 4/11/2026");
        Require(step, "Time", timeOk, string.IsNullOrWhiteSpace(form.Time) ? "Enter the time" : "Enter a time on the 24-hour clock, for example 14:30");
        if (!dateOk || !timeOk)
        {
            return null;
        }

        var local = date.ToDateTime(time);
        if (UkTime.Zone.IsInvalidTime(local))
        {
            Require(step, "Time", false, "That time did not happen in the UK: the clocks went forward an hour");
            return null;
        }

        return UkTime.ToUtc(date, time);
    }

    private async Task<IActionResult> StepAsync(Reference reference, string step, HazardStepForm form, bool needsWhen, Action<HazardStepForm> validate,
        Func<HazardStepForm, DateTime, Task<HazardResult>> run, string done, CancellationToken ct)
    {
        var at = needsWhen ? When(step, form) : clock.GetUtcNow().UtcDateTime;
        validate(form);
        if (!ModelState.IsValid || at is null)
        {
            return await RedisplayAsync(reference, step, form, ct);
        }

        var result = await run(form, at.Value);
        switch (result.Outcome)
        {
            case HazardOutcome.Done:
                TempData["HazardMessage"] = done;
                return RedirectToAction(nameof(Show), new { reference = reference.Value });
            case HazardOutcome.NotFound:
                return NotFound();
            case HazardOutcome.Stale:
                ModelState.AddModelError($"{step}.{(needsWhen ? "Date" : "Reason")}", "Someone else changed this repair while you had it open. Check the details below and try again");
                return await RedisplayAsync(reference, step, form, ct, freshVersion: true);
            default:
                ModelState.AddModelError($"{step}.{(result.Field == "At" ? "Date" : result.Field)}", result.Error!);
                return await RedisplayAsync(reference, step, form, ct);
        }
    }

    private async Task<IActionResult> RedisplayAsync(string reference, string step, HazardStepForm form, CancellationToken ct, bool freshVersion = false)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (freshVersion)
        {
            form.Version = AdminForms.FreshVersion(ModelState, step, page.Version);
        }

        page.Forms[step] = form;
        ViewData["ErrorSummaryFieldOrder"] = AdminForms.FieldOrder(step, FieldOrder);
        return View("Show", page);
    }

    private async Task<HazardCasePage?> LoadAsync(string reference, CancellationToken ct)
    {
        var r = await housing.Repairs.AsNoTracking().Where(x => x.Reference == reference)
            .Select(x => new
            {
                x.Id,
                x.Reference,
                x.Version,
                x.Status,
                x.ReportedAt,
                What = x.CatalogueItem.Item + ": " + x.CatalogueItem.Problem,
                Address = x.Property.AddressLine1 + ", " + x.Property.Postcode,
                x.HazardCase,
            })
            .SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var page = new HazardCasePage
        {
            Reference = r.Reference,
            Version = r.Version,
            What = r.What,
            Address = r.Address,
            Status = r.Status,
            ReportedAt = r.ReportedAt,
            Case = r.HazardCase,
            Steps = r.HazardCase is { ClosedReason: null } c ? cases.Clocks.Steps(c) : [],
            Now = now,
        };
        foreach (var step in new[] { HazardCasePage.Classify, HazardCasePage.Declassify, HazardCasePage.Aware, HazardCasePage.Investigation, HazardCasePage.Summary, HazardCasePage.SafetyWork, HazardCasePage.FurtherWork })
        {
            page.Forms[step] = HazardStepForm.At(r.Version, now);
        }

        page.Forms[HazardCasePage.Aware] = HazardStepForm.At(r.Version, r.HazardCase?.AwareAt ?? r.ReportedAt);
        if (r.HazardCase is { InvestigatedAt: not null, SummarySentAt: null } open)
        {
            page.SummaryPreview = cases.ComposeSummary(r.Reference, open);
        }

        return page;
    }
}
