namespace TenantPortal.Web.Data.Housing;

/// <summary>A half-day slot for one trade in one patch. BookedCount never exceeds Capacity: bookings increment it
/// with a conditional update so two people cannot take the last place.</summary>
public class AppointmentSlot
{
    public int Id { get; set; }
    public Trade Trade { get; set; }
    public int PatchId { get; set; }
    public DateOnly Date { get; set; }
    public SlotPeriod Period { get; set; }
    public int Capacity { get; set; }
    public int BookedCount { get; set; }

    public bool HasSpace => BookedCount < Capacity;
}
