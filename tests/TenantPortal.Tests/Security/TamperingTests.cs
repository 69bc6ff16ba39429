using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V4.2.1 / V11.1.x: hidden or posted values a tenant can change (appointment slot ids) are checked
/// against what the server offered. Amounts: PayTests.Invalid_or_tampered_amounts_are_rejected_server_side_and_nothing_is_started
/// and StripeCheckoutTests.A_tampered_amount_at_the_pay_step_does_not_change_what_is_charged; tenancy ids:
/// TenancyIsolationTests and ContactDetailsPageTests.Tampered_hidden_fields_cannot_change_another_tenants_record.</summary>
public sealed class TamperingTests(SecurityAppFixture fixture) : IClassFixture<SecurityAppFixture>
{
    private RepairsApp App => fixture.App;

    public static TheoryData<string> ForeignSlots => new() { "another-trade", "another-patch", "full", "past", "not-a-slot" };

    private async Task<int> SlotIdAsync(string kind)
    {
        var demo = await App.WithHousingAsync(db => db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference).Select(t => t.Property.PatchId).SingleAsync());
        var today = App.Factory.Today;
        return kind switch
        {
            "another-trade" => await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.PatchId == demo && s.Trade != Trade.Plumbing && s.Date > today.AddDays(2) && s.BookedCount < s.Capacity).Select(s => s.Id).FirstAsync()),
            "another-patch" => await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.PatchId != demo && s.Trade == Trade.Plumbing && s.Date > today.AddDays(2) && s.BookedCount < s.Capacity).Select(s => s.Id).FirstAsync()),
            "full" => await App.WithHousingAsync(async db =>
            {
                var slot = await db.AppointmentSlots.Where(s => s.PatchId == demo && s.Trade == Trade.Plumbing && s.Date > today.AddDays(3)).OrderByDescending(s => s.Date).FirstAsync();
                slot.BookedCount = slot.Capacity;
                await db.SaveChangesAsync();
                return slot.Id;
            }),
            "past" => await App.WithHousingAsync(async db =>
            {
                var slot = new AppointmentSlot { PatchId = demo, Trade = Trade.Plumbing, Date = today.AddDays(-7), Period = SlotPeriod.AM, Capacity = 5 };
                db.AppointmentSlots.Add(slot);
                await db.SaveChangesAsync();
                return slot.Id;
            }),
            _ => 999_999,
        };
    }

    [Theory]
    [MemberData(nameof(ForeignSlots))]
    public async Task A_slot_the_page_did_not_offer_is_refused_and_nothing_is_booked(string kind)
    {
        var client = await App.SignedInAsync();
        await ReportJourney.ToCheckPageAsync(client, $"Slot tampering {kind}");
        var slotId = await SlotIdAsync(kind);
        var before = await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id == slotId).Select(s => (int?)s.BookedCount).SingleOrDefaultAsync());
        var page = await client.GetDocumentAsync("/repairs/report/appointment?change=true");
        Assert.DoesNotContain(page.QuerySelectorAll("input[name=Choice]"), i => i.GetAttribute("value") == slotId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Choice"] = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sorry, that time is no longer available. Choose another time", (await response.GetDocumentAsync()).FieldError("Choice"));
        Assert.Equal(before, await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id == slotId).Select(s => (int?)s.BookedCount).SingleOrDefaultAsync()));
        Assert.Equal(0, await App.WithHousingAsync(db => db.Appointments.CountAsync(a => a.SlotId == slotId)));
    }
}
