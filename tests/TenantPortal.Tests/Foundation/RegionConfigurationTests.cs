using Microsoft.Extensions.Configuration;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Foundation;

/// <summary>The region, the landlord type and the bank holiday changes are checked at start-up: a bad value stops the
/// portal with a message that names the setting and says what would work.</summary>
public sealed class RegionConfigurationTests
{
    [Fact]
    public void No_region_settings_mean_a_housing_association_in_England_with_no_changes()
    {
        var configuration = Settings([]);

        Assert.Empty(LandlordRules.Problems(configuration));
        var rules = LandlordRules.From(configuration);
        Assert.Equal(UkRegion.England, rules.Region);
        Assert.Equal(LandlordType.HousingAssociation, rules.Type);
    }

    [Theory]
    [InlineData("Landlord:Region", "Cornwall", "Landlord:Region 'Cornwall' is not known. Use England, Wales, Scotland or NorthernIreland.")]
    [InlineData("Landlord:Region", "2", "Landlord:Region '2' is not known. Use England, Wales, Scotland or NorthernIreland.")]
    [InlineData("Landlord:Type", "Charity", "Landlord:Type 'Charity' is not known. Use HousingAssociation or Council.")]
    [InlineData("Repairs:BankHolidays:Add:0", "15/06/2026", "Repairs:BankHolidays:Add:0 '15/06/2026' is not a date: write it as yyyy-MM-dd, e.g. 2027-06-14.")]
    [InlineData("Repairs:ExtraBankHolidays:0", "2026-02-30", "Repairs:ExtraBankHolidays:0 '2026-02-30' is not a date: write it as yyyy-MM-dd, e.g. 2027-06-14.")]
    [InlineData("Repairs:BankHolidays:Remove:0", "2026-08-30", "Repairs:BankHolidays: 2026-08-30 is not a bank holiday in England, so it can't be removed or moved.")]
    [InlineData("Repairs:BankHolidays:Move:0:From", "2026-05-04", "Repairs:BankHolidays:Move:0 needs both From and To dates (yyyy-MM-dd).")]
    public void A_bad_setting_is_refused_with_a_message_naming_it(string key, string value, string message) =>
        Assert.Contains(message, LandlordRules.Problems(Settings(new() { [key] = value })));

    [Fact]
    public void A_region_is_case_insensitive_and_days_are_checked_against_that_regions_holidays()
    {
        var problems = LandlordRules.Problems(Settings(new()
        {
            ["Landlord:Region"] = "northernireland",
            ["Landlord:Type"] = "council",
            ["Repairs:BankHolidays:Remove:0"] = "2026-03-17",
            ["Repairs:BankHolidays:Move:0:From"] = "2026-07-13",
            ["Repairs:BankHolidays:Move:0:To"] = "2026-07-14",
        }));

        Assert.Empty(problems);
    }

    [Fact]
    public void The_portal_refuses_to_start_with_an_unknown_region()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Landlord:Region"] = "Cornwall" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Landlord:Region 'Cornwall' is not known", error.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
