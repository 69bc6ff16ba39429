using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Shared.Journeys;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>A tenant's complaints: make one (what it is about, what happened, check), follow it, ask for stage 2.
/// Everything is scoped to the signed-in tenant's tenancy: anyone else's complaint is a 404.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("complaints")]
public sealed class ComplaintsController(HousingDbContext db, JourneyStore journeys, ComplaintHandling handling, TimeProvider clock) : Controller
{
    private const string Journey = "complaint";

    private JourneyKey Key => new(Journey, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", "new");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await ComplaintQueries.ListAsync(db, User.TenancyId(), ct));

    /// <summary>Starts afresh, about the given repair when there is one (from the repair page, feedback or "not fixed").</summary>
    [HttpGet("new")]
    public async Task<IActionResult> Start(string? repair, CancellationToken ct)
    {
        var answers = new ComplaintAnswers();
        if (!string.IsNullOrWhiteSpace(repair) && await OwnRepairAsync(repair, ct) is { } own)
        {
            answers.Topic = ComplaintTopic.Repair;
            answers.RepairReference = own;
        }

        await journeys.StartAsync(Key, answers, ct);
        return RedirectToAction(nameof(About));
    }

    [HttpGet("new/about")]
    public async Task<IActionResult> About(CancellationToken ct)
    {
        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct) ?? new ComplaintAnswers();
        return await AboutViewAsync(new ComplaintAboutForm { Topic = answers.Topic, RepairReference = answers.RepairReference, RelatedReference = answers.RelatedReference }, ct);
    }

    [HttpPost("new/about")]
    public async Task<IActionResult> About([Bind(Prefix = "Form")] ComplaintAboutForm form, CancellationToken ct)
    {
        string? repair = null;
        if (!string.IsNullOrWhiteSpace(form.RepairReference))
        {
            repair = await OwnRepairAsync(form.RepairReference, ct);
            if (repair is null)
            {
                ModelState.AddModelError("Form.RepairReference", "Select one of your repairs");
            }
        }

        if (!ModelState.IsValid)
        {
            return await AboutViewAsync(form, ct);
        }

        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct) ?? new ComplaintAnswers();
        answers.Topic = form.Topic;
        answers.RepairReference = repair;
        answers.RelatedReference = string.IsNullOrWhiteSpace(form.RelatedReference) ? null : form.RelatedReference.Trim();
        await journeys.SaveAsync(Key, answers, ct);
        return RedirectToAction(nameof(Details));
    }

    [HttpGet("new/details")]
    public async Task<IActionResult> Details(CancellationToken ct)
    {
        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct);
        return answers?.Topic is null
            ? RedirectToAction(nameof(About))
            : View("Details", new ComplaintDetailsForm { Description = answers.Description, OutcomeWanted = answers.OutcomeWanted });
    }

    [HttpPost("new/details")]
    public async Task<IActionResult> Details(ComplaintDetailsForm form, CancellationToken ct)
    {
        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct);
        if (answers?.Topic is null)
        {
            return RedirectToAction(nameof(About));
        }

        if (!ModelState.IsValid)
        {
            ViewData["ErrorSummaryFieldOrder"] = new[] { nameof(form.Description), nameof(form.OutcomeWanted) };
            return View("Details", form);
        }

        answers.Description = form.Description!.Trim();
        answers.OutcomeWanted = string.IsNullOrWhiteSpace(form.OutcomeWanted) ? null : form.OutcomeWanted.Trim();
        await journeys.SaveAsync(Key, answers, ct);
        return RedirectToAction(nameof(Check));
    }

    [HttpGet("new/check")]
    public async Task<IActionResult> Check(CancellationToken ct)
    {
        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct);
        return answers?.Topic is null || answers.Description is null ? RedirectToAction(nameof(About)) : View("Check", answers);
    }

    [HttpPost("new/check")]
    [ActionName("Check")]
    public async Task<IActionResult> CheckPost(CancellationToken ct)
    {
        var answers = await journeys.LoadAsync<ComplaintAnswers>(Key, ct);
        if (answers?.Topic is null || answers.Description is null)
        {
            return RedirectToAction(nameof(About));
        }

        int? repairId = null;
        if (answers.RepairReference is { } repairReference)
        {
            var tenancyId = User.TenancyId();
            repairId = await db.Repairs.Where(r => r.Reference == repairReference && r.TenancyId == tenancyId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        }

        var reference = await handling.MakeAsync(
            new NewComplaint(User.TenancyId(), User.TenantId(), answers.Topic.Value, repairId, answers.RelatedReference, answers.Description, answers.OutcomeWanted, ComplaintChannel.Portal, clock.GetUtcNow().UtcDateTime),
            User.DisplayName(), null, ct);
        await journeys.DiscardAsync(Key, ct);
        TempData["ComplaintMade"] = true;
        return RedirectToAction(nameof(Show), new { reference });
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(Reference reference, CancellationToken ct)
    {
        var page = await ComplaintQueries.PageAsync(db, reference, User.TenancyId(), ct);
        return page is null ? NotFound() : View("Show", page);
    }

    [HttpGet("{reference}/escalate")]
    public async Task<IActionResult> Escalate(Reference reference, CancellationToken ct)
    {
        var page = await ComplaintQueries.PageAsync(db, reference, User.TenancyId(), ct);
        if (page is null)
        {
            return NotFound();
        }

        return page.CanEscalate ? View("Escalate", new EscalateForm()) : RedirectToAction(nameof(Show), new { reference = reference.Value });
    }

    [HttpPost("{reference}/escalate")]
    public async Task<IActionResult> Escalate(Reference reference, EscalateForm form, CancellationToken ct)
    {
        var page = await ComplaintQueries.PageAsync(db, reference, User.TenancyId(), ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Escalate", form);
        }

        await handling.EscalateAsync(reference, User.TenancyId(), form.Reason!, User.DisplayName(), ct);
        return RedirectToAction(nameof(Show), new { reference = reference.Value });
    }

    private async Task<IActionResult> AboutViewAsync(ComplaintAboutForm form, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var repairs = await db.Repairs.AsNoTracking().Where(r => r.TenancyId == tenancyId).OrderByDescending(r => r.ReportedAt).Take(20)
            .Select(r => new { r.Reference, r.CatalogueItem.Item, r.CatalogueItem.Problem, r.ReportedAt })
            .ToListAsync(ct);
        ViewData["ErrorSummaryFieldOrder"] = new[] { "Form.Topic", "Form.RepairReference", "Form.RelatedReference" };
        return View("About", new ComplaintAboutPage
        {
            Form = form,
            Repairs = repairs.Select(r => new RepairChoice(r.Reference, $"{r.Item}: {r.Problem.ToLowerInvariant()} (reported {UkTime.DateOf(r.ReportedAt).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, {r.Reference})")).ToList(),
        });
    }

    private Task<string?> OwnRepairAsync(string reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var wanted = reference.Trim().ToUpperInvariant();
        return db.Repairs.AsNoTracking().Where(r => r.Reference == wanted && r.TenancyId == tenancyId).Select(r => r.Reference).SingleOrDefaultAsync(ct);
    }
}
