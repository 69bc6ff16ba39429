namespace TenantPortal.Web.Data.Housing;

public class Appointment
{
    public int Id { get; set; }
    public int RepairId { get; set; }
    public int SlotId { get; set; }
    public AppointmentSlot Slot { get; set; } = null!;
    public AppointmentStatus Status { get; set; }
    public DateTime BookedAt { get; set; }
    public required string BookedBy { get; set; }
}
