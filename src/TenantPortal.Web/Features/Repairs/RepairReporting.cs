using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Who is making a change: a tenant (TenantId set) or an officer (their name).</summary>
public sealed record RepairActor(string Name, int? TenantId);

public enum SubmitStatus { Created, AlreadySubmitted, SlotTaken, Invalid }

public sealed record SubmitResult(SubmitStatus Status, string? Reference = null, string? Error = null);

/// <summary>Turns a finished <see cref="RepairDraft"/> into a real job, in one transaction: the repair (new reference,
/// priority and target date from the catalogue, Awaab's Law dates for hazards, the draft's id as SubmissionKey), its
/// first status change, photos, the appointment with its slot place taken atomically, and the confirmation email.
/// A second submit of the same draft returns the first job; a slot taken meanwhile rolls everything back.</summary>
public sealed class RepairReporting(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    RepairTargets targets,
    RepairReferenceGenerator references,
    AppointmentBooking booking,
    EmailOutbox outbox,
    RepairPhotoStore photos,
    IOptions<LandlordOptions> landlord,
    TimeProvider clock)
{
    /// <summary>Tenants may choose their own slot only for ordinary urgent and routine jobs, and not when anyone in the
    /// household has a cautionary alert (we call them instead). Emergencies and hazards are attended, not booked.</summary>
    public static bool CanSelfBook(RepairPriority priority, HazardType hazard, bool householdHasAlert) =>
        priority != RepairPriority.Emergency && hazard == HazardType.None && !householdHasAlert;

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
                HasAlert = housing.Tenancies.Where(o => o.Id == t.Id).Any(Household.HasCautionaryAlert),
                ReporterEmail = t.Tenants.Where(x => x.Id == draft.ReportedByTenantId).Select(x => x.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        var item = await housing.RepairCatalogue.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == draft.CatalogueItemId && i.IsActive && !i.IsTenantResponsibility, ct);
        if (tenancy is null || item is null)
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
            Priority = item.Priority,
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
        repair.History.Add(new RepairStatusChange { Status = RepairStatus.Reported, At = now, ChangedBy = actor.Name, Channel = channel });
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

        if (!string.IsNullOrWhiteSpace(tenancy.ReporterEmail))
        {
            outbox.Enqueue(portal, new EmailMessage(tenancy.ReporterEmail, $"Repair {reference}: we have your report", ConfirmationBody(repair, item, appointmentText, tenancy.HasAlert)));
        }

        await portal.SaveChangesAsync(ct);
        return UnitOfWork.Commit(new SubmitResult(SubmitStatus.Created, reference));
    }

    private string ConfirmationBody(Repair repair, RepairCatalogueItem item, string? appointment, bool hasAlert)
    {
        var l = landlord.Value;
        var next = appointment is not null
            ? $"Your appointment: {appointment}. Someone needs to be at home. You can change or cancel it online until 6pm the day before."
            : RepairWording.WhatHappensNext(repair.Priority, repair.HazardType, repair.TargetDate, repair.InvestigateBy, hasAlert);
        return $"""
            Thank you for reporting a repair.

            Your reference: {repair.Reference}
            What: {item.Item}, {item.Problem.ToLowerInvariant()} ({repair.Location})

            {next}

            You can follow your repair online under "Repairs". If things get worse, call us on {l.PhoneNumber}. For emergencies call {l.EmergencyPhoneNumber} at any time.
            """;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

}
