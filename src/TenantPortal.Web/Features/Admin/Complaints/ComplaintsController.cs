using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Complaints;

/// <summary>The officers' complaints queue and complaint page: log a complaint made another way, acknowledge, extend
/// with a reason, respond. Each action is audited and tells the tenant (<see cref="ComplaintHandling"/>).</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/complaints")]
public sealed class ComplaintsController(HousingDbContext housing, ComplaintHandling handling, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // Open first (awaiting acknowledgement, then being investigated), oldest first; then the latest answered.
        var open = await Queue(housing.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.AwaitingAcknowledgement || c.Status == ComplaintStatus.Investigating)
            .OrderBy(c => c.ReceivedAt)).Take(200).ToListAsync(ct);
        var answered = await Queue(housing.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Responded || c.Status == ComplaintStatus.Closed)
            .OrderByDescending(c => c.ReceivedAt)).Take(50).ToListAsync(ct);
        return View(new ComplaintQueue(open, answered, UkTime.Today(clock)));
    }

    [HttpGet("log")]
    public async Task<IActionResult> Log(string? repair, CancellationToken ct)
    {
        var form = new LogComplaintForm { MadeOn = UkTime.Today(clock) };
        if (!string.IsNullOrWhiteSpace(repair))
        {
            var wanted = repair.Trim().ToUpperInvariant();
            var r = await housing.Repairs.AsNoTracking().Where(x => x.Reference == wanted)
                .Select(x => new { x.Reference, Tenancy = x.Tenancy!.Reference, Comment = x.Feedback == null ? null : x.Feedback.Comment })
                .SingleOrDefaultAsync(ct);
            if (r is not null)
            {
                form.RepairReference = r.Reference;
                form.TenancyReference = r.Tenancy;
                form.Topic = ComplaintTopic.Repair;
                form.Description = r.Comment;
            }
        }

        return View(form);
    }

    [HttpPost("log")]
    public async Task<IActionResult> Log(LogComplaintForm form, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        if (form.MadeOn is { } made && made > today)
        {
            ModelState.AddModelError(nameof(form.MadeOn), "The date the complaint was made must be today or in the past");
        }

        var tenancyReference = form.TenancyReference?.Trim().ToUpperInvariant();
        var tenancy = tenancyReference is null ? null : await housing.Tenancies.AsNoTracking()
            .Where(t => t.Reference == tenancyReference).Select(t => new { t.Id }).SingleOrDefaultAsync(ct);
        if (form.TenancyReference is not null && tenancy is null)
        {
            ModelState.AddModelError(nameof(form.TenancyReference), "No tenancy has that reference");
        }

        int? repairId = null;
        if (tenancy is not null && !string.IsNullOrWhiteSpace(form.RepairReference))
        {
            var repairReference = form.RepairReference.Trim().ToUpperInvariant();
            repairId = await housing.Repairs.AsNoTracking().Where(r => r.Reference == repairReference && r.TenancyId == tenancy.Id)
                .Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            if (repairId is null)
            {
                ModelState.AddModelError(nameof(form.RepairReference), "That tenancy has no repair with this reference");
            }
        }

        if (!ModelState.IsValid)
        {
            ViewData["ErrorSummaryFieldOrder"] = new[] { nameof(form.TenancyReference), nameof(form.Channel), nameof(form.MadeOn), nameof(form.Topic), nameof(form.RepairReference), nameof(form.Description), nameof(form.OutcomeWanted) };
            return View(form);
        }

        // The clock starts when it was made: today, now; an earlier day, the start of that day (UK time).
        var receivedAt = form.MadeOn == today ? clock.GetUtcNow().UtcDateTime : UkTime.StartOfDayUtc(form.MadeOn!.Value);
        var reference = await handling.MakeAsync(
            new NewComplaint(tenancy!.Id, null, form.Topic!.Value, repairId, null, form.Description!, form.OutcomeWanted, form.Channel!.Value, receivedAt),
            User.DisplayName(), User, ct);
        TempData["ComplaintMessage"] = "Complaint logged. The tenant has been told what happens next.";
        return RedirectToAction(nameof(Show), new { reference });
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(Reference reference, CancellationToken ct)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        page.Message = TempData["ComplaintMessage"] as string;
        return View(page);
    }

    [HttpPost("{reference}/acknowledge")]
    public async Task<IActionResult> Acknowledge(Reference reference, [Bind(Prefix = nameof(AdminComplaintPage.AcknowledgeForm))] AcknowledgeForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, p => p.AcknowledgeForm = form, ct);
        }

        var outcome = await handling.AcknowledgeAsync(reference, form.Version, form.Note, User, ct);
        return await AfterAsync(reference, outcome, "Complaint acknowledged. The tenant has been told when to expect the response.", "AcknowledgeForm.Note", p => p.AcknowledgeForm = form, ct);
    }

    [HttpPost("{reference}/extend")]
    public async Task<IActionResult> Extend(Reference reference, [Bind(Prefix = nameof(AdminComplaintPage.ExtendForm))] ExtendForm form, CancellationToken ct)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        var stage = page.Complaint.Current;
        var left = ComplaintCode.MaxExtensionWorkingDays(stage.Stage) - stage.ExtensionDays;
        if (form.Days is { } d && d > left)
        {
            ModelState.AddModelError("ExtendForm.Days", left == 0
                ? $"This stage has already been extended by the most the Code allows ({ComplaintCode.MaxExtensionWorkingDays(stage.Stage)} working days)"
                : $"Enter {left} working days or fewer: the Code allows at most {ComplaintCode.MaxExtensionWorkingDays(stage.Stage)} at stage {stage.Stage}");
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, p => p.ExtendForm = form, ct);
        }

        var outcome = await handling.ExtendAsync(reference, form.Version, form.Days!.Value, form.Reason!, User, ct);
        return await AfterAsync(reference, outcome, "Response date extended. The tenant has been told why and the new date.", "ExtendForm.Days", p => p.ExtendForm = form, ct);
    }

    [HttpPost("{reference}/respond")]
    public async Task<IActionResult> Respond(Reference reference, [Bind(Prefix = nameof(AdminComplaintPage.RespondForm))] RespondForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, p => p.RespondForm = form, ct);
        }

        var outcome = await handling.RespondAsync(reference, form.Version, form.Decision!, User, ct);
        return await AfterAsync(reference, outcome, "Response sent, with the Housing Ombudsman's details.", "RespondForm.Decision", p => p.RespondForm = form, ct);
    }

    private async Task<IActionResult> AfterAsync(string reference, ComplaintActionOutcome outcome, string done, string field, Action<AdminComplaintPage> keep, CancellationToken ct)
    {
        switch (outcome)
        {
            case ComplaintActionOutcome.NotFound:
                return NotFound();
            case ComplaintActionOutcome.Stale:
                ModelState.AddModelError(field, "Someone else changed this complaint since you opened it. Check it and try again");
                return await RedisplayAsync(reference, keep, ct);
            case ComplaintActionOutcome.NotAllowed:
                ModelState.AddModelError(field, "That can't be done at this point of the complaint");
                return await RedisplayAsync(reference, keep, ct);
            default:
                TempData["ComplaintMessage"] = done;
                return RedirectToAction(nameof(Show), new { reference });
        }
    }

    private async Task<IActionResult> RedisplayAsync(string reference, Action<AdminComplaintPage> keep, CancellationToken ct)
    {
        var page = await LoadAsync(reference, ct);
        if (page is null)
        {
            return NotFound();
        }

        keep(page);
        return View("Show", page);
    }

    private async Task<AdminComplaintPage?> LoadAsync(string reference, CancellationToken ct)
    {
        var complaint = await ComplaintQueries.PageAsync(housing, reference, null, ct);
        if (complaint is null)
        {
            return null;
        }

        var tenancy = await housing.Complaints.AsNoTracking().Where(c => c.Reference == reference).Select(c => c.Tenancy.Reference).SingleAsync(ct);
        return new AdminComplaintPage
        {
            Complaint = complaint,
            TenancyReference = tenancy,
            AcknowledgeForm = new AcknowledgeForm { Version = complaint.Version },
            ExtendForm = new ExtendForm { Version = complaint.Version },
            RespondForm = new RespondForm { Version = complaint.Version },
        };
    }

    private static IQueryable<ComplaintQueueRow> Queue(IQueryable<Complaint> complaints) =>
        complaints.Select(c => new ComplaintQueueRow(
            c.Reference,
            c.Tenancy.Reference,
            c.Topic,
            c.Channel,
            c.Status,
            c.CurrentStage,
            c.ReceivedAt,
            c.Stages.Where(s => s.Stage == c.CurrentStage).Select(s => s.AcknowledgeBy).First(),
            c.Stages.Where(s => s.Stage == c.CurrentStage).Select(s => s.AcknowledgedAt).First(),
            c.Stages.Where(s => s.Stage == c.CurrentStage).Select(s => s.RespondBy).First()));
}
