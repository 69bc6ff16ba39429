using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Repairs;

/// <summary>Slot capacity and double submits through the real services on a real SQLite file, each caller in its own
/// DI scope (own connection), all at once.</summary>
public sealed class BookingConcurrencyTests(RepairsAppFixture fixture) : BookingConcurrency(fixture), IClassFixture<RepairsAppFixture>;

/// <summary>The same contention on a real PostgreSQL server, where the callers' transactions interleave.</summary>
public sealed class PostgresBookingConcurrencyTests(PostgresRepairsAppFixture fixture) : BookingConcurrency(fixture), IClassFixture<PostgresRepairsAppFixture>;

public abstract class BookingConcurrency(RepairsAppFixture fixture)
{
    private RepairsApp App => fixture.App;

    [Fact]
    public async Task TwentyParallelReports_ForTheLastPlaceInASlot_ExactlyOneGetsIt()
    {
        var (tenancyId, tenantId, itemId, slotId) = await OnePlaceSlotAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, slotId, $"Race {i}"))));

        Assert.Single(results, r => r.Status == SubmitStatus.Created);
        Assert.Equal(19, results.Count(r => r.Status == SubmitStatus.SlotTaken));
        var slot = await App.WithHousingAsync(db => db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));
        Assert.Equal(1, slot.BookedCount);
        Assert.Equal(1, await App.WithHousingAsync(db => db.Appointments.CountAsync(a => a.SlotId == slotId && a.Status == AppointmentStatus.Booked)));
        Assert.Equal(1, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description.StartsWith("Race "))));
    }

    [Fact]
    public async Task FiftyParallelReports_OverTwoSmallSlots_FillThemExactlyAndTurnTheRestAway()
    {
        var (tenancyId, tenantId, itemId, first) = await OnePlaceSlotAsync();
        var second = await App.WithHousingAsync(db => db.AppointmentSlots
            .Where(s => s.Id != first && s.Trade == Trade.Plumbing && s.PatchId == db.AppointmentSlots.Single(x => x.Id == first).PatchId && s.BookedCount == 0)
            .Where(s => s.Date >= db.AppointmentSlots.Single(x => x.Id == first).Date)
            .OrderBy(s => s.Date).ThenBy(s => s.Period).Select(s => s.Id).FirstAsync());
        await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id == first || s.Id == second).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 2)));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, i % 2 == 0 ? first : second, $"Load {i}"))));

        Assert.Equal(4, results.Count(r => r.Status == SubmitStatus.Created));
        Assert.Equal(46, results.Count(r => r.Status == SubmitStatus.SlotTaken));
        var slots = await App.WithHousingAsync(db => db.AppointmentSlots.AsNoTracking().Where(s => s.Id == first || s.Id == second)
            .Select(s => new { s.BookedCount, Booked = db.Appointments.Count(a => a.SlotId == s.Id && a.Status == AppointmentStatus.Booked) }).ToListAsync());
        Assert.All(slots, s => Assert.Equal((2, 2), (s.BookedCount, s.Booked)));
        Assert.Equal(4, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.Description.StartsWith("Load "))));
    }

    [Fact]
    public async Task TwentyParallelReservations_OfAOnePlaceSlot_ExactlyOneSucceeds()
    {
        var (_, _, _, slotId) = await OnePlaceSlotAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<PortalUnitOfWork>();
            var booking = scope.ServiceProvider.GetRequiredService<AppointmentBooking>();
            return await unitOfWork.ExecuteAsync(ct => booking.TryReserveAsync(slotId, ct));
        }));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id == slotId).Select(s => s.BookedCount).SingleAsync()));
    }

    [Fact]
    public async Task SameDraftSubmittedInParallel_RaisesOneJob()
    {
        var (tenancyId, tenantId, itemId, _) = await OnePlaceSlotAsync();
        var draft = Draft(tenancyId, tenantId, itemId, null, "Parallel double submit");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SubmitInOwnScopeAsync(draft)));

        Assert.Single(results, r => r.Status == SubmitStatus.Created);
        Assert.All(results, r => Assert.Equal(results[0].Reference, r.Reference));
        Assert.Equal(1, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.SubmissionKey == draft.Id)));
    }

    [Fact]
    public async Task References_AreSequentialWithinTheYear()
    {
        var (tenancyId, tenantId, itemId, _) = await OnePlaceSlotAsync();

        var first = await SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, null, "Sequence 1"));
        var second = await SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, null, "Sequence 2"));

        var a = int.Parse(first.Reference![6..], System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(second.Reference![6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(a + 1, b);
        Assert.StartsWith($"R{App.Factory.Today.Year}-", first.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingAnAppointment_ReleasesTheOldPlace()
    {
        var (tenancyId, tenantId, itemId, slotId) = await OnePlaceSlotAsync();
        var created = await SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, slotId, "Move me"));
        var (patchId, target) = await App.WithHousingAsync(async db => (await db.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Property.PatchId).SingleAsync(), await db.Repairs.Where(r => r.Reference == created.Reference).Select(r => r.TargetDate).SingleAsync()));
        var otherSlot = await App.WithHousingAsync(db => db.AppointmentSlots.Where(s => s.Id != slotId && s.Trade == Trade.Plumbing && s.PatchId == patchId && s.BookedCount < s.Capacity && s.Date <= target).OrderBy(s => s.Date).Select(s => new { s.Id, s.BookedCount }).FirstAsync());

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var booking = scope.ServiceProvider.GetRequiredService<AppointmentBooking>();
            var outcome = await scope.ServiceProvider.GetRequiredService<PortalUnitOfWork>().ExecuteAsync(async ct =>
            {
                var repair = await db.Repairs.Include(r => r.Appointments).ThenInclude(a => a.Slot).SingleAsync(r => r.Reference == created.Reference, ct);
                var result = await booking.MoveAsync(repair, patchId, otherSlot.Id, target, "Officer", RepairChannel.Officer, enforceCutOff: false, ct);
                await db.SaveChangesAsync(ct);
                return result;
            });
            Assert.Equal(BookingOutcome.Booked, outcome);
        }

        var counts = await App.WithHousingAsync(db => db.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId || s.Id == otherSlot.Id).ToDictionaryAsync(s => s.Id, s => s.BookedCount));
        Assert.Equal(0, counts[slotId]);
        Assert.Equal(otherSlot.BookedCount + 1, counts[otherSlot.Id]);
        var appointments = await App.WithHousingAsync(db => db.Appointments.AsNoTracking().Where(a => a.Slot.Id == slotId || a.SlotId == otherSlot.Id).Join(db.Repairs.Where(r => r.Reference == created.Reference), a => a.RepairId, r => r.Id, (a, _) => a).ToListAsync());
        Assert.Equal(AppointmentStatus.Moved, appointments.Single(a => a.SlotId == slotId).Status);
        Assert.Equal(AppointmentStatus.Booked, appointments.Single(a => a.SlotId == otherSlot.Id).Status);
    }

    [Fact]
    public async Task The_first_reports_of_a_new_year_made_at_once_each_get_the_next_reference_of_that_year()
    {
        var (tenancyId, tenantId, itemId, _) = await OnePlaceSlotAsync();
        var newYear = new DateTimeOffset(2031, 1, 7, 10, 0, 0, TimeSpan.Zero);
        using var app = await fixture.StartAnotherAsync(s => s.AddSingleton<TimeProvider>(Infrastructure.TestClock.Fake(newYear)));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => SubmitInOwnScopeAsync(Draft(tenancyId, tenantId, itemId, null, $"New year {i}"), app)));

        Assert.All(results, r => Assert.Equal(SubmitStatus.Created, r.Status));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => RepairReferenceGenerator.Format(2031, n)), results.Select(r => r.Reference).Order());
    }

    private async Task<SubmitResult> SubmitInOwnScopeAsync(RepairDraft draft, RepairsApp? app = null)
    {
        await using var scope = (app ?? App).Factory.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<RepairReporting>();
        return await reporting.SubmitAsync(draft, Web.Data.Housing.RepairChannel.Portal, new RepairActor("Alex Morgan", draft.ReportedByTenantId));
    }

    private static RepairDraft Draft(int tenancyId, int tenantId, int itemId, int? slotId, string description) => new()
    {
        TenancyId = tenancyId,
        ReportedByTenantId = tenantId,
        OwnerUserId = "test",
        EmergencyChecked = true,
        Area = "Kitchen",
        Item = "Tap",
        CatalogueItemId = itemId,
        Description = description,
        PhotosDone = true,
        WhoWillBeHome = "Me",
        ContactPhone = "07700 900123",
        AccessDone = true,
        SlotId = slotId,
        AppointmentDone = true,
    };

    /// <summary>DEMO-0001, the kitchen tap item, and the earliest plumbing slot in its patch cut down to one free place.</summary>
    private Task<(int TenancyId, int TenantId, int ItemId, int SlotId)> OnePlaceSlotAsync() => App.WithHousingAsync(async db =>
    {
        var tenancy = await db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference)
            .Select(t => new { t.Id, t.Property.PatchId, TenantId = t.Tenants.Where(x => x.Email == DemoData.LeadTenantEmail).Select(x => x.Id).First() }).SingleAsync();
        var itemId = await db.RepairCatalogue.Where(i => i.JobCode == RepairCatalogueSeed.KitchenTapDrippingJobCode).Select(i => i.Id).SingleAsync();
        var tomorrow = App.Factory.Today.AddDays(1);
        var slot = await db.AppointmentSlots.Where(s => s.Trade == Trade.Plumbing && s.PatchId == tenancy.PatchId && s.Date >= tomorrow && s.BookedCount == 0)
            .OrderBy(s => s.Date).ThenBy(s => s.Period).Select(s => s.Id).FirstAsync();
        await db.AppointmentSlots.Where(s => s.Id == slot).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 1));
        return (tenancy.Id, tenancy.TenantId, itemId, slot);
    });
}
