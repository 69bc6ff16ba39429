using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Repairs;

public enum RepairActionOutcome
{
    Done,
    NotFound,

    /// <summary>Completed or cancelled repairs don't change.</summary>
    Closed,

    /// <summary>Someone else changed the repair since the officer opened it.</summary>
    Stale,
    NoChange,

    /// <summary>The appointment slot has no places left (someone else took the last one).</summary>
    SlotFull,

    /// <summary>The slot is not for this repair's trade and patch, or is not in the future.</summary>
    SlotNotAllowed,
}

/// <summary>An officer's changes to a repair. Each is one unit of work: the repair (with a new Version), a history row,
/// an audit entry with the values before and after, and, when the status changes, a message to the tenants through the notifications module.</summary>
public sealed class RepairOfficerActions(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    Notifications.RepairNotifications notifications,
    AppointmentBooking booking,
    RepairLifecycle lifecycle,
    RepairTargets targets,
    TimeProvider clock)
{
    /// <summary>Officers can book any free slot for the repair's trade and patch up to this many days ahead (not only
    /// before the target date, as tenants can).</summary>
    public const int BookingWindowDays = 56;

    /// <summary>Statuses an officer can set with "change status"; completing and cancelling have their own actions.</summary>
    public static readonly RepairStatus[] SettableStatuses = [RepairStatus.Reported, RepairStatus.Booked, RepairStatus.InProgress, RepairStatus.OnHold];

    public Task<RepairActionOutcome> ChangeStatusAsync(string reference, Guid version, RepairStatus status, string? note, bool noteVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        if (!SettableStatuses.Contains(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), "Complete or cancel a repair with their own actions.");
        }

        return ApplyAsync(reference, version, officer, "repair.status-changed", repair =>
        {
            if (repair.Status == status)
            {
                return false;
            }

            repair.Status = status;
            return true;
        }, note, noteVisibleToTenant, ct);
    }

    public Task<RepairActionOutcome> ChangePriorityAsync(string reference, Guid version, RepairPriority priority, string reason, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        string? note = null;
        return ApplyAsync(reference, version, officer, "repair.priority-changed", repair =>
        {
            if (repair.Priority == priority)
            {
                return false;
            }

            var target = targets.TargetDate(priority, repair.HazardType, repair.ReportedAt);
            note = $"Priority changed from {repair.Priority} to {priority} (target date {AdminDisplay.Date(repair.TargetDate)} to {AdminDisplay.Date(target)}): {reason}";
            repair.Priority = priority;
            repair.TargetDate = target;
            return true;
        }, () => note, noteVisibleToTenant: false, ct, emailWhen: (before, after) => before.Priority != after.Priority
            ? $"Your repair {after.Reference} is now {after.Priority.ToString().ToLowerInvariant()} priority. We aim to finish it by {AdminDisplay.Date(after.TargetDate)}"
            : null);
    }

    /// <summary>The latest slot date an officer can book.</summary>
    public DateOnly LatestBookableDate() => UkTime.Today(clock).AddDays(BookingWindowDays);

    /// <summary>Free slots an officer can offer for a repair (its trade in its property's patch), earliest first.</summary>
    public Task<IReadOnlyList<SlotOption>> AvailableSlotsAsync(Trade trade, int patchId, CancellationToken ct = default) =>
        booking.AvailableSlotsAsync(trade, patchId, LatestBookableDate(), RepairChannel.Officer, ct);

    /// <summary>Books an appointment, or moves the booked one, with the repairs feature's <see cref="AppointmentBooking"/>
    /// (a place is taken atomically; the old place is released; no 6pm cut-off for officers). One unit of work: the
    /// appointment, the status (Booked when it was Reported), a history row, an audit entry and an email to the tenants.</summary>
    public async Task<RepairActionOutcome> BookAppointmentAsync(string reference, Guid version, int slotId, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        try
        {
            // Anything but Done rolls back (a full slot may have half-moved the appointment) and forgets the tracked rows.
            return await unitOfWork.ExecuteAsync(async c =>
            {
                var repair = await housing.Repairs.Include(r => r.Appointments).ThenInclude(a => a.Slot).Include(r => r.Property)
                    .SingleOrDefaultAsync(r => r.Reference == reference, c);
                if (repair is null)
                {
                    return UnitOfWork.Rollback(RepairActionOutcome.NotFound);
                }

                if (!repair.IsOpen)
                {
                    return UnitOfWork.Rollback(RepairActionOutcome.Closed);
                }

                if (repair.Version != version)
                {
                    return UnitOfWork.Rollback(RepairActionOutcome.Stale);
                }

                var current = repair.Appointments.FirstOrDefault(a => a.Status == AppointmentStatus.Booked);
                if (current?.SlotId == slotId)
                {
                    return UnitOfWork.Rollback(RepairActionOutcome.NoChange);
                }

                var before = AppointmentSnapshot(repair, current?.Slot);
                var name = officer.DisplayName();
                var booked = await booking.MoveAsync(repair, repair.Property.PatchId, slotId, LatestBookableDate(), name, RepairChannel.Officer, enforceCutOff: false, c);
                switch (booked)
                {
                    case BookingOutcome.SlotFull:
                        return UnitOfWork.Rollback(RepairActionOutcome.SlotFull);
                    case BookingOutcome.SlotNotAllowed:
                        return UnitOfWork.Rollback(RepairActionOutcome.SlotNotAllowed);
                    case BookingOutcome.NotOpen:
                        return UnitOfWork.Rollback(RepairActionOutcome.Closed);
                    case BookingOutcome.TooLateToChange:
                        return UnitOfWork.Rollback(RepairActionOutcome.NoChange);
                }

                var slot = await housing.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == slotId, c);
                var when = SlotText.Describe(slot.Date, slot.Period);
                if (current is null && !repair.History.Any(h => h.Id == 0))
                {
                    // BookAsync records a history row only when the status moves to Booked; record the booking anyway.
                    repair.History.Add(new RepairStatusChange
                    {
                        Status = repair.Status,
                        At = clock.GetUtcNow().UtcDateTime,
                        ChangedBy = name,
                        Channel = RepairChannel.Officer,
                        Note = $"Appointment booked: {when}",
                        NoteVisibleToTenant = true,
                    });
                }

                audit.Record(portal, officer, current is null ? "repair.appointment-booked" : "repair.appointment-moved", "Repair", repair.Reference, before, AppointmentSnapshot(repair, slot));
                TenantsTold = await notifications.TellTenancyAsync(repair.Id, f => current is null
                    ? notifications.Messages.AppointmentBooked(f.Reference, f.What, when)
                    : notifications.Messages.AppointmentChanged(f.Reference, f.What, when), c);
                await housing.SaveChangesAsync(c);
                await portal.SaveChangesAsync(c);
                return UnitOfWork.Commit(RepairActionOutcome.Done);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The unit of work rolled back and forgot what it tracked.
            return RepairActionOutcome.Stale;
        }
    }

    private static object AppointmentSnapshot(Repair r, AppointmentSlot? slot) => new
    {
        Status = r.Status.ToString(),
        Appointment = slot is null ? null : $"{slot.Date.ToString("yyyy-MM-dd", AdminDisplay.EnGb)} {slot.Period}",
    };

    /// <summary>Cancels the repair through <see cref="RepairLifecycle"/>: a booked appointment is cancelled and its slot
    /// place released, as when the tenant cancels.</summary>
    public Task<RepairActionOutcome> CancelAsync(string reference, Guid version, string reason, bool reasonVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.cancelled", async (repair, c) =>
        {
            await lifecycle.CancelAsync(repair, c);
            return true;
        }, () => reason, reasonVisibleToTenant, ct);

    /// <summary>Completes the repair through <see cref="RepairLifecycle"/>: a booked appointment is marked attended.</summary>
    public Task<RepairActionOutcome> CompleteAsync(string reference, Guid version, string completionNotes, bool notesVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.completed", async (repair, c) =>
        {
            await lifecycle.CompleteAsync(repair, completionNotes, c);
            return true;
        }, () => completionNotes, notesVisibleToTenant, ct);

    private Task<RepairActionOutcome> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action, Func<Repair, bool> change, string? note, bool noteVisibleToTenant, CancellationToken ct) =>
        ApplyAsync(reference, version, officer, action, change, () => note, noteVisibleToTenant, ct);

    private Task<RepairActionOutcome> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action, Func<Repair, bool> change, Func<string?> note, bool noteVisibleToTenant, CancellationToken ct, Func<Before, Repair, string?>? emailWhen = null) =>
        ApplyAsync(reference, version, officer, action, (repair, _) => Task.FromResult(change(repair)), note, noteVisibleToTenant, ct, emailWhen);

    private sealed record Before(RepairStatus Status, RepairPriority Priority);

    /// <param name="emailWhen">For changes other than the status: the email subject to send the tenants, or null for none.</param>
    private async Task<RepairActionOutcome> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action, Func<Repair, CancellationToken, Task<bool>> change, Func<string?> note, bool noteVisibleToTenant, CancellationToken ct, Func<Before, Repair, string?>? emailWhen = null)
    {
        try
        {
            return await unitOfWork.ExecuteAsync(async c =>
            {
                var repair = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference, c);
                if (repair is null)
                {
                    return RepairActionOutcome.NotFound;
                }

                if (!repair.IsOpen)
                {
                    return RepairActionOutcome.Closed;
                }

                if (repair.Version != version)
                {
                    return RepairActionOutcome.Stale;
                }

                var before = Snapshot(repair);
                var previousStatus = repair.Status;
                var previous = new Before(repair.Status, repair.Priority);
                if (!await change(repair, c))
                {
                    return RepairActionOutcome.NoChange;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                housing.Touch(repair);
                var text = string.IsNullOrWhiteSpace(note()) ? null : note()!.Trim();
                housing.RepairStatusHistory.Add(new RepairStatusChange
                {
                    RepairId = repair.Id,
                    Status = repair.Status,
                    At = now,
                    Note = text,
                    NoteVisibleToTenant = text is not null && noteVisibleToTenant,
                    ChangedBy = officer.DisplayName(),
                    Channel = RepairChannel.Officer,
                });
                audit.Record(portal, officer, action, "Repair", repair.Reference, before, Snapshot(repair));

                if (repair.Status != previousStatus)
                {
                    await TellTenantsAsync(repair, noteVisibleToTenant ? text : null, null, c);
                }
                else if (emailWhen?.Invoke(previous, repair) is { } message)
                {
                    await TellTenantsAsync(repair, null, message, c);
                }

                await housing.SaveChangesAsync(c);
                await portal.SaveChangesAsync(c);
                return RepairActionOutcome.Done;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The unit of work rolled back and forgot what it tracked.
            return RepairActionOutcome.Stale;
        }
    }

    /// <summary>How the tenants were told of the last change (for the officer's page): email, text or letter each.</summary>
    public IReadOnlyList<MessageChannel> TenantsTold { get; private set; } = [];

    private async Task TellTenantsAsync(Repair repair, string? visibleNote, string? sentence, CancellationToken ct)
    {
        var status = repair.Status;
        var words = status switch
        {
            RepairStatus.Cancelled => "has been cancelled",
            RepairStatus.OnHold => "is on hold",
            RepairStatus.InProgress => "is in progress",
            RepairStatus.Booked => "is booked",
            _ => "has been updated",
        };
        TenantsTold = await notifications.TellTenancyAsync(repair.Id, f => sentence is not null
            ? notifications.Messages.Updated(f.Reference, f.What, sentence)
            : status == RepairStatus.Completed
                ? notifications.Messages.Completed(f.Reference, f.What, visibleNote)
                : notifications.Messages.StatusChanged(f.Reference, f.What, words, visibleNote), ct);
    }

    private static object Snapshot(Repair r) => new
    {
        Status = r.Status.ToString(),
        Priority = r.Priority.ToString(),
        TargetDate = r.TargetDate.ToString("yyyy-MM-dd", AdminDisplay.EnGb),
        r.CompletedAt,
        r.CompletionNotes,
        r.CancelledAt,
    };
}
