namespace TenantPortal.Web.Data.Seeding;

/// <summary>The fixed demo records the seeder always creates (at every scale), for demos, docs and tests.</summary>
public static class DemoData
{
    /// <summary>A joint tenancy in arrears, in patch 1, with a booked, a reported and a completed repair.</summary>
    public const string TenancyReference = "DEMO-0001";

    public const string LeadTenantFirstName = "Alex";
    public const string LeadTenantLastName = "Morgan";
    public const string LeadTenantFullName = "Alex Morgan";
    public const string LeadTenantEmail = "demo.tenant@example.org";
    public const string LeadTenantMobile = "+447700900123";
    public static readonly DateOnly LeadTenantDateOfBirth = new(1980, 2, 2);

    public const string JointTenantFirstName = "Sam";
    public const string JointTenantLastName = "Morgan";
    public const string JointTenantFullName = "Sam Morgan";
    public const string JointTenantEmail = "sam.morgan@example.org";
    public static readonly DateOnly JointTenantDateOfBirth = new(1982, 9, 9);

    public const string AddressLine1 = "14 Heather Close";
    public const string Postcode = "KM1 4AB";

    /// <summary>The DEMO-0001 arrears lie between these (inclusive).</summary>
    public const decimal MinimumArrears = 150m;
    public const decimal MaximumArrears = 400m;

    /// <summary>A single tenancy in credit whose tenant has not registered on the portal.</summary>
    public const string SecondTenancyReference = "DEMO-0002";

    public const string SecondTenantFirstName = "Grace";
    public const string SecondTenantLastName = "Okafor";
    public const string SecondTenantFullName = "Grace Okafor";
    public const string SecondTenantEmail = "grace.okafor@example.org";
    public static readonly DateOnly SecondTenantDateOfBirth = new(1985, 3, 14);

    /// <summary>The town every generated address is in.</summary>
    public const string Town = "Kingsmere";
}
