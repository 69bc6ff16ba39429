using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Seeding;

public sealed class DemoRecordsTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    [Fact]
    public async Task Demo_0001_is_a_joint_tenancy_of_alex_and_sam_morgan_in_patch_one()
    {
        await using var db = seeded.Database.Open();

        var tenancy = await db.Tenancies.AsNoTracking().Include(t => t.Tenants).Include(t => t.Property).ThenInclude(p => p.Patch)
            .SingleAsync(t => t.Reference == DemoData.TenancyReference);
        var firstPatch = await db.Patches.OrderBy(p => p.Id).FirstAsync();

        Assert.Equal(TenancyStatus.Active, tenancy.Status);
        Assert.Equal(firstPatch.Id, tenancy.Property.PatchId);
        Assert.Equal(DemoData.AddressLine1, tenancy.Property.AddressLine1);
        Assert.Equal(2, tenancy.Tenants.Count);
        var lead = Assert.Single(tenancy.Tenants, t => t.Role == TenantRole.LeadTenant);
        Assert.Equal((DemoData.LeadTenantFirstName, DemoData.LeadTenantLastName), (lead.FirstName, lead.LastName));
        Assert.Equal(DemoData.LeadTenantFullName, lead.FullName);
        Assert.Equal(new DateOnly(1980, 2, 2), lead.DateOfBirth);
        Assert.Equal("demo.tenant@example.org", lead.Email);
        Assert.Equal("+447700900123", lead.MobilePhone);
        Assert.Equal(ContactMethod.Email, lead.PreferredContactMethod);
        var joint = Assert.Single(tenancy.Tenants, t => t.Role == TenantRole.JointTenant);
        Assert.Equal(DemoData.JointTenantFullName, joint.FullName);
        Assert.Equal(new DateOnly(1982, 9, 9), joint.DateOfBirth);
        Assert.Equal("sam.morgan@example.org", joint.Email);
        Assert.DoesNotContain(tenancy.Tenants, t => t.HasCautionaryAlert);
        Assert.False(await db.HouseholdMembers.AnyAsync(m => m.TenancyId == tenancy.Id && m.HasCautionaryAlert));
    }

    [Fact]
    public async Task Demo_0001_is_in_arrears_between_150_and_400_pounds()
    {
        await using var db = seeded.Database.Open();

        var tenancy = await db.Tenancies.AsNoTracking().SingleAsync(t => t.Reference == DemoData.TenancyReference);
        var amounts = await db.RentTransactions.Where(t => t.TenancyId == tenancy.Id).Select(t => t.Amount).ToListAsync();

        Assert.InRange(tenancy.Balance, 150m, 400m);
        Assert.InRange(tenancy.Balance, DemoData.MinimumArrears, DemoData.MaximumArrears);
        Assert.Equal(amounts.Sum(), tenancy.Balance);
    }

    [Fact]
    public async Task Demo_0001_has_a_booked_repair_with_an_appointment_a_reported_one_and_a_completed_one_without_feedback()
    {
        await using var db = seeded.Database.Open();

        var tenancy = await db.Tenancies.AsNoTracking().SingleAsync(t => t.Reference == DemoData.TenancyReference);
        var repairs = await db.Repairs.AsNoTracking().Include(r => r.Appointments).ThenInclude(a => a.Slot).Include(r => r.Feedback)
            .Where(r => r.TenancyId == tenancy.Id).ToListAsync();

        var booked = Assert.Single(repairs, r => r.Status == RepairStatus.Booked);
        var appointment = Assert.Single(booked.Appointments);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.True(appointment.Slot.Date > SeededDemoDatabase.Today);
        Assert.Single(repairs, r => r.Status == RepairStatus.Reported);
        Assert.Contains(repairs, r => r.Status == RepairStatus.Completed && r.Feedback is null);
    }

    [Fact]
    public async Task Demo_0002_is_grace_okafor_alone_and_in_credit()
    {
        await using var db = seeded.Database.Open();

        var tenancy = await db.Tenancies.AsNoTracking().Include(t => t.Tenants)
            .SingleAsync(t => t.Reference == DemoData.SecondTenancyReference);
        var amounts = await db.RentTransactions.Where(t => t.TenancyId == tenancy.Id).Select(t => t.Amount).ToListAsync();

        var tenant = Assert.Single(tenancy.Tenants);
        Assert.Equal(TenantRole.LeadTenant, tenant.Role);
        Assert.Equal(("Grace", "Okafor"), (tenant.FirstName, tenant.LastName));
        Assert.Equal(DemoData.SecondTenantFullName, tenant.FullName);
        Assert.Equal(new DateOnly(1985, 3, 14), tenant.DateOfBirth);
        Assert.Equal("grace.okafor@example.org", tenant.Email);
        Assert.True(tenancy.Balance < 0);
        Assert.Equal(amounts.Sum(), tenancy.Balance);
        Assert.Equal(TenancyStatus.Active, tenancy.Status);
    }
}
