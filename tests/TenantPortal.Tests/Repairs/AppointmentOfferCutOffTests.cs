using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>docs/repairs.md, "Choosing a time": a tenant can change or cancel an appointment online until 6pm (UK) the
/// day before, so online booking only offers slots that can still be changed; officers can book tomorrow at any hour.</summary>
public sealed class AppointmentOfferCutOffTests : IAsyncLifetime
{
    private static readonly DateOnly Tomorrow = TestClock.Today.AddDays(1);
    private readonly FakeTimeProvider clock = TestClock.Fake(new DateTimeOffset(TestClock.Today.ToDateTime(new TimeOnly(17, 59)), TimeSpan.Zero));
    private RepairsApp app = null!;

    public async Task InitializeAsync() => app = await RepairsApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_tenant_is_offered_tomorrows_slots_at_5_59pm_and_not_from_6pm()
    {
        var client = await app.SignedInAsync();
        await ReportJourney.ToAppointmentPageAsync(client);

        var before = await OfferedDatesAsync(await client.GetDocumentAsync("/repairs/report/appointment"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await OfferedDatesAsync(await client.GetDocumentAsync("/repairs/report/appointment"));

        Assert.Equal(Tomorrow, before.Min());
        Assert.NotEmpty(after);
        Assert.True(after.Min() > Tomorrow, $"At 6pm the first slot offered was {after.Min()}");
    }

    [Fact]
    public async Task An_officer_taking_a_call_after_6pm_can_still_book_tomorrow()
    {
        clock.Advance(TimeSpan.FromHours(2));
        using var scope = app.Factory.Services.CreateScope();
        var booking = scope.ServiceProvider.GetRequiredService<AppointmentBooking>();
        var patchId = await app.WithHousingAsync(db => db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference).Select(t => t.Property.PatchId).SingleAsync());

        var officer = await booking.AvailableSlotsAsync(Trade.Plumbing, patchId, Tomorrow.AddDays(20), RepairChannel.Phone, CancellationToken.None);
        var tenant = await booking.AvailableSlotsAsync(Trade.Plumbing, patchId, Tomorrow.AddDays(20), RepairChannel.Portal, CancellationToken.None);

        Assert.Equal(Tomorrow, officer.Min(s => s.Date));
        Assert.True(tenant.Min(s => s.Date) > Tomorrow);
    }

    private Task<List<DateOnly>> OfferedDatesAsync(IHtmlDocument page)
    {
        var ids = page.QuerySelectorAll(".radio input[name=Choice]:not([value=none])").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return app.WithHousingAsync(db => db.AppointmentSlots.Where(s => ids.Contains(s.Id)).Select(s => s.Date).ToListAsync());
    }
}
