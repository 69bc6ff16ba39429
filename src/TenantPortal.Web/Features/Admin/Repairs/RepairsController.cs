using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Repairs;

[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/repairs")]
public sealed class RepairsController(
    HousingDbContext housing,
    RepairQueue queue,
    RepairOfficerActions actions,
    RepairPhotoStore photoStore,
    RepairQueueSession session,
    RepairQueueExport export) : Controller
{
    /// <summary>The queue. With no query string (the menu, "All repairs" on a repair page) it shows the filters this
    /// officer last used in this sign-in session, kept on the server (<see cref="RepairQueueSession"/>).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RepairQueueFilter filter, CancellationToken ct)
    {
        filter = await session.RememberAsync(User, Request.Query.Count == 0 ? null : filter, ct);
        DateRangeFilter.Validate(ModelState, filter.From, filter.To, nameof(filter.From), nameof(filter.To));
        var myPatch = await session.MyPatchAsync(User, ct);
        var page = await queue.GetPageAsync(Resolved(filter, myPatch), ct);
        var patches = await PatchOptions.For(housing)(housing).ToListAsync(ct);
        return View(new RepairQueueView(page, patches, patches.SingleOrDefault(p => p.Id == myPatch)));
    }

    /// <summary>The patches for the queue's two patch lists, on every visit: compiled once.</summary>
    private static readonly CompiledQuery<Func<HousingDbContext, IAsyncEnumerable<PatchOption>>> PatchOptions = new(() =>
        EF.CompileAsyncQuery((HousingDbContext db) => db.Patches.OrderBy(p => p.Name).Select(p => new PatchOption(p.Id, p.Name))));

    /// <summary>The officer chooses their own patch for the "My patch" view (audited).</summary>
    [HttpPost("my-patch")]
    public async Task<IActionResult> SetMyPatch([FromForm] int? patchId, CancellationToken ct)
    {
        if (patchId is not int id || !await housing.Patches.AnyAsync(p => p.Id == id, ct))
        {
            TempData["QueueMessage"] = "Select your patch";
            return RedirectToAction(nameof(Index));
        }

        await session.SetMyPatchAsync(User, id, ct);
        return RedirectToAction(nameof(Index), new RepairQueueFilter { Mine = true }.ToRouteValues());
    }

    /// <summary>Every repair the filters find (not only the page), as CSV for a spreadsheet (audited: it holds
    /// tenants' names and addresses).</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] RepairQueueFilter filter, CancellationToken ct)
    {
        var myPatch = await session.MyPatchAsync(User, ct);
        var bytes = await export.CsvAsync(Resolved(filter, myPatch), User, ct);
        return File(bytes, "text/csv; charset=utf-8", "repairs.csv");
    }

    /// <summary>"My patch" is the officer's patch; an officer with none yet sees no repairs there until they choose one.</summary>
    private static RepairQueueFilter Resolved(RepairQueueFilter filter, int? myPatch) =>
        filter.Mine == true ? filter.WithPatch(myPatch ?? 0) : filter;

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(Reference reference, [FromServices] TenantInformation information, CancellationToken ct)
    {
        // Routing lower-cases generated URLs; references are stored upper-case.
        var model = await LoadAsync(reference, ct);
        if (model is null)
        {
            return NotFound();
        }

        ViewData[nameof(TenantInformation)] = await information.UnseenAsync([model.Repair.Reference], ct);

        model.Message = TempData["RepairMessage"] as string;
        return View(model);
    }

    /// <summary>The officer has read what the tenant added: the marker goes from the queue and the page.</summary>
    [HttpPost("{reference}/seen")]
    public async Task<IActionResult> MarkSeen(Reference reference, [FromServices] TenantInformation information, CancellationToken ct)
    {
        if (await information.MarkSeenAsync(reference, User, ct))
        {
            TempData["RepairMessage"] = "Marked the tenant's new information as seen.";
        }

        return RedirectToAction(nameof(Show), new { reference = reference.Value });
    }

    [HttpPost("{reference}/status")]
    public async Task<IActionResult> ChangeStatus(Reference reference, [Bind(Prefix = nameof(RepairPageModel.StatusForm))] StatusForm form, CancellationToken ct)
    {
        if (form.Status is { } s && !RepairOfficerActions.SettableStatuses.Contains(s))
        {
            ModelState.AddModelError("StatusForm.Status", "Use 'Complete the repair' or 'Cancel the repair' for those");
        }

        if (ModelState.IsValid && form.NoteVisibility == NoteVisibility.Tenant && string.IsNullOrWhiteSpace(form.Note))
        {
            ModelState.AddModelError("StatusForm.Note", "Enter the note the tenant will see, or make it internal");
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, m => m.StatusForm = form, ct);
        }

        var outcome = await actions.ChangeStatusAsync(reference, form.Version, form.Status!.Value, form.Note, form.NoteVisibility == NoteVisibility.Tenant, User, ct);
        return await AfterAsync(reference, outcome, $"Status changed to {AdminDisplay.Status(form.Status.Value)}.", "StatusForm.Status", "The repair already has that status", m => m.StatusForm = form, ct);
    }

    [HttpPost("{reference}/priority")]
    public async Task<IActionResult> ChangePriority(Reference reference, [Bind(Prefix = nameof(RepairPageModel.PriorityForm))] PriorityForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, m => m.PriorityForm = form, ct);
        }

        var outcome = await actions.ChangePriorityAsync(reference, form.Version, form.Priority!.Value, form.Reason!.Trim(), User, ct);
        return await AfterAsync(reference, outcome, $"Priority changed to {form.Priority}. The target date has been worked out again.", "PriorityForm.Priority", "The repair already has that priority", m => m.PriorityForm = form, ct);
    }

    [HttpPost("{reference}/appointment")]
    public async Task<IActionResult> BookAppointment(Reference reference, [Bind(Prefix = nameof(RepairPageModel.BookForm))] BookForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, m => m.BookForm = form, ct);
        }

        var outcome = await actions.BookAppointmentAsync(reference, form.Version, form.SlotId!.Value, User, ct);
        switch (outcome)
        {
            case RepairActionOutcome.SlotFull:
                ModelState.AddModelError("BookForm.SlotId", "That time is now full: someone else has just taken the last place. Choose another time");
                return await RedisplayAsync(reference, m => m.BookForm = new BookForm { Version = form.Version }, ct);
            case RepairActionOutcome.SlotNotAllowed:
                ModelState.AddModelError("BookForm.SlotId", "That time cannot be booked for this repair. Choose one of the times listed");
                return await RedisplayAsync(reference, m => m.BookForm = new BookForm { Version = form.Version }, ct);
        }

        return await AfterAsync(reference, outcome, $"Appointment booked. {Notifications.TenantMessages.HowTenantsHear(actions.TenantsTold)}", "BookForm.SlotId", "The repair is already booked for that time", m => m.BookForm = form, ct);
    }

    [HttpPost("{reference}/complete")]
    public async Task<IActionResult> Complete(Reference reference, [Bind(Prefix = nameof(RepairPageModel.CompleteForm))] CompleteForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, m => m.CompleteForm = form, ct);
        }

        var outcome = await actions.CompleteAsync(reference, form.Version, form.CompletionNotes!.Trim(), form.NoteVisibility == NoteVisibility.Tenant, User, ct);
        return await AfterAsync(reference, outcome, "Repair marked as completed.", "CompleteForm.CompletionNotes", "", m => m.CompleteForm = form, ct);
    }

    [HttpPost("{reference}/cancel")]
    public async Task<IActionResult> Cancel(Reference reference, [Bind(Prefix = nameof(RepairPageModel.CancelForm))] CancelForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(reference, m => m.CancelForm = form, ct);
        }

        var outcome = await actions.CancelAsync(reference, form.Version, form.Reason!.Trim(), form.NoteVisibility == NoteVisibility.Tenant, User, ct);
        return await AfterAsync(reference, outcome, "Repair cancelled.", "CancelForm.Reason", "", m => m.CancelForm = form, ct);
    }

    private async Task<IActionResult> AfterAsync(string reference, RepairActionOutcome outcome, string done, string field, string noChange, Action<RepairPageModel> keep, CancellationToken ct)
    {
        switch (outcome)
        {
            case RepairActionOutcome.Done:
                TempData["RepairMessage"] = done;
                return RedirectToAction(nameof(Show), new { reference });
            case RepairActionOutcome.NotFound:
                return NotFound();
            case RepairActionOutcome.Closed:
                ModelState.AddModelError(field, "This repair is completed or cancelled, so it cannot be changed");
                break;
            case RepairActionOutcome.Stale:
                ModelState.AddModelError(field, "Someone else changed this repair while you had it open. Check the details below and try again");
                return await RedisplayAsync(reference, keep, ct, freshVersion: true);
            default:
                ModelState.AddModelError(field, noChange);
                break;
        }

        return await RedisplayAsync(reference, keep, ct);
    }

    private async Task<IActionResult> RedisplayAsync(string reference, Action<RepairPageModel> keep, CancellationToken ct, bool freshVersion = false)
    {
        var model = await LoadAsync(reference, ct);
        if (model is null)
        {
            return NotFound();
        }

        keep(model);
        if (freshVersion)
        {
            model.StatusForm.Version = model.PriorityForm.Version = model.CompleteForm.Version = model.CancelForm.Version = model.BookForm.Version = model.Repair.Version;
            ModelState.Remove("BookForm.Version");
            ModelState.Remove("StatusForm.Version");
            ModelState.Remove("PriorityForm.Version");
            ModelState.Remove("CompleteForm.Version");
            ModelState.Remove("CancelForm.Version");
        }

        return View("Show", model);
    }

    private async Task<RepairPageModel?> LoadAsync(string reference, CancellationToken ct)
    {
        var repair = await housing.Repairs.AsNoTracking()
            .Where(r => r.Reference == reference)
            .Select(r => new RepairDetails(
                r.Id, r.Reference, r.Version, r.CatalogueItem.Area, r.CatalogueItem.Item, r.CatalogueItem.Problem, r.CatalogueItem.JobCode,
                r.Description, r.Location, r.Priority, r.Status, r.Trade, r.Channel, r.ReportedAt, r.TargetDate,
                r.WhoWillBeHome, r.AccessNotes, r.ContactPhone, r.IsHazard, r.HazardType,
                r.InvestigateBy, r.InvestigatedAt, r.WrittenSummaryBy, r.SafetyWorkBy, r.FurtherWorkStartBy,
                r.CompletedAt, r.CompletionNotes, r.CancelledAt,
                r.TenancyId, r.Tenancy != null ? r.Tenancy.Reference : null,
                r.Property.AddressLine1 + ", " + (r.Property.AddressLine2 != null ? r.Property.AddressLine2 + ", " : "") + r.Property.Town + ", " + r.Property.Postcode,
                r.Property.Patch.Name,
                r.Property.PatchId))
            .SingleOrDefaultAsync(ct);
        if (repair is null)
        {
            return null;
        }

        var tenants = repair.TenancyId is int tenancyId
            ? await housing.Tenants.AsNoTracking().Where(t => t.TenancyId == tenancyId).OrderBy(t => t.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(t => t.Id)
                .Select(t => new RepairTenantRow(t.Id, t.FirstName + " " + t.LastName, t.Role, t.MobilePhone, t.HomePhone, t.Email, t.HasCautionaryAlert,
                    t.InterpreterLanguage, t.HearingOrSightNeeds, t.NeedsLargePrint, t.Advocate))
                .ToListAsync(ct)
            : [];
        var history = await housing.RepairStatusHistory.AsNoTracking().Where(h => h.RepairId == repair.Id).OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new RepairHistoryRow(h.Status, h.At, h.Note, h.NoteVisibleToTenant, h.ChangedBy, h.Channel))
            .ToListAsync(ct);
        var appointments = await housing.Appointments.AsNoTracking().Where(a => a.RepairId == repair.Id).OrderByDescending(a => a.BookedAt)
            .Select(a => new RepairAppointmentRow(a.Slot.Date, a.Slot.Period, a.Status, a.BookedAt, a.BookedBy))
            .ToListAsync(ct);
        var photos = await housing.RepairPhotos.AsNoTracking().Where(p => p.RepairId == repair.Id).OrderBy(p => p.UploadedAt)
            .Select(p => new RepairPhotoRow(p.Id, p.StoredFileName, p.ContentType, p.SizeBytes, p.UploadedAt, false))
            .ToListAsync(ct);
        var kept = await photoStore.AvailableAsync(photos.Select(p => p.StoredFileName).ToList(), ct);
        photos = photos.Select(p => p with { Kept = kept.Contains(p.StoredFileName) }).ToList();
        var feedback = await housing.RepairFeedback.AsNoTracking().Where(f => f.RepairId == repair.Id)
            .Select(f => new RepairFeedbackRow(f.RepairRating, f.TimeRating, f.Comment, f.At))
            .SingleOrDefaultAsync(ct);

        var rightToRepairDefect = await housing.Repairs.AsNoTracking().Where(r => r.Id == repair.Id).Select(r => r.CatalogueItem.RightToRepairDefect).SingleAsync(ct);
        return new RepairPageModel
        {
            RightToRepairDefect = rightToRepairDefect,
            Repair = repair,
            Tenants = tenants,
            History = history,
            Appointments = appointments,
            Photos = photos,
            Feedback = feedback,
            StatusForm = new StatusForm { Version = repair.Version, Status = repair.Status },
            PriorityForm = new PriorityForm { Version = repair.Version, Priority = repair.Priority },
            CompleteForm = new CompleteForm { Version = repair.Version },
            CancelForm = new CancelForm { Version = repair.Version },
            BookForm = new BookForm { Version = repair.Version },
            Slots = repair.IsOpen ? await actions.AvailableSlotsAsync(repair.Trade, repair.PatchId, ct) : [],
        };
    }
}
