namespace TenantPortal.Web.Data.Housing;

/// <summary>An area of homes managed together; appointment slots are offered per patch.</summary>
public class Patch
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}
