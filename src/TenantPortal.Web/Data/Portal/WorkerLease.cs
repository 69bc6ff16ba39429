namespace TenantPortal.Web.Data.Portal;

/// <summary>A background job that only one instance may run at a time (reading the bounce mailbox): the instance
/// that holds the lease until <see cref="LeaseUntil"/> runs it; another takes over once the lease has run out.</summary>
public class WorkerLease
{
    public required string Name { get; set; }
    public string? Owner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
