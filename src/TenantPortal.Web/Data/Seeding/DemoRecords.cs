using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>The fixed records in <see cref="DemoData"/>: DEMO-0001 (joint, arrears, open repairs) and DEMO-0002
/// (single tenant, in credit).</summary>
internal static class DemoRecords
{
    /// <summary>The DEMO-0002 balance (credit).</summary>
    public const decimal SecondTenancyBalance = -42.75m;

    public static PropertyPlan First(DateOnly today, long uprn)
    {
        var property = new Property
        {
            Uprn = uprn,
            AddressLine1 = DemoData.AddressLine1,
            Town = DemoData.Town,
            Postcode = DemoData.Postcode,
            PropertyType = "House",
            Bedrooms = 3,
        };
        var tenancy = new Tenancy
        {
            Reference = DemoData.TenancyReference,
            Property = property,
            StartDate = today.AddYears(-9).AddDays(-40),
            ChargeWeeksPerYear = 52,
            BenefitType = BenefitType.None,
        };
        tenancy.Charges.Add(new TenancyCharge { ChargeCode = "RNT", Description = "Rent", WeeklyAmount = 104.35m });
        tenancy.Charges.Add(new TenancyCharge { ChargeCode = "WAT", Description = "Water and sewerage", WeeklyAmount = 6.45m });
        tenancy.Tenants.Add(new Tenant
        {
            Role = TenantRole.LeadTenant,
            Title = "Mx",
            FirstName = DemoData.LeadTenantFirstName,
            LastName = DemoData.LeadTenantLastName,
            DateOfBirth = DemoData.LeadTenantDateOfBirth,
            Email = DemoData.LeadTenantEmail,
            MobilePhone = DemoData.LeadTenantMobile,
            PreferredContactMethod = ContactMethod.Email,
            AgreesToEmails = true,
            AgreesToTexts = true,
            Version = new Guid("d3e0b0a1-0001-4c5e-9a11-000000000001"),
        });
        tenancy.Tenants.Add(new Tenant
        {
            Role = TenantRole.JointTenant,
            Title = "Mr",
            FirstName = DemoData.JointTenantFirstName,
            LastName = DemoData.JointTenantLastName,
            DateOfBirth = DemoData.JointTenantDateOfBirth,
            Email = DemoData.JointTenantEmail,
            MobilePhone = "+447700900456",
            PreferredContactMethod = ContactMethod.Text,
            AgreesToEmails = true,
            AgreesToTexts = true,
            Version = new Guid("d3e0b0a1-0001-4c5e-9a11-000000000002"),
        });
        tenancy.HouseholdMembers.Add(new HouseholdMember { FirstName = "Riley", LastName = "Morgan", DateOfBirth = today.AddYears(-11).AddDays(-57), Relationship = "Son" });
        tenancy.HouseholdMembers.Add(new HouseholdMember { FirstName = "Jess", LastName = "Morgan", DateOfBirth = today.AddYears(-7).AddDays(-190), Relationship = "Daughter" });

        // Pays the £110.80 due by card every Friday but has missed the last two: £221.60 owed, or £332.40 between
        // Monday's charge and Friday's payment day.
        var plan = new PropertyPlan(property);
        plan.Tenancies.Add(new TenancyPlan(tenancy, new LedgerPlan(PaymentProfile.Arrears, 1, "Card", 1001, MissedFinalPayments: 2)));
        return plan;
    }

    public static void PlanFirstRepairs(RepairPlanner planner, TenancyPlan plan, int patchId, DateTime now, Random rng)
    {
        var today = DateOnly.FromDateTime(now);
        var at = (int daysAgo, int hour, int minute) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        // An old blocked sink, done quickly, with feedback.
        planner.PlanFixed(plan, patchId, "PL0103", RepairChannel.Phone, at(210, 10, 5), RepairStatus.Completed, at(208, 11, 40), withFeedback: true, rng);
        // A completed repair the tenant hasn't rated yet.
        planner.PlanFixed(plan, patchId, "EL0302", RepairChannel.Portal, at(30, 19, 20), RepairStatus.Completed, at(12, 14, 10), withFeedback: false, rng);
        // Booked: the bathroom extractor fan, with an appointment in the coming days.
        planner.PlanFixed(plan, patchId, "EL0202", RepairChannel.Portal, at(3, 18, 42), RepairStatus.Booked, at(3, 18, 47), withFeedback: false, rng);
        // Reported yesterday evening, not yet booked.
        planner.PlanFixed(plan, patchId, "CA0301", RepairChannel.Portal, at(1, 20, 15), RepairStatus.Reported, at(1, 20, 15), withFeedback: false, rng);
    }

    public static PropertyPlan Second(DateOnly today, long uprn)
    {
        var property = new Property
        {
            Uprn = uprn,
            AddressLine1 = "Flat 2 Quayside Court",
            AddressLine2 = "8 Wharf Street",
            Town = DemoData.Town,
            Postcode = "KM2 1HQ",
            PropertyType = "Flat",
            Bedrooms = 1,
        };
        var tenancy = new Tenancy
        {
            Reference = DemoData.SecondTenancyReference,
            Property = property,
            StartDate = today.AddYears(-4).AddDays(-120),
            ChargeWeeksPerYear = 50,
            BenefitType = BenefitType.UniversalCredit,
            WeeklyBenefitAmount = 60.00m,
        };
        tenancy.Charges.Add(new TenancyCharge { ChargeCode = "RNT", Description = "Rent", WeeklyAmount = 94.12m });
        tenancy.Charges.Add(new TenancyCharge { ChargeCode = "SVC", Description = "Service charge (communal cleaning and lighting)", WeeklyAmount = 9.88m });
        tenancy.Tenants.Add(new Tenant
        {
            Role = TenantRole.LeadTenant,
            Title = "Ms",
            FirstName = DemoData.SecondTenantFirstName,
            LastName = DemoData.SecondTenantLastName,
            DateOfBirth = DemoData.SecondTenantDateOfBirth,
            Email = DemoData.SecondTenantEmail,
            MobilePhone = "+447700900789",
            PreferredContactMethod = ContactMethod.Text,
            AgreesToEmails = true,
            AgreesToTexts = true,
            Version = new Guid("d3e0b0a1-0002-4c5e-9a11-000000000001"),
        });

        var plan = new PropertyPlan(property);
        plan.Tenancies.Add(new TenancyPlan(tenancy, new LedgerPlan(PaymentProfile.Credit, 4, "DirectDebit", 1002, SecondTenancyBalance)));
        return plan;
    }

    public static void PlanSecondRepairs(RepairPlanner planner, TenancyPlan plan, int patchId, DateTime now, Random rng)
    {
        var today = DateOnly.FromDateTime(now);
        planner.PlanFixed(plan, patchId, "RF0601", RepairChannel.Portal, today.AddDays(-95).ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc),
            RepairStatus.Completed, today.AddDays(-80).ToDateTime(new TimeOnly(13, 0), DateTimeKind.Utc), withFeedback: true, rng);
    }

    /// <summary>Open repairs in every state on one ordinary tenancy, so the officers' queue always shows each status
    /// (including a damp and mould hazard under investigation), whatever <c>today</c> is.</summary>
    public static void PlanShowcaseRepairs(RepairPlanner planner, TenancyPlan plan, int patchId, DateTime now, Random rng)
    {
        var today = DateOnly.FromDateTime(now);
        var at = (int daysAgo, int hour, int minute) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
        planner.PlanFixed(plan, patchId, "GN0801", RepairChannel.Portal, at(8, 9, 12), RepairStatus.InProgress, at(2, 10, 30), withFeedback: false, rng);
        planner.PlanFixed(plan, patchId, "HT0502", RepairChannel.Phone, at(12, 11, 3), RepairStatus.OnHold, at(4, 15, 20), withFeedback: false, rng);
        planner.PlanFixed(plan, patchId, "GN0201", RepairChannel.Portal, at(20, 21, 40), RepairStatus.Cancelled, at(19, 9, 15), withFeedback: false, rng);
    }
}
