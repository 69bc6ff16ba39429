using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Rent;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Tests.Deployment;

/// <summary>Rows the HMS writes with its own INSERTs, which name none of the columns the portal adds
/// (<see cref="HousingMapping.PortalColumns"/>): the inserts succeed, and the portal reads and updates the rows (on
/// SQLite here, on PostgreSQL in <see cref="PostgresHmsWrittenRowTests"/>).</summary>
public class HmsWrittenRowTests : IDisposable
{
    private readonly PortalAppFactory factory;

    public HmsWrittenRowTests()
        : this(null)
    {
    }

    protected HmsWrittenRowTests(IDictionary<string, string?>? settings)
    {
        factory = new PortalAppFactory(services => services.AddSingleton(Mock.Of<IEmailSender>()), settings);
    }

    [Fact]
    public async Task A_repair_the_hms_inserted_without_any_portal_column_reads_as_raised_by_staff_and_is_updated_by_the_portal()
    {
        var reference = $"HMS{Random.Shared.Next(100_000_000, 999_999_999)}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var tenancy = await db.Tenancies.OrderBy(t => t.Id).Select(t => new { t.Id, t.PropertyId }).FirstAsync();
            var item = await db.RepairCatalogue.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Repairs" ("Reference", "PropertyId", "TenancyId", "CatalogueItemId", "Trade", "Priority", "Description", "Location", "Status", "ReportedAt", "TargetDate")
                VALUES ({0}, {1}, {2}, {3}, 'Plumbing', 'Routine', 'Tap drips (keyed in the HMS)', 'Kitchen', 'Reported', {4}, {5})
                """,
                reference, tenancy.PropertyId, tenancy.Id, item, factory.UtcNow, factory.Today.AddDays(20));
        }

        Guid versionBefore;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var repair = await db.Repairs.SingleAsync(r => r.Reference == reference);

            Assert.Equal(RepairChannel.Officer, repair.Channel);
            Assert.Equal(HazardType.None, repair.HazardType);
            Assert.False(repair.IsHazard);
            Assert.Null(repair.SubmissionKey);
            Assert.NotEqual(Guid.Empty, repair.Version);
            versionBefore = repair.Version;

            repair.Status = RepairStatus.InProgress;
            db.RepairStatusHistory.Add(new RepairStatusChange { RepairId = repair.Id, Status = RepairStatus.InProgress, At = factory.UtcNow, ChangedBy = "Test officer", Channel = RepairChannel.Portal });
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var repair = await db.Repairs.AsNoTracking().Include(r => r.History).SingleAsync(r => r.Reference == reference);

            Assert.Equal(RepairStatus.InProgress, repair.Status);
            Assert.NotEqual(versionBefore, repair.Version);
            Assert.Equal(RepairChannel.Portal, Assert.Single(repair.History).Channel);
        }
    }

    [Fact]
    public async Task Status_and_contact_history_the_hms_wrote_reads_as_staff_changes_with_notes_kept_from_the_tenant()
    {
        int repairId;
        int tenantId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            repairId = await db.Repairs.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            tenantId = await db.Tenants.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "RepairStatusHistory" ("RepairId", "Status", "At", "Note", "ChangedBy") VALUES ({0}, 'OnHold', {1}, 'Internal: waiting for parts', 'HMS')""",
                repairId, factory.UtcNow);
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "ContactChangeHistory" ("TenantId", "Field", "OldValue", "NewValue", "ChangedAt", "ChangedBy") VALUES ({0}, 'HomePhone', NULL, '01632 960000', {1}, 'HMS')""",
                tenantId, factory.UtcNow);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var change = await db.RepairStatusHistory.SingleAsync(h => h.RepairId == repairId && h.ChangedBy == "HMS");
            var contact = await db.ContactChanges.SingleAsync(c => c.TenantId == tenantId && c.ChangedBy == "HMS");

            Assert.Equal(RepairChannel.Officer, change.Channel);
            Assert.False(change.NoteVisibleToTenant);
            Assert.Equal(ChangeChannel.Officer, contact.Channel);
        }
    }

    [Fact]
    public async Task A_tenant_the_hms_inserted_without_a_version_gets_one_and_a_stale_save_of_it_fails()
    {
        var email = $"hms-{Guid.NewGuid():N}@example.org";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var tenancyId = await db.Tenancies.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Tenants" ("TenancyId", "Role", "FirstName", "LastName", "DateOfBirth", "Email", "PreferredContactMethod", "AgreesToTexts", "AgreesToEmails", "NeedsLargePrint", "HasCautionaryAlert")
                VALUES ({0}, 'JointTenant', 'Hema', 'Mistry', {1}, {2}, 'Email', FALSE, TRUE, FALSE, FALSE)
                """,
                tenancyId, new DateOnly(1980, 5, 1), email);
        }

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var mine = await first.ServiceProvider.GetRequiredService<HousingDbContext>().Tenants.SingleAsync(t => t.Email == email);
        var theirs = await second.ServiceProvider.GetRequiredService<HousingDbContext>().Tenants.SingleAsync(t => t.Email == email);
        Assert.NotEqual(Guid.Empty, mine.Version);

        mine.MobilePhone = "07700 900123";
        await first.ServiceProvider.GetRequiredService<HousingDbContext>().SaveChangesAsync();
        theirs.MobilePhone = "07700 900999";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<HousingDbContext>().SaveChangesAsync());
    }

    [Fact]
    public async Task A_tenancy_whose_balance_only_the_hms_moved_has_no_updated_time_and_its_rent_account_and_officer_pages_still_show()
    {
        var reference = $"HMS{Random.Shared.Next(10_000_000, 99_999_999)}";
        int tenancyId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            // In the demo officer's patch, so the officer pages below may show it.
            var propertyId = await db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference).Select(t => t.PropertyId).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Tenancies" ("Reference", "PropertyId", "StartDate", "Status", "ChargeWeeksPerYear", "BenefitType", "WeeklyBenefitAmount", "Balance")
                VALUES ({0}, {1}, {2}, 'Active', 52, 'None', 0, 125.50)
                """,
                reference, propertyId, new DateOnly(2020, 4, 6));
            tenancyId = await db.Tenancies.Where(t => t.Reference == reference).Select(t => t.Id).SingleAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<RentAccountQueries>().AccountAsync(tenancyId, canPayOnline: false, CancellationToken.None);

            Assert.NotNull(account);
            Assert.Equal(125.50m, account.Balance);
            Assert.Null(account.BalanceUpdatedAtUk);
        }

        var officer = factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var tenancyPage = await officer.GetDocumentAsync($"/admin/tenancies/{reference}");
        var statement = await officer.GetDocumentAsync($"/admin/tenancies/{reference}/statement");

        Assert.Contains(reference, tenancyPage.NormalisedText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Balance updated", tenancyPage.NormalisedText(), StringComparison.Ordinal);
        Assert.DoesNotContain("(updated", statement.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_the_hms_inserted_without_a_booked_count_starts_empty_and_takes_bookings_up_to_its_capacity()
    {
        int slotId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var patchId = await db.Patches.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var date = new DateOnly(2031, 1, 1).AddDays(Random.Shared.Next(0, 3000));
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "AppointmentSlots" ("Trade", "PatchId", "Date", "Period", "Capacity") VALUES ('Roofing', {0}, {1}, 'PM', 1)""",
                patchId, date);
            slotId = await db.AppointmentSlots.Where(s => s.PatchId == patchId && s.Date == date && s.Trade == Trade.Roofing).Select(s => s.Id).SingleAsync();
            Assert.Equal(0, await db.AppointmentSlots.Where(s => s.Id == slotId).Select(s => s.BookedCount).SingleAsync());
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var booking = scope.ServiceProvider.GetRequiredService<AppointmentBooking>();

            Assert.True(await booking.TryReserveAsync(slotId, CancellationToken.None));
            Assert.False(await booking.TryReserveAsync(slotId, CancellationToken.None));
        }
    }

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresHmsWrittenRowTests() : HmsWrittenRowTests(PostgresServer.Settings);

/// <summary><c>Housing:Mapping:Concurrency</c> = RowVersion on a real PostgreSQL server: the token is the row's
/// <c>xmin</c>, which every update moves, the HMS's own included, so the portal never overwrites a change it has not seen.</summary>
public sealed class PostgresRowVersionMappingTests : IDisposable
{
    private readonly PortalAppFactory factory = new(
        services => services.AddSingleton(Mock.Of<IEmailSender>()),
        new Dictionary<string, string?>(PostgresServer.Settings)
        {
            ["Housing:Mapping:Concurrency"] = "RowVersion",

            // An HMS is never migrated by the portal (and the migrations describe the portal's own Version columns).
            ["Database:MigrateHousingDatabase"] = "false",
        });

    [Fact]
    public async Task An_update_the_hms_makes_moves_xmin_so_the_portals_stale_save_fails_instead_of_overwriting_it()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var tenant = await db.Tenants.OrderBy(t => t.Id).FirstAsync();
        Assert.NotEqual(Guid.Empty, tenant.Version);

        await using (var hms = factory.Services.CreateAsyncScope())
        {
            await hms.ServiceProvider.GetRequiredService<HousingDbContext>().Database
                .ExecuteSqlRawAsync("""UPDATE "Tenants" SET "HomePhone" = '01632 960111' WHERE "Id" = {0}""", tenant.Id);
        }

        tenant.MobilePhone = "07700 900456";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_portals_own_saves_and_touches_move_xmin_and_a_page_holding_the_old_value_is_refused()
    {
        Guid before;
        int repairId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var repair = await db.Repairs.OrderBy(r => r.Id).FirstAsync();
            (before, repairId) = (repair.Version, repair.Id);
            db.Touch(repair);
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var repair = await db.Repairs.SingleAsync(r => r.Id == repairId);
            Assert.NotEqual(before, repair.Version);

            // What the officer pages do with the Version their form carried: the old one no longer matches.
            db.Entry(repair).Property(r => r.Version).OriginalValue = before;
            repair.Location = "Bathroom";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
    }

    public void Dispose() => factory.Dispose();
}
