using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>A slot that can be offered.</summary>
public sealed record SlotOption(int Id, DateOnly Date, SlotPeriod Period, int PlacesLeft)
{
    public string Label => SlotText.Describe(Date, Period);
}

public enum BookingOutcome { Booked, SlotFull, SlotNotAllowed, NotOpen, TooLateToChange }

/// <summary>Books, moves and cancels appointments. Capacity is enforced in the database: a booking increments the
/// slot's BookedCount with <c>UPDATE ... SET BookedCount = BookedCount + 1 WHERE Id = @id AND BookedCount &lt; Capacity</c>
/// and only goes ahead when that changed one row, so two people can never take the last place (a check constraint
/// backs it up). Call the writing methods inside the use case's transaction (PortalUnitOfWork) and SaveChanges after.</summary>
public sealed class AppointmentBooking(HousingDbContext db, TimeProvider clock)
{
    /// <summary>Changes and cancellations are allowed until this UK time on the day before the appointment.</summary>
    public static readonly TimeOnly ChangeCutOff = new(18, 0);

    /// <summary>Free slots for a trade in a patch from the earliest date the booker may take (see
    /// <see cref="EarliestBookableDate"/>) to <paramref name="latest"/>, earliest first.</summary>
    public async Task<IReadOnlyList<SlotOption>> AvailableSlotsAsync(Trade trade, int patchId, DateOnly latest, RepairChannel channel, CancellationToken ct)
    {
        var earliest = EarliestBookableDate(channel);
        var slots = await db.AppointmentSlots.AsNoTracking()
            .Where(s => s.Trade == trade && s.PatchId == patchId && s.Date >= earliest && s.Date <= latest && s.BookedCount < s.Capacity)
            .OrderBy(s => s.Date).ThenBy(s => s.Period)
            .Select(s => new { s.Id, s.Date, s.Period, Left = s.Capacity - s.BookedCount })
            .ToListAsync(ct);
        return slots.Select(s => new SlotOption(s.Id, s.Date, s.Period, s.Left))
            .OrderBy(s => s.Date).ThenBy(s => s.Period).ToList();
    }

    /// <summary>The first day a slot may be booked. Officers can book from tomorrow. A tenant booking online is only
    /// offered slots they could still change or cancel online: after the 6pm cut-off, tomorrow's slots would be fixed
    /// the moment they were booked, so online booking starts the day after (docs/repairs.md, "Choosing a time").</summary>
    public DateOnly EarliestBookableDate(RepairChannel channel)
    {
        var tomorrow = UkTime.Today(clock).AddDays(1);
        return channel != RepairChannel.Portal || CanChange(tomorrow) ? tomorrow : tomorrow.AddDays(1);
    }

    /// <summary>Takes one place in the slot if there is one. True when this caller got it.</summary>
    public async Task<bool> TryReserveAsync(int slotId, CancellationToken ct) =>
        await db.AppointmentSlots.Where(s => s.Id == slotId && s.BookedCount < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount + 1), ct) == 1;

    /// <summary>Gives a place back.</summary>
    public async Task ReleaseAsync(int slotId, CancellationToken ct) =>
        await db.AppointmentSlots.Where(s => s.Id == slotId && s.BookedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount - 1), ct);

    /// <summary>True when the appointment can still be changed or cancelled by the tenant: until 6pm (UK) the day before.</summary>
    public bool CanChange(DateOnly appointmentDate)
    {
        var cutOff = UkTime.ToUtc(appointmentDate.AddDays(-1), ChangeCutOff);
        return clock.GetUtcNow().UtcDateTime < cutOff;
    }

    /// <summary>Books a slot for a repair (tracked, with its Appointments loaded or new). Checks the slot is for the
    /// repair's trade and patch, from the booker's earliest date up to <paramref name="latest"/>, then takes a place
    /// atomically.</summary>
    public async Task<BookingOutcome> BookAsync(Repair repair, int patchId, int slotId, DateOnly latest, string bookedBy, RepairChannel channel, CancellationToken ct)
    {
        if (!repair.IsOpen)
        {
            return BookingOutcome.NotOpen;
        }

        var earliest = EarliestBookableDate(channel);
        var allowed = await db.AppointmentSlots.AsNoTracking()
            .AnyAsync(s => s.Id == slotId && s.Trade == repair.Trade && s.PatchId == patchId && s.Date >= earliest && s.Date <= latest, ct);
        if (!allowed)
        {
            return BookingOutcome.SlotNotAllowed;
        }

        if (!await TryReserveAsync(slotId, ct))
        {
            return BookingOutcome.SlotFull;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        repair.Appointments.Add(new Appointment { SlotId = slotId, Status = AppointmentStatus.Booked, BookedAt = now, BookedBy = bookedBy });
        if (repair.Status == RepairStatus.Reported)
        {
            repair.Status = RepairStatus.Booked;
            repair.History.Add(new RepairStatusChange { Status = RepairStatus.Booked, At = now, ChangedBy = bookedBy, Channel = channel });
        }

        db.Touch(repair);
        return BookingOutcome.Booked;
    }

    /// <summary>Moves a repair's booked appointment to another slot: takes the new place first, then releases the old
    /// one, with the two slot rows locked in id order. Load the repair with its Appointments (and their Slot) tracked.</summary>
    public async Task<BookingOutcome> MoveAsync(Repair repair, int patchId, int newSlotId, DateOnly latest, string bookedBy, RepairChannel channel, bool enforceCutOff, CancellationToken ct)
    {
        var current = repair.Appointments.FirstOrDefault(a => a.Status == AppointmentStatus.Booked);
        if (current is not null && enforceCutOff && !CanChange(current.Slot.Date))
        {
            return BookingOutcome.TooLateToChange;
        }

        if (current?.SlotId == newSlotId)
        {
            return BookingOutcome.Booked;
        }

        if (current is not null && current.SlotId < newSlotId)
        {
            // Slot rows are locked in id order: two moves crossing between the same two slots (A to B while B to A)
            // then queue instead of deadlocking on a server database. The no-op update only takes the row lock.
            await db.AppointmentSlots.Where(s => s.Id == current.SlotId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount), ct);
        }

        var outcome = await BookAsync(repair, patchId, newSlotId, latest, bookedBy, channel, ct);
        if (outcome != BookingOutcome.Booked || current is null)
        {
            return outcome;
        }

        current.Status = AppointmentStatus.Moved;
        await ReleaseAsync(current.SlotId, ct);
        repair.History.Add(new RepairStatusChange
        {
            Status = repair.Status,
            At = clock.GetUtcNow().UtcDateTime,
            ChangedBy = bookedBy,
            Channel = channel,
            Note = "Appointment changed",
            NoteVisibleToTenant = true,
        });
        return BookingOutcome.Booked;
    }

    /// <summary>Cancels the booked appointment (the repair stays open, back to Reported) and releases the place.</summary>
    public async Task<BookingOutcome> CancelAppointmentAsync(Repair repair, string by, RepairChannel channel, bool enforceCutOff, CancellationToken ct)
    {
        var current = repair.Appointments.FirstOrDefault(a => a.Status == AppointmentStatus.Booked);
        if (current is null)
        {
            return BookingOutcome.NotOpen;
        }

        if (enforceCutOff && !CanChange(current.Slot.Date))
        {
            return BookingOutcome.TooLateToChange;
        }

        current.Status = AppointmentStatus.Cancelled;
        await ReleaseAsync(current.SlotId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (repair.Status == RepairStatus.Booked)
        {
            repair.Status = RepairStatus.Reported;
        }

        repair.History.Add(new RepairStatusChange { Status = repair.Status, At = now, ChangedBy = by, Channel = channel, Note = "Appointment cancelled", NoteVisibleToTenant = true });
        db.Touch(repair);
        return BookingOutcome.Booked;
    }
}

public static class SlotText
{
    public static string Period(SlotPeriod period) => period == SlotPeriod.AM ? "morning (8am to 12pm)" : "afternoon (12pm to 6pm)";

    public static string Describe(DateOnly date, SlotPeriod period) =>
        $"{date.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, {Period(period)}";

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
