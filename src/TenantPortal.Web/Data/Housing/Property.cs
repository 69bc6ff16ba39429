namespace TenantPortal.Web.Data.Housing;

public class Property
{
    public int Id { get; set; }
    public long? Uprn { get; set; }
    public required string AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public required string Town { get; set; }
    public required string Postcode { get; set; }
    public int PatchId { get; set; }
    public Patch Patch { get; set; } = null!;
    public string PropertyType { get; set; } = "Flat";
    public int Bedrooms { get; set; }

    public string SingleLineAddress =>
        string.Join(", ", new[] { AddressLine1, AddressLine2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
