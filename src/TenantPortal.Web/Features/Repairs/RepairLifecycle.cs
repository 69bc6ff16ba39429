using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Closing a repair, written once for tenant pages, officer pages and jobs: a cancelled repair's booked
/// appointment is cancelled and its slot place given back; a completed repair's booked appointment is marked attended
/// (the place was used). An appointment leaves Booked only here or in <see cref="AppointmentBooking"/>, so a place is
/// released exactly once. Call inside the use case's transaction, on a tracked repair, then SaveChanges (the repair's
/// Version makes a second, concurrent close fail and roll back).</summary>
public sealed class RepairLifecycle(HousingDbContext db, AppointmentBooking booking, TimeProvider clock)
{
    public async Task CancelAsync(Repair repair, CancellationToken ct)
    {
        foreach (var appointment in await BookedAppointmentsAsync(repair, ct))
        {
            appointment.Status = AppointmentStatus.Cancelled;
            await booking.ReleaseAsync(appointment.SlotId, ct);
        }

        repair.Status = RepairStatus.Cancelled;
        repair.CancelledAt = clock.GetUtcNow().UtcDateTime;
        db.Touch(repair);
    }

    public async Task CompleteAsync(Repair repair, string completionNotes, CancellationToken ct)
    {
        foreach (var appointment in await BookedAppointmentsAsync(repair, ct))
        {
            appointment.Status = AppointmentStatus.Attended;
        }

        repair.Status = RepairStatus.Completed;
        repair.CompletedAt = clock.GetUtcNow().UtcDateTime;
        repair.CompletionNotes = completionNotes;
        db.Touch(repair);
    }

    // Tracked, so appointments already loaded with the repair are the same instances.
    private Task<List<Appointment>> BookedAppointmentsAsync(Repair repair, CancellationToken ct) =>
        db.Appointments.Where(a => a.RepairId == repair.Id && a.Status == AppointmentStatus.Booked).ToListAsync(ct);
}
