using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>My repairs and one repair's page: timeline, appointment changes, cancelling, adding information and
/// photos, and "How did we do?". Every query is scoped to the signed-in tenant's tenancy: anything else is a 404.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("repairs")]
public sealed class RepairsController(
    HousingDbContext db,
    RepairQueries queries,
    AppointmentBooking booking,
    RepairLifecycle lifecycle,
    RepairPhotoStore photos,
    HazardCases hazards,
    PortalUnitOfWork unitOfWork,
    Notifications.RepairNotifications notifications,
    Data.Portal.PortalDbContext portal,
    RepairRecalls recalls,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await queries.ListAsync(User.TenancyId(), ct));

    [HttpGet("{reference}")]
    public async Task<IActionResult> Details(Reference reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var r = await db.Repairs.AsNoTracking().Where(x => x.Reference == reference && x.TenancyId == tenancyId)
            .Select(x => new
            {
                x.Reference,
                x.CatalogueItem.Item,
                x.CatalogueItem.Problem,
                x.Location,
                x.Description,
                x.Status,
                x.ReportedAt,
                x.TargetDate,
                x.Priority,
                x.HazardType,
                x.InvestigateBy,
                x.CatalogueItem.RightToRepairDefect,
                SlotDate = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                SlotPeriod = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                History = x.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new { h.At, h.Status, Note = h.NoteVisibleToTenant ? h.Note : null }).ToList(),
                Photos = x.Photos.OrderBy(p => p.Id).Select(p => new { p.Id, p.StoredFileName }).ToList(),
                Rating = x.Feedback == null ? (int?)null : x.Feedback.RepairRating,
                x.CompletedAt,
                RecallOf = db.Repairs.Where(o => o.Id == x.RecallOfRepairId).Select(o => o.Reference).FirstOrDefault(),
                HasAlert = db.Tenancies.Where(t => t.Id == x.TenancyId).Any(Household.HasCautionaryAlert),
                x.HazardCase,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return NotFound();
        }

        var slot = r.SlotDate is { } slotDate && r.SlotPeriod is { } slotPeriod ? new { Date = slotDate, Period = slotPeriod } : null;
        var open = Repair.IsOpenStatus(r.Status);
        var hazard = r.HazardCase is { ClosedReason: null } c ? c : null;
        var available = await photos.AvailableAsync(r.Photos.Select(p => p.StoredFileName).ToList(), ct);
        return View("Details", new RepairDetailsPage
        {
            Reference = r.Reference,
            What = $"{r.Item}: {r.Problem.ToLowerInvariant()}",
            Location = r.Location,
            Description = r.Description,
            Status = r.Status,
            ReportedAt = r.ReportedAt,
            TargetDate = r.TargetDate,
            Appointment = slot is null ? null : SlotText.Describe(slot.Date, slot.Period),
            CanChangeAppointment = open && slot is not null && booking.CanChange(slot.Date),
            CanBook = open && slot is null && r.Status == RepairStatus.Reported && RepairReporting.CanSelfBook(r.Priority, r.HazardType, r.HasAlert),
            Timeline = RepairWording.Timeline(r.History.Select(h => (h.At, h.Status, h.Note)).ToList()),
            HazardSteps = hazard is { IsOpen: true } ? RepairWording.HazardSteps(hazards.Clocks.Steps(hazard), hazard.Kind, clock.GetUtcNow().UtcDateTime) : [],
            WrittenSummary = hazard?.SummaryText,
            IsHazardCase = hazard is { IsOpen: true },
            PhotoIds = r.Photos.Where(p => available.Contains(p.StoredFileName)).Select(p => p.Id).ToList(),
            RemovedPhotoCount = r.Photos.Count(p => !available.Contains(p.StoredFileName)),
            CanAddPhotos = open && r.Photos.Count < photos.MaxPhotosPerRepair,
            AskForFeedback = r.Status == RepairStatus.Completed && r.Rating is null,
            FeedbackRating = r.Rating,
            WhatHappensNext = open && slot is null && hazard is not { IsOpen: true } ? RepairWording.WhatHappensNext(r.Priority, r.HazardType, r.TargetDate, r.InvestigateBy, r.HasAlert) : null,
            RightToRepairDefect = r.RightToRepairDefect,
            RecallOf = r.RecallOf,
            CanSayNotFixed = recalls.TenantMaySayNotFixed(r.Status, r.CompletedAt),
            NotFixedUntil = r.CompletedAt is { } completed ? UkTime.DateOf(completed).AddDays(recalls.NotFixedDays) : null,
        });
    }

    [HttpGet("{reference}/appointment")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> ChangeAppointment(Reference reference, int? week, CancellationToken ct)
    {
        var repair = await LoadForChangeAsync(reference, ct);
        if (repair is null)
        {
            return NotFound();
        }

        if (!MayChoose(repair.Value))
        {
            return RedirectToAction(nameof(Details), new { reference = reference.Value });
        }

        return View("ChangeAppointment", await ChangePageAsync(repair.Value, week, ct));
    }

    [HttpPost("{reference}/appointment")]
    [ActiveTenancyRequired]
    [ActionName("ChangeAppointment")]
    public async Task<IActionResult> ChangeAppointmentPost(Reference reference, int? slotId, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        if (!MayChoose(info.Value))
        {
            return RedirectToAction(nameof(Details), new { reference = reference.Value });
        }

        if (slotId is null)
        {
            ModelState.AddModelError("slotId", "Select a new time");
            return View("ChangeAppointment", await ChangePageAsync(info.Value, null, ct));
        }

        var outcome = await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await TrackedRepairAsync(info.Value.Id, c);
            var result = await booking.MoveAsync(repair, info.Value.PatchId, slotId.Value, LatestDate(info.Value), User.DisplayName(), RepairChannel.Portal, enforceCutOff: true, c);
            if (result != BookingOutcome.Booked)
            {
                return UnitOfWork.Rollback(result);
            }

            await db.SaveChangesAsync(c);
            if (info.Value.SlotId != slotId)
            {
                await (info.Value.SlotId is null
                    ? notifications.TellTenancyAsync(info.Value.Id, f => notifications.Messages.AppointmentBooked(f.Reference, f.What, f.Appointment ?? ""), c)
                    : notifications.AppointmentChangedAsync(info.Value.Id, c));
                await portal.SaveChangesAsync(c);
            }

            return UnitOfWork.Commit(result);
        }, ct);
        if (outcome != BookingOutcome.Booked)
        {
            ModelState.AddModelError("slotId", outcome == BookingOutcome.TooLateToChange
                ? "It's too late to change this appointment online. Call us to change it"
                : "Sorry, that time has just been taken. Choose another time");
            return View("ChangeAppointment", await ChangePageAsync(info.Value, null, ct));
        }

        return RedirectToAction(nameof(Details), new { reference = reference.Value });
    }

    [HttpGet("{reference}/appointment/cancel")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> CancelAppointment(Reference reference, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        return View("Confirm", new ConfirmPage
        {
            Reference = reference,
            Title = "Cancel this appointment?",
            Body = $"Your appointment is {info.Value.SlotText}. The repair stays open and you can choose another time.",
            Action = $"/repairs/{reference}/appointment/cancel",
            Button = "Cancel the appointment",
        });
    }

    [HttpPost("{reference}/appointment/cancel")]
    [ActiveTenancyRequired]
    [ActionName("CancelAppointment")]
    public async Task<IActionResult> CancelAppointmentPost(Reference reference, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await TrackedRepairAsync(info.Value.Id, c);
            if (await booking.CancelAppointmentAsync(repair, User.DisplayName(), RepairChannel.Portal, enforceCutOff: true, c) == BookingOutcome.Booked)
            {
                await db.SaveChangesAsync(c);
                await notifications.AppointmentCancelledAsync(info.Value.Id, info.Value.SlotText ?? "", c);
                await portal.SaveChangesAsync(c);
            }
        }, ct);
        return RedirectToAction(nameof(Details), new { reference = reference.Value });
    }

    [HttpGet("{reference}/cancel")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Cancel(Reference reference, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        if (info.Value.IsHazardCase)
        {
            return View("Confirm", new ConfirmPage
            {
                Reference = reference,
                Title = "Ask us to cancel this repair?",
                Body = "This repair could affect your health or safety, so we cannot cancel it straight away. We will look at your request and contact you. Until then your appointments and our visits stay as they are.",
                Action = $"/repairs/{reference}/cancel",
                Button = "Ask us to cancel",
            });
        }

        return View("Confirm", new ConfirmPage
        {
            Reference = reference,
            Title = "Cancel this repair?",
            Body = "Only cancel it if the repair is no longer needed. Any appointment will be cancelled too.",
            Action = $"/repairs/{reference}/cancel",
            Button = "Cancel the repair",
        });
    }

    [HttpPost("{reference}/cancel")]
    [ActiveTenancyRequired]
    [ActionName("Cancel")]
    public async Task<IActionResult> CancelPost(Reference reference, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        if (info.Value.IsHazardCase)
        {
            // A tenant cannot cancel a hazard case (Awaab's Law): the request is recorded for an officer to decide.
            await hazards.RequestCancelAsync(info.Value.Id, User.TenancyId(), null, User, ct);
            return RedirectToAction(nameof(Details), new { reference = reference.Value });
        }

        await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await TrackedRepairAsync(info.Value.Id, c);
            if (!repair.IsOpen)
            {
                return;
            }

            await lifecycle.CancelAsync(repair, c);
            repair.History.Add(new RepairStatusChange { Status = RepairStatus.Cancelled, At = repair.CancelledAt!.Value, ChangedBy = User.DisplayName(), Channel = RepairChannel.Portal, Note = "Cancelled by the tenant", NoteVisibleToTenant = true });
            await db.SaveChangesAsync(c);
            await notifications.TellTenancyAsync(repair.Id, f => notifications.Messages.RepairCancelledByTenant(f.Reference, f.What), c);
            await portal.SaveChangesAsync(c);
        }, ct);
        return RedirectToAction(nameof(Details), new { reference = reference.Value });
    }

    [HttpGet("{reference}/add-information")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> AddInformation(Reference reference, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        return info is null ? NotFound() : await AddInformationViewAsync(info.Value.Id, new AddInformationForm(), ct);
    }

    /// <summary>The add-information page, offering photos only while the repair has fewer than the most it may hold.</summary>
    private async Task<ViewResult> AddInformationViewAsync(int repairId, AddInformationForm form, CancellationToken ct)
    {
        var attached = await db.RepairPhotos.CountAsync(p => p.RepairId == repairId, ct);
        ViewData["PhotosLeft"] = Math.Max(0, photos.MaxPhotosPerRepair - attached);
        ViewData["PhotosAtATime"] = photos.MaxPhotos;
        ViewData["PhotosPerRepair"] = photos.MaxPhotosPerRepair;
        return View("AddInformation", form);
    }

    [HttpPost("{reference}/add-information")]
    [ActiveTenancyRequired]
    [RequestSizeLimit(45_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = 45_000_000)]
    public async Task<IActionResult> AddInformation(Reference reference, AddInformationForm form, List<IFormFile>? upload, CancellationToken ct)
    {
        var info = await LoadForChangeAsync(reference, ct);
        if (info is null)
        {
            return NotFound();
        }

        var files = (upload ?? []).Where(f => f.Length > 0).ToList();
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(form.Information) && files.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Information), "Enter the information, or choose a photo to add");
        }

        if (files.Count > photos.MaxPhotos)
        {
            ModelState.AddModelError("upload", $"You can add up to {photos.MaxPhotos} photos at a time");
        }
        else if (files.Count > 0)
        {
            var attached = await db.RepairPhotos.CountAsync(p => p.RepairId == info.Value.Id, ct);
            if (attached + files.Count > photos.MaxPhotosPerRepair)
            {
                ModelState.AddModelError("upload", photos.TooManyPerRepairMessage(attached));
            }
            else if (await photos.QuotaErrorAsync(User.TenancyId(), files.Count, ct) is { } quota)
            {
                ModelState.AddModelError("upload", quota);
            }
        }

        var saved = new List<DraftPhoto>();
        if (ModelState.IsValid)
        {
            // Not yet attached: if the note below is never saved, retention deletes them after a day.
            var owner = new PhotoOwner(User.TenancyId(), null, clock.GetUtcNow().UtcDateTime.AddDays(1));
            foreach (var file in files)
            {
                var (photo, error) = await photos.SaveAsync(file, owner, ct);
                if (photo is null)
                {
                    ModelState.AddModelError("upload", error!);
                }
                else
                {
                    saved.Add(photo);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            foreach (var photo in saved)
            {
                await photos.DeleteAsync(photo.StoredFileName, ct);
            }

            return await AddInformationViewAsync(info.Value.Id, form, ct);
        }

        await unitOfWork.ExecuteAsync(async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var status = await db.Repairs.Where(r => r.Id == info.Value.Id).Select(r => r.Status).SingleAsync(c);
            var note = string.IsNullOrWhiteSpace(form.Information) ? $"Added {saved.Count} photo(s)" : form.Information.Trim();
            db.RepairStatusHistory.Add(new RepairStatusChange { RepairId = info.Value.Id, Status = status, At = now, ChangedBy = User.DisplayName(), Channel = RepairChannel.Portal, Note = note, NoteVisibleToTenant = true });
            foreach (var p in saved)
            {
                db.RepairPhotos.Add(new RepairPhoto { RepairId = info.Value.Id, StoredFileName = p.StoredFileName, ContentType = p.ContentType, SizeBytes = p.SizeBytes, UploadedAt = now, UploadedBy = User.DisplayName() });
            }

            await db.SaveChangesAsync(c);
            await photos.AttachAsync(saved.Select(p => p.StoredFileName).ToList(), info.Value.Id, c);
        }, ct);
        return RedirectToAction(nameof(Details), new { reference = reference.Value });
    }

    [HttpGet("{reference}/feedback")]
    public async Task<IActionResult> Feedback(Reference reference, CancellationToken ct)
    {
        var state = await FeedbackStateAsync(reference, ct);
        return state switch
        {
            null => NotFound(),
            { CanGive: false } => RedirectToAction(nameof(Details), new { reference = reference.Value }),
            _ => View("Feedback", new FeedbackForm()),
        };
    }

    [HttpPost("{reference}/feedback")]
    public async Task<IActionResult> Feedback(Reference reference, FeedbackForm form, CancellationToken ct)
    {
        var state = await FeedbackStateAsync(reference, ct);
        if (state is null)
        {
            return NotFound();
        }

        if (!state.Value.CanGive)
        {
            return RedirectToAction(nameof(Details), new { reference = reference.Value });
        }

        if (!ModelState.IsValid)
        {
            return View("Feedback", form);
        }

        db.RepairFeedback.Add(new RepairFeedback
        {
            RepairId = state.Value.Id,
            RepairRating = form.RepairRating!.Value,
            TimeRating = form.TimeRating!.Value,
            Comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim(),
            At = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await unitOfWork.ExecuteAsync(c => db.SaveChangesAsync(c), ct);
        }
        catch (DbUpdateException)
        {
            // Sent twice: the unique index on RepairId kept the first (the unit of work forgot our row).
        }

        TempData["FeedbackThanks"] = true;
        if (SatisfactionScale.IsDissatisfied(form.RepairRating) || SatisfactionScale.IsDissatisfied(form.TimeRating))
        {
            // Dissatisfied: the Code says the tenant must be given the choice to make a complaint.
            TempData["OfferComplaint"] = true;
        }

        return RedirectToAction(nameof(Details), new { reference = reference.Value });
    }

    // ---- helpers ----

    private readonly record struct ChangeInfo(int Id, int PatchId, RepairStatus Status, RepairPriority Priority, HazardType Hazard, bool HasAlert, DateOnly TargetDate, DateOnly? SlotDate, string? SlotText, int? SlotId, bool IsHazardCase);

    /// <summary>The open repair of this tenancy with this reference, or null (404).</summary>
    private async Task<ChangeInfo?> LoadForChangeAsync(string reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var r = await db.Repairs.AsNoTracking()
            .Where(x => x.Reference == reference && x.TenancyId == tenancyId && x.Status != RepairStatus.Completed && x.Status != RepairStatus.Cancelled)
            .Select(x => new
            {
                x.Id,
                x.Property.PatchId,
                x.Status,
                x.Priority,
                x.HazardType,
                x.TargetDate,
                HasAlert = db.Tenancies.Where(t => t.Id == x.TenancyId).Any(Household.HasCautionaryAlert),
                SlotId = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (int?)a.SlotId).FirstOrDefault(),
                SlotDate = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                SlotPeriod = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                IsHazardCase = x.HazardCase != null && x.HazardCase.IsOpen,
            })
            .SingleOrDefaultAsync(ct);
        return r is null
            ? null
            : new ChangeInfo(r.Id, r.PatchId, r.Status, r.Priority, r.HazardType, r.HasAlert, r.TargetDate, r.SlotDate,
                r.SlotDate is { } date && r.SlotPeriod is { } period ? SlotText.Describe(date, period) : null, r.SlotId, r.IsHazardCase);
    }

    private bool MayChoose(ChangeInfo info) =>
        RepairReporting.CanSelfBook(info.Priority, info.Hazard, info.HasAlert) && (info.SlotDate is null ? info.Status == RepairStatus.Reported : booking.CanChange(info.SlotDate.Value));

    /// <summary>The times to move to, one week at a time (<see cref="SlotWeekPage"/>).</summary>
    private async Task<ChangeAppointmentPage> ChangePageAsync(ChangeInfo info, int? week, CancellationToken ct)
    {
        var latest = LatestDate(info);
        var trade = await db.Repairs.Where(r => r.Id == info.Id).Select(r => r.Trade).SingleAsync(ct);
        var slots = await booking.AvailableSlotsAsync(trade, info.PatchId, latest, RepairChannel.Portal, ct);
        return new ChangeAppointmentPage { Reference = await db.Repairs.Where(r => r.Id == info.Id).Select(r => r.Reference).SingleAsync(ct), Current = info.SlotText, Week = SlotWeekPage.For(slots.Where(s => s.Id != info.SlotId).ToList(), week, null) };
    }

    /// <summary>Times up to the target date; if that has passed, the next 20 working days so the tenant can still book.</summary>
    private DateOnly LatestDate(ChangeInfo info)
    {
        var today = UkTime.Today(clock);
        return info.TargetDate > today ? info.TargetDate : today.AddDays(28);
    }

    private Task<Repair> TrackedRepairAsync(int id, CancellationToken ct) =>
        db.Repairs.Include(r => r.Appointments).ThenInclude(a => a.Slot).SingleAsync(r => r.Id == id, ct);

    private async Task<(int Id, bool CanGive)?> FeedbackStateAsync(string reference, CancellationToken ct)
    {
        var tenancyId = User.TenancyId();
        var r = await db.Repairs.AsNoTracking().Where(x => x.Reference == reference && x.TenancyId == tenancyId)
            .Select(x => new { x.Id, x.Status, HasFeedback = x.Feedback != null }).SingleOrDefaultAsync(ct);
        return r is null ? null : (r.Id, r.Status == RepairStatus.Completed && !r.HasFeedback);
    }
}
