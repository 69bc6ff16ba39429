using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Who is making a change: a tenant (TenantId set) or an officer (their name).</summary>
public sealed record RepairActor(string Name, int? TenantId);

public enum SubmitStatus { Created, AlreadySubmitted, SlotTaken, Invalid }

public sealed record SubmitResult(SubmitStatus Status, string? Reference = null, string? Error = null);

/// <summary>Turns a finished <see cref="RepairDraft"/> into a real job, in one transaction: the repair (new reference,
/// priority and target date from the catalogue, Awaab's Law dates for hazards, the draft's id as SubmissionKey), its
/// first status change, photos, the appointment with its slot place taken atomically, and the confirmation (email, text or letter, as the tenant asked).
/// A second submit of the same draft returns the first job; a slot taken meanwhile rolls everything back.</summary>
public sealed class RepairReporting(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    RepairTargets targets,
    HazardCaseSteps hazards,
    RepairReferenceGenerator references,
    AppointmentBooking booking,
    Notifications.TenantNotifier notifier,
    Notifications.TenantMessages messages,
    RepairPhotoStore photos,
    RightToRepairCases rightToRepair,
    TimeProvider clock)
{
    /// <summary>Tenants may choose their own slot only for ordinary urgent and routine jobs, and not when anyone in the
    /// household has a cautionary alert (we call them instead). Emergencies and hazards are attended, not booked.</summary>
    public static bool CanSelfBook(RepairPriority priority, HazardType hazard, bool householdHasAlert) =>
        priority != RepairPriority.Emergency && hazard == HazardType.None && !householdHasAlert;

    /// <summary>An emergency (priority Emergency or an emergency hazard) is phoned in, never reported online: the
    /// tenant's journey ends with the 24-hour line and <see cref="SubmitAsync"/> refuses one from the portal.</summary>
    public static bool IsEmergency(RepairPriority priority, HazardType hazard) =>
        priority == RepairPriority.Emergency || hazard == HazardType.Emergency;

    public async Task<SubmitResult> SubmitAsync(RepairDraft draft, RepairChannel channel, RepairActor actor, CancellationToken ct = default)
    {
        if (draft.CatalogueItemId is null || string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Length > 1000)
        {
            return new SubmitResult(SubmitStatus.Invalid, Error: "The report is not complete.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(c => SubmitInTransactionAsync(draft, channel, actor, c), ct);
            }
            catch (DbUpdateException)
            {
                // Needed here although the unit of work forgets tracked rows when it fails: an officer's report runs
                // inside the officer's own unit of work, where the inner one does not clear (it would drop the outer's rows).
                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
                var existing = await housing.Repairs.AsNoTracking().Where(r => r.SubmissionKey == draft.Id).Select(r => r.Reference).FirstOrDefaultAsync(ct);
                if (existing is not null)
                {
                    return new SubmitResult(SubmitStatus.AlreadySubmitted, existing);
                }

                // Not a double submit: the first reports of a new year both tried to create the year's reference
                // counter and this one lost (primary key). Its transaction rolled back; the counter exists now.
                if (attempt >= MaxSubmitTries)
                {
                    throw;
                }
            }
        }
    }

    private const int MaxSubmitTries = 3;

    private async Task<UnitOfWorkResult<SubmitResult>> SubmitInTransactionAsync(RepairDraft draft, RepairChannel channel, RepairActor actor, CancellationToken ct)
    {
        var existing = await housing.Repairs.AsNoTracking().Where(r => r.SubmissionKey == draft.Id).Select(r => r.Reference).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return UnitOfWork.Commit(new SubmitResult(SubmitStatus.AlreadySubmitted, existing));
        }

        var tenancy = await housing.Tenancies.AsNoTracking().Where(t => t.Id == draft.TenancyId)
            .Select(t => new
            {
                t.PropertyId,
                t.Property.PatchId,
                t.Status,
                HasAlert = housing.Tenancies.Where(o => o.Id == t.Id).Any(Household.HasCautionaryAlert),
            })
            .SingleOrDefaultAsync(ct);
        var item = await housing.RepairCatalogue.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == draft.CatalogueItemId && i.IsActive && !i.IsTenantResponsibility, ct);
        if (tenancy is null || item is null || tenancy.Status == TenancyStatus.Ended || (channel == RepairChannel.Portal && IsEmergency(item.Priority, item.Hazard)))
        {
            return UnitOfWork.Rollback(new SubmitResult(SubmitStatus.Invalid, Error: "The report is not complete."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reference = await references.NextAsync(UkTime.DateOf(now).Year, ct);
        var repair = new Repair
        {
            Reference = reference,
            PropertyId = tenancy.PropertyId,
            TenancyId = draft.TenancyId,
            ReportedByTenantId = draft.ReportedByTenantId,
            CatalogueItemId = item.Id,
            Trade = item.Trade,
            Priority = channel != RepairChannel.Portal && draft.PriorityOverride is { } chosen ? chosen : item.Priority,
            Description = draft.Description!.Trim(),
            Location = Truncate(draft.Area ?? item.Area, 100),
            Status = RepairStatus.Reported,
            ReportedAt = now,
            Channel = channel,
            WhoWillBeHome = Blank(draft.WhoWillBeHome),
            AccessNotes = Blank(draft.AccessNotes),
            ContactPhone = Blank(draft.ContactPhone),
            HazardType = item.Hazard,
            SubmissionKey = draft.Id,
        };
        targets.Apply(repair);
        if (item.Hazard != HazardType.None && hazards.Apply)
        {
            // The catalogue marks the obvious hazards; the clocks start now, when we became aware (an officer keying a
            // phone report records the time of the call afterwards on the repair page).
            hazards.Classify(repair, item.Hazard, now, actor.Name, $"Reported as: {item.Item}, {item.Problem.ToLowerInvariant()}", now);
        }

        repair.History.Add(new RepairStatusChange
        {
            Status = RepairStatus.Reported,
            At = now,
            ChangedBy = actor.Name,
            Channel = channel,
            Note = draft.CallToArrange && draft.SlotId is null ? CallToArrangeNote : null,
        });
        foreach (var photo in draft.Photos)
        {
            repair.Photos.Add(new RepairPhoto
            {
                StoredFileName = photo.StoredFileName,
                ContentType = photo.ContentType,
                SizeBytes = photo.SizeBytes,
                UploadedAt = now,
                UploadedBy = actor.Name,
            });
        }

        housing.Repairs.Add(repair);
        var mayBook = channel != RepairChannel.Portal || CanSelfBook(item.Priority, item.Hazard, tenancy.HasAlert);
        string? appointmentText = null;
        if (draft.SlotId is int slotId && mayBook)
        {
            var outcome = await booking.BookAsync(repair, tenancy.PatchId, slotId, repair.TargetDate, actor.Name, channel, ct);
            if (outcome != BookingOutcome.Booked)
            {
                // Nothing of the report is kept, its reference number included: the tenant chooses another time.
                return UnitOfWork.Rollback(new SubmitResult(SubmitStatus.SlotTaken, Error: "Sorry, someone else has just booked that time. Choose another time."));
            }

            var slot = await housing.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => new { s.Date, s.Period }).SingleAsync(ct);
            appointmentText = SlotText.Describe(slot.Date, slot.Period);
        }

        await housing.SaveChangesAsync(ct);
        await photos.AttachAsync(draft.Photos.Select(p => p.StoredFileName).ToList(), repair.Id, ct);
        await rightToRepair.RaisedAsync(repair, item.RightToRepairDefect, actor.Name, ct);

        if (draft.ReportedByTenantId is int reporter)
        {
            var nextSteps = RepairWording.WhatHappensNext(repair.Priority, repair.HazardType, repair.TargetDate, repair.InvestigateBy, tenancy.HasAlert);
            await notifier.TellAsync(portal, reporter, messages.RepairReported(reference, Notifications.RepairWords.What(item.Item, item.Problem), appointmentText, nextSteps), ct);
        }

        await portal.SaveChangesAsync(ct);
        return UnitOfWork.Commit(new SubmitResult(SubmitStatus.Created, reference));
    }

    /// <summary>The officers' note on a report whose tenant chose "None of these times suit me".</summary>
    public const string CallToArrangeNote = "None of the times offered suited the tenant: call them to arrange a time.";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

}
