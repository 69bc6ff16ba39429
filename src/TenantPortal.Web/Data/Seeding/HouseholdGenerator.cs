using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Generates tenancies: tenants with contact records and support needs, household members and charges.</summary>
internal static class HouseholdGenerator
{
    private static readonly string[] PaymentSources = ["Bank", "Card", "DirectDebit", "AllPay"];
    private static readonly string[] FemaleTitles = ["Mrs", "Ms", "Miss"];

    public static TenancyPlan Create(Random rng, int number, Property property, DateOnly start, DateOnly? end, DateOnly today)
    {
        var tenancy = new Tenancy
        {
            Reference = $"TEN-{number:D6}",
            Property = property,
            StartDate = start,
            EndDate = end,
            Status = end is null ? TenancyStatus.Active : TenancyStatus.Ended,
            ChargeWeeksPerYear = rng.Next(100) switch { < 80 => 52, < 92 => 50, _ => 48 },
        };

        AddCharges(rng, tenancy, property);

        var benefit = rng.Next(100);
        tenancy.BenefitType = benefit < 25 ? BenefitType.UniversalCredit : benefit < 40 ? BenefitType.HousingBenefit : BenefitType.None;
        if (tenancy.BenefitType != BenefitType.None)
        {
            var eligible = tenancy.Charges.Where(c => c.ChargeCode != "WAT").Sum(c => c.WeeklyAmount) * tenancy.ChargeWeeksPerYear / 52m;
            tenancy.WeeklyBenefitAmount = Math.Round(eligible * (rng.Next(60, 101) / 100m), 2);
        }

        var lastName = rng.Pick(DemoPeople.LastNames);
        var lead = CreateTenant(rng, number * 2, TenantRole.LeadTenant, lastName, today, minAge: 19);
        tenancy.Tenants.Add(lead);
        if (rng.Next(100) < 30)
            tenancy.Tenants.Add(CreateTenant(rng, (number * 2) + 1, TenantRole.JointTenant, rng.Next(100) < 80 ? lastName : rng.Pick(DemoPeople.LastNames), today, minAge: 19));

        var children = property.Bedrooms > 1 && rng.Next(100) < 45 ? rng.Next(1, property.Bedrooms + 1) : 0;
        for (var i = 0; i < children; i++)
        {
            var son = rng.Next(2) == 0;
            tenancy.HouseholdMembers.Add(new HouseholdMember
            {
                FirstName = rng.Pick(son ? DemoPeople.MaleFirstNames : DemoPeople.FemaleFirstNames),
                LastName = lastName,
                DateOfBirth = today.AddDays(-rng.Next(60, 17 * 365)),
                Relationship = son ? "Son" : "Daughter",
            });
        }

        if (rng.Next(100) < 5)
        {
            tenancy.HouseholdMembers.Add(new HouseholdMember
            {
                FirstName = rng.Pick(DemoPeople.FemaleFirstNames),
                LastName = lastName,
                DateOfBirth = today.AddDays(-rng.Next(66 * 365, 90 * 365)),
                Relationship = "Parent",
                HasCautionaryAlert = rng.Next(2) == 0,
            });
        }

        if (rng.Next(100) < 4)
            lead.HasCautionaryAlert = true;

        var profile = rng.Next(100) switch { < 35 => PaymentProfile.Clear, < 60 => PaymentProfile.Credit, _ => PaymentProfile.Arrears };
        var source = rng.Pick(PaymentSources);
        var every = source switch { "DirectDebit" => 4, "Bank" => rng.Next(2) == 0 ? 2 : 4, _ => rng.Next(100) < 70 ? 1 : 2 };
        return new TenancyPlan(tenancy, new LedgerPlan(profile, every, source, rng.Next()));
    }

    public static Tenant CreateTenant(Random rng, int n, TenantRole role, string lastName, DateOnly today, int minAge)
    {
        var female = rng.Next(2) == 0;
        var first = rng.Pick(female ? DemoPeople.FemaleFirstNames : DemoPeople.MaleFirstNames);
        var age = rng.Next(minAge, 86);
        var hasMobile = rng.Next(100) < (age < 70 ? 92 : 60);
        var hasEmail = rng.Next(100) < (age < 70 ? 80 : 40);
        var tenant = new Tenant
        {
            Role = role,
            Title = rng.Next(100) < 10 ? null : female ? rng.Pick(FemaleTitles) : "Mr",
            FirstName = first,
            LastName = lastName,
            DateOfBirth = today.AddYears(-age).AddDays(-rng.Next(0, 365)),
            MobilePhone = hasMobile ? DemoPeople.DramaMobile(n) : null,
            HomePhone = rng.Next(100) < 20 ? DemoPeople.DramaLandline(n) : null,
            Email = hasEmail ? DemoPeople.Email(first, lastName, n) : null,
            Version = rng.NextGuid(),
        };
        tenant.AgreesToEmails = hasEmail && rng.Next(100) < 85;
        tenant.AgreesToTexts = hasMobile && rng.Next(100) < 75;
        tenant.PreferredContactMethod =
            tenant.AgreesToEmails && rng.Next(100) < 55 ? ContactMethod.Email
            : tenant.AgreesToTexts && rng.Next(100) < 70 ? ContactMethod.Text
            : hasMobile || tenant.HomePhone is not null ? ContactMethod.Phone
            : ContactMethod.Letter;
        tenant.NeedsLargePrint = rng.Next(100) < 3;
        tenant.InterpreterLanguage = rng.Next(100) < 4 ? rng.Pick(DemoPeople.InterpreterLanguages) : null;
        tenant.HearingOrSightNeeds = rng.Next(100) < 2 ? rng.Pick(DemoPeople.HearingOrSightNeeds) : null;
        tenant.Advocate = rng.Next(100) < 2 ? rng.Pick(DemoPeople.Advocates) : null;
        return tenant;
    }

    public static void AddCharges(Random rng, Tenancy tenancy, Property property)
    {
        var weeksFactor = 52m / tenancy.ChargeWeeksPerYear;
        var rent = (78m + (12m * property.Bedrooms) + rng.Next(0, 9) + (rng.Next(0, 100) / 100m)) * weeksFactor;
        tenancy.Charges.Add(new TenancyCharge { ChargeCode = "RNT", Description = "Rent", WeeklyAmount = Math.Round(rent, 2) });
        var flat = property.PropertyType is "Flat" or "Maisonette";
        if (rng.Next(100) < (flat ? 75 : 15))
        {
            var service = (flat ? rng.Next(300, 1800) : rng.Next(150, 500)) / 100m * weeksFactor;
            tenancy.Charges.Add(new TenancyCharge { ChargeCode = "SVC", Description = flat ? "Service charge (communal cleaning and lighting)" : "Service charge (grounds maintenance)", WeeklyAmount = Math.Round(service, 2) });
        }

        if (rng.Next(100) < 50)
            tenancy.Charges.Add(new TenancyCharge { ChargeCode = "WAT", Description = "Water and sewerage", WeeklyAmount = Math.Round(rng.Next(400, 950) / 100m * weeksFactor, 2) });
    }
}
