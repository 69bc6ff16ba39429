namespace TenantPortal.Web.Data.Portal;

/// <summary>A payment provider's webhook event, stored once by its id so duplicates are acknowledged and ignored.</summary>
public class ProviderEvent
{
    public required string Id { get; set; }
    public required string Provider { get; set; }
    public required string Type { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? RelatedObjectId { get; set; }
}
