using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Repairs;

/// <summary>The catalogue, walked as data from the housing database: no dead ends ("something else" in every area), no
/// question with one answer, the obvious hazards marked, and every emergency ends the online journey with a phone
/// number (the officer taking the call still records it).</summary>
public sealed class CatalogueTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    private Task<List<RepairCatalogueItem>> CatalogueAsync() =>
        App.WithHousingAsync(db => db.RepairCatalogue.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync());

    [Fact]
    public async Task Every_area_has_something_else_with_a_free_description_an_officer_triages_as_routine()
    {
        var catalogue = await CatalogueAsync();

        foreach (var area in catalogue.Select(i => i.Area).Distinct())
        {
            var somethingElse = catalogue.Where(i => i.Area == area && i.Item == RepairCatalogueSeed.SomethingElseItem).ToList();
            Assert.True(somethingElse.Count >= 2, $"{area} has no \"something else\"");
            Assert.All(somethingElse, i => Assert.Equal((RepairPriority.Routine, HazardType.None, false), (i.Priority, i.Hazard, i.IsTenantResponsibility)));
            Assert.Equal(RepairCatalogueSeed.SomethingElseItem, catalogue.Where(i => i.Area == area).MaxBy(i => i.SortOrder)!.Item);
        }
    }

    [Fact]
    public async Task No_question_has_a_single_answer()
    {
        var catalogue = await CatalogueAsync();
        var damp = catalogue.Where(i => i.Hazard == HazardType.DampAndMould).ToList();

        Assert.True(catalogue.Select(i => i.Area).Distinct().Count() >= 2, "Where is the problem?");
        foreach (var area in catalogue.Select(i => i.Area).Distinct())
        {
            // What the tenant sees: the area's rows and the damp rows offered everywhere (as the journey shows them).
            var offered = catalogue.Where(i => i.Area == area).Concat(damp).DistinctBy(i => i.Id).ToList();
            Assert.True(offered.Select(i => i.Item).Distinct().Count() >= 2, $"What needs repairing? ({area})");
            foreach (var item in offered.GroupBy(i => i.Item))
            {
                Assert.True(item.Count() >= 2, $"What is wrong with the {item.Key} ({area})? has one answer");
            }
        }
    }

    [Theory]
    [InlineData("Kitchen")]
    [InlineData("Bathroom")]
    [InlineData("Bedroom")]
    [InlineData("Living room")]
    [InlineData("Hallway and stairs")]
    public async Task Items_appear_where_tenants_look_for_them_a_window_and_a_radiator_in_every_room_with_windows(string room)
    {
        var items = (await CatalogueAsync()).Where(i => i.Area == room).Select(i => i.Item).ToHashSet();

        Assert.Contains("Window", items);
        Assert.Contains("Radiator", items);
        Assert.Contains("Light fitting", items);
    }

    [Fact]
    public async Task The_boiler_is_under_kitchen_bathroom_and_hallway()
    {
        var areas = (await CatalogueAsync()).Where(i => i.Item == "Boiler").Select(i => i.Area).ToHashSet();

        Assert.Superset(new HashSet<string> { "Kitchen", "Bathroom", "Hallway and stairs" }, areas);
    }

    [Theory]
    [InlineData("Boiler", "No heating or hot water", HazardType.Emergency)]
    [InlineData("Front door", "Won't lock or close", HazardType.Emergency)]
    [InlineData("Water leak", "Water coming through the ceiling", HazardType.Emergency)]
    [InlineData("Electrics", "Exposed wiring", HazardType.Emergency)]
    [InlineData("Gas", "Smell of gas", HazardType.Emergency)]
    [InlineData("Damp or mould", "On walls or ceilings", HazardType.DampAndMould)]
    [InlineData("Damp or mould", "Around windows", HazardType.DampAndMould)]
    public async Task The_catalogue_marks_the_obvious_hazards_with_their_kind(string item, string problem, HazardType hazard)
    {
        var rows = (await CatalogueAsync()).Where(i => i.Item == item && i.Problem == problem).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(hazard, r.Hazard));
    }

    [Fact]
    public async Task Every_emergency_item_ends_the_online_journey_with_the_24_hour_line_and_the_gas_number_for_gas()
    {
        var emergencies = (await CatalogueAsync()).Where(i => RepairReporting.IsEmergency(i.Priority, i.Hazard)).ToList();
        Assert.True(emergencies.Count >= 10);
        var client = await App.SignedInAsync();

        foreach (var item in emergencies)
        {
            var end = await ChooseAsync(client, "/repairs/report", item);
            ReportJourney.Expect(end, "/repairs/report/call-us");

            var page = await client.GetDocumentAsync(end.Headers.Location!.OriginalString);
            var text = page.NormalisedText();
            Assert.Contains("This is an emergency: call us now", text, StringComparison.Ordinal);
            Assert.Contains("0300 123 4999", text, StringComparison.Ordinal);
            Assert.Equal(item.IsGas, text.Contains("Call the National Gas Emergency Service on 0800 111 999", StringComparison.Ordinal));
        }

        // Nothing was saved as a problem in the draft: the journey can't go on to describe it.
        ReportJourney.Expect(await client.GetAsync(new Uri("/repairs/report/describe", UriKind.Relative)), "/repairs/report/problem");
    }

    [Fact]
    public async Task An_emergency_can_not_be_reported_online_even_by_posting_a_finished_draft()
    {
        var tenancy = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Email == DemoSeeder.TenantEmail).Select(t => new { t.TenancyId, t.Id }).SingleAsync());
        var itemId = await App.WithHousingAsync(db => db.RepairCatalogue.Where(i => i.Problem == "Water coming through the ceiling").Select(i => i.Id).SingleAsync());
        using var scope = App.Factory.Services.CreateScope();
        var reporting = scope.ServiceProvider.GetRequiredService<RepairReporting>();
        var draft = new RepairDraft { TenancyId = tenancy.TenancyId, ReportedByTenantId = tenancy.Id, Area = RepairCatalogueSeed.AnywhereInTheHome, CatalogueItemId = itemId, Description = "Pouring through", WhoWillBeHome = "Me" };

        var online = await reporting.SubmitAsync(draft, RepairChannel.Portal, new RepairActor("Alex", tenancy.Id));

        Assert.Equal(SubmitStatus.Invalid, online.Status);
        Assert.False(await App.WithHousingAsync(db => db.Repairs.AnyAsync(r => r.Description == "Pouring through")));
    }

    [Fact]
    public async Task An_officer_taking_the_call_records_an_emergency_through_the_officer_journey()
    {
        var client = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        var basePath = $"/admin/tenancies/{DemoData.SecondTenancyReference}/report-repair";
        ReportJourney.Expect(await client.SubmitFormAsync(basePath, new Dictionary<string, string> { ["channel"] = "Phone" }), $"{basePath}/where");
        var item = (await CatalogueAsync()).First(i => i.Problem == "Water coming through the ceiling");

        var next = await ChooseAsync(client, basePath, item, start: false);

        ReportJourney.Expect(next, $"{basePath}/describe");
    }

    /// <summary>Starts a report (tenants) and answers where, what and what is wrong for one catalogue row.</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string basePath, RepairCatalogueItem item, bool start = true)
    {
        if (start)
        {
            ReportJourney.Expect(await client.SubmitFormAsync(basePath, new Dictionary<string, string>()), $"{basePath}/where");
        }

        ReportJourney.Expect(await client.SubmitFormAsync($"{basePath}/where", new Dictionary<string, string> { ["Choice"] = item.Area }), $"{basePath}/what");
        ReportJourney.Expect(await client.SubmitFormAsync($"{basePath}/what", new Dictionary<string, string> { ["Choice"] = item.Item }), $"{basePath}/problem");
        var response = await client.SubmitFormAsync($"{basePath}/problem", new Dictionary<string, string> { ["Choice"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
