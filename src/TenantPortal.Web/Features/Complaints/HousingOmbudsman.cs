namespace TenantPortal.Web.Features.Complaints;

/// <summary>The Housing Ombudsman Service's contact details, given with every complaint response (Code 6.8 and 6.17:
/// the response must tell the resident they can refer the complaint to the Ombudsman).</summary>
public static class HousingOmbudsman
{
    public const string Phone = "0300 111 3000";
    public const string Email = "info@housing-ombudsman.org.uk";
    public const string Website = "https://www.housing-ombudsman.org.uk";
    public const string Address = "Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET";

    public static string Text =>
        $"If you are not happy with how we have dealt with your complaint, you can ask the Housing Ombudsman to look at it. " +
        $"The Ombudsman is free and independent. Phone {Phone}, email {Email}, visit {Website} or write to {Address}.";
}
