namespace TenantPortal.Web.Features.Shared;

public static class PhoneLink
{
    /// <summary>A tel: link target: the digits and a leading plus only.</summary>
    public static string Href(string phone) => new(phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}
