using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Seeding;

public sealed partial class HousingDemoSeederTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private static readonly DateOnly Today = SeededDemoDatabase.Today;

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex("^R20[0-9]{2}-[0-9]{5}$")]
    private static partial Regex RepairReferencePattern();

    [GeneratedRegex(@"^\+447700900[0-9]{3}$")]
    private static partial Regex DramaMobilePattern();

    [Fact]
    public async Task Every_tenancy_balance_equals_the_sum_of_its_transactions()
    {
        await using var db = seeded.Database.Open();

        await SeedInvariants.AssertBalancesEqualTransactionSumsAsync(db);
    }

    [Fact]
    public async Task Every_repair_history_starts_reported_is_chronological_and_ends_at_the_current_status()
    {
        await using var db = seeded.Database.Open();

        await SeedInvariants.AssertRepairHistoriesAreValidAsync(db);
    }

    [Fact]
    public async Task Every_demo_repairs_target_and_hazard_dates_are_the_ones_the_repairs_core_works_out()
    {
        await using var db = seeded.Database.Open();
        var targets = new TenantPortal.Web.Features.Repairs.RepairTargets(new TenantPortal.Web.Features.Repairs.WorkingDayCalendar([]));

        var repairs = await db.Repairs.AsNoTracking()
            .Select(r => new { r.Reference, r.Priority, r.HazardType, r.ReportedAt, r.TargetDate, r.InvestigateBy })
            .ToListAsync();

        Assert.Contains(repairs, r => r.HazardType != HazardType.None);
        Assert.All(repairs, r =>
        {
            Assert.True(targets.TargetDate(r.Priority, r.HazardType, r.ReportedAt) == r.TargetDate, $"{r.Reference}: target {r.TargetDate}");
            Assert.Equal(targets.ForHazard(r.HazardType, r.ReportedAt)?.InvestigateBy, r.InvestigateBy);
        });
    }

    [Fact]
    public async Task No_slot_is_over_capacity_and_booked_counts_match_booked_appointments()
    {
        await using var db = seeded.Database.Open();

        await SeedInvariants.AssertSlotsMatchBookingsAsync(db);
        Assert.True(await db.Appointments.AnyAsync());
    }

    [Fact]
    public async Task Slots_cover_every_trade_in_every_patch_am_and_pm_on_working_days_in_the_next_four_weeks()
    {
        await using var db = seeded.Database.Open();

        var slots = await db.AppointmentSlots.AsNoTracking().ToListAsync();
        var patchIds = await db.Patches.Select(p => p.Id).ToListAsync();

        Assert.All(slots, s => Assert.True(s.Date > Today && s.Date <= Today.AddDays(28) && Web.Features.Repairs.WorkingDays.IsWorkingDay(s.Date)));
        Assert.All(slots, s => Assert.InRange(s.Capacity, 1, 6));
        Assert.Contains(slots, s => s.Capacity == 1);
        var workingDays = slots.Select(s => s.Date).Distinct().Count();
        Assert.InRange(workingDays, 17, 20);
        foreach (var patchId in patchIds)
        {
            foreach (var trade in Enum.GetValues<Trade>())
            {
                Assert.Equal(workingDays * 2, slots.Count(s => s.PatchId == patchId && s.Trade == trade));
            }
        }
    }

    [Fact]
    public async Task Repair_reference_counters_hold_the_highest_sequence_used_each_year()
    {
        await using var db = seeded.Database.Open();

        await SeedInvariants.AssertReferenceCountersMatchRepairsAsync(db);
        var references = await db.Repairs.Select(r => r.Reference).ToListAsync();
        Assert.All(references, r => Assert.Matches(RepairReferencePattern(), r));
    }

    [Fact]
    public async Task Creates_at_least_200_homes_in_three_patches_with_uprns_and_postcodes()
    {
        await using var db = seeded.Database.Open();

        var patches = await db.Patches.ToListAsync();
        var properties = await db.Properties.AsNoTracking().ToListAsync();

        Assert.Equal(3, patches.Count);
        Assert.True(properties.Count >= 200);
        Assert.Equal(3, properties.Select(p => p.PatchId).Distinct().Count());
        Assert.All(properties, p => Assert.InRange(p.Uprn!.Value, 100_000_000_000, 999_999_999_999));
        Assert.Equal(properties.Count, properties.Select(p => p.Uprn).Distinct().Count());
        Assert.Equal(properties.Count, properties.Select(p => p.SingleLineAddress).Distinct().Count());
        Assert.All(properties, p => Assert.Matches(PostcodePattern(), p.Postcode));
        Assert.Contains(properties, p => p.PropertyType == "Flat");
        Assert.Contains(properties, p => p.PropertyType == "House");
        Assert.All(properties, p => Assert.InRange(p.Bedrooms, 1, 4));
    }

    [Fact]
    public async Task Every_home_has_exactly_one_active_tenancy_and_about_a_third_are_joint()
    {
        await using var db = seeded.Database.Open();

        var tenancies = await db.Tenancies.AsNoTracking().Include(t => t.Tenants).Include(t => t.HouseholdMembers).ToListAsync();
        var propertyCount = await db.Properties.CountAsync();

        var active = tenancies.Where(t => t.Status == TenancyStatus.Active).ToList();
        Assert.Equal(propertyCount, active.Select(t => t.PropertyId).Distinct().Count());
        Assert.Equal(propertyCount, active.Count);
        Assert.Contains(tenancies, t => t.Status == TenancyStatus.Ended && t.EndDate < Today);
        var jointShare = active.Count(t => t.Tenants.Count == 2) / (double)active.Count;
        Assert.InRange(jointShare, 0.2, 0.4);
        Assert.All(tenancies, t => Assert.Single(t.Tenants, x => x.Role == TenantRole.LeadTenant));
        Assert.Contains(tenancies, t => t.HouseholdMembers.Any(m => m.Relationship is "Son" or "Daughter"));
        Assert.Contains(tenancies, t => t.Tenants.Any(x => x.HasCautionaryAlert));
        Assert.All(tenancies.Where(t => t.Reference.StartsWith("TEN-", StringComparison.Ordinal)), t => Assert.Matches("^TEN-[0-9]{6}$", t.Reference));
    }

    [Fact]
    public async Task Tenant_contact_details_use_the_drama_range_and_example_domains()
    {
        await using var db = seeded.Database.Open();

        var tenants = await db.Tenants.AsNoTracking().ToListAsync();

        Assert.All(tenants.Where(t => t.MobilePhone is not null), t => Assert.Matches(DramaMobilePattern(), t.MobilePhone!));
        Assert.All(tenants.Where(t => t.Email is not null), t => Assert.True(t.Email!.EndsWith("@example.org", StringComparison.Ordinal) || t.Email.EndsWith("@example.com", StringComparison.Ordinal)));
        Assert.Single(tenants, t => t.MobilePhone == DemoData.LeadTenantMobile);
        Assert.All(tenants.Where(t => t.AgreesToEmails), t => Assert.NotNull(t.Email));
        Assert.All(tenants.Where(t => t.AgreesToTexts), t => Assert.NotNull(t.MobilePhone));
        Assert.Contains(tenants, t => t.InterpreterLanguage is not null || t.NeedsLargePrint || t.HearingOrSightNeeds is not null);
        Assert.Equal(tenants.Count, tenants.Select(t => t.Version).Distinct().Count());
    }

    [Fact]
    public async Task Charges_are_posted_only_on_mondays_and_not_in_rent_free_weeks()
    {
        await using var db = seeded.Database.Open();

        var charges = await db.RentTransactions.AsNoTracking().Where(t => t.Type == RentTransactionType.Charge)
            .Select(t => new { t.TenancyId, t.Date, t.Source }).ToListAsync();
        var weeks = await db.Tenancies.ToDictionaryAsync(t => t.Id, t => t.ChargeWeeksPerYear);

        Assert.NotEmpty(charges);
        Assert.All(charges, c => Assert.Equal(DayOfWeek.Monday, c.Date.DayOfWeek));
        Assert.All(charges, c => Assert.Equal("HMS", c.Source));
        Assert.All(charges, c => Assert.InRange(c.Date, Today.AddDays(-7 * 104), Today));
        Assert.DoesNotContain(charges, c => weeks[c.TenancyId] < 52 && c.Date is { Month: 3, Day: >= 18 });
        Assert.DoesNotContain(charges, c => weeks[c.TenancyId] == 48 && c.Date is { Month: 12, Day: >= 19 });
        Assert.Contains(weeks.Values, w => w == 50);
        Assert.Contains(weeks.Values, w => w == 48);
    }

    [Fact]
    public async Task Charges_cover_rent_service_and_water_and_about_forty_percent_receive_benefit()
    {
        await using var db = seeded.Database.Open();

        var tenancies = await db.Tenancies.AsNoTracking().Include(t => t.Charges).Where(t => t.Status == TenancyStatus.Active).ToListAsync();
        var benefitTenancies = (await db.RentTransactions.AsNoTracking()
            .Where(t => t.Type == RentTransactionType.HousingBenefit || t.Type == RentTransactionType.UniversalCredit)
            .Select(t => new { t.TenancyId, t.Type }).ToListAsync()).Distinct().ToList();
        var types = await db.RentTransactions.Select(t => t.Type).Distinct().ToListAsync();
        var sources = await db.RentTransactions.Where(t => t.Type == RentTransactionType.Payment).Select(t => t.Source).Distinct().ToListAsync();

        Assert.All(tenancies, t => Assert.Contains(t.Charges, c => c.ChargeCode == "RNT"));
        Assert.Contains(tenancies, t => t.Charges.Any(c => c.ChargeCode == "SVC"));
        Assert.Contains(tenancies, t => t.Charges.Any(c => c.ChargeCode == "WAT"));
        Assert.InRange(tenancies.Count(t => t.BenefitType != BenefitType.None) / (double)tenancies.Count, 0.3, 0.5);
        Assert.All(tenancies, t => Assert.Equal(t.BenefitType != BenefitType.None, t.WeeklyBenefitAmount > 0));
        var benefitTypes = await db.Tenancies.ToDictionaryAsync(t => t.Id, t => t.BenefitType);
        Assert.All(benefitTenancies, b => Assert.Equal(
            b.Type == RentTransactionType.HousingBenefit ? BenefitType.HousingBenefit : BenefitType.UniversalCredit, benefitTypes[b.TenancyId]));
        Assert.Superset(Enum.GetValues<RentTransactionType>().ToHashSet(), types.ToHashSet());
        Assert.Equal(Enum.GetValues<RentTransactionType>().Length, types.Count);
        Assert.Superset(new HashSet<string> { "Bank", "Card", "DirectDebit", "AllPay" }, sources.ToHashSet());
        Assert.Equal(4, sources.Count);
    }

    [Fact]
    public async Task Some_accounts_end_in_arrears_some_in_credit_and_some_clear()
    {
        await using var db = seeded.Database.Open();

        var balances = (await db.Tenancies.AsNoTracking().Where(t => t.Status == TenancyStatus.Active).Select(t => t.Balance).ToListAsync());

        Assert.True(balances.Count(b => b > 0) >= 20);
        Assert.True(balances.Count(b => b < 0) >= 20);
        Assert.True(balances.Count(b => b == 0) >= 20);
    }

    [Fact]
    public async Task Catalogue_has_at_least_40_types_covering_every_trade_tenant_responsibility_and_damp()
    {
        await using var db = seeded.Database.Open();

        var catalogue = await db.RepairCatalogue.AsNoTracking().ToListAsync();

        Assert.True(catalogue.Count >= 40);
        Assert.Equal(Enum.GetValues<Trade>().ToHashSet(), catalogue.Select(c => c.Trade).ToHashSet());
        Assert.Equal(catalogue.Count, catalogue.Select(c => c.JobCode).Distinct().Count());
        Assert.Equal(catalogue.Count, catalogue.Select(c => c.SortOrder).Distinct().Count());
        foreach (var area in new[] { "Kitchen", "Bathroom", "Bedroom", "Living room", "Hallway and stairs", "Outside", "Communal area", "Anywhere in the home" })
            Assert.Contains(catalogue, c => c.Area == area);
        var tenantItems = catalogue.Where(c => c.IsTenantResponsibility).ToList();
        Assert.True(tenantItems.Count >= 3);
        Assert.All(tenantItems, c => Assert.False(string.IsNullOrWhiteSpace(c.TenantAdvice)));
        var damp = catalogue.Where(c => c.Hazard == HazardType.DampAndMould).ToList();
        Assert.NotEmpty(damp);
        Assert.All(damp, c => Assert.Equal(RepairPriority.Urgent, c.Priority));
        Assert.All(damp, c => Assert.Equal("Anywhere in the home", c.Area));
        Assert.Contains(catalogue, c => c is { Area: "Kitchen", Item: "Tap", Problem: "Dripping or leaking", Trade: Trade.Plumbing, Priority: RepairPriority.Routine, IsTenantResponsibility: false });
        Assert.Equal(Enum.GetValues<RepairPriority>().ToHashSet(), catalogue.Select(c => c.Priority).ToHashSet());
    }

    [Fact]
    public async Task Repair_history_has_every_status_channel_late_completions_feedback_and_damp_hazards()
    {
        await using var db = seeded.Database.Open();

        var repairs = await db.Repairs.AsNoTracking().Include(r => r.Feedback).ToListAsync();

        Assert.InRange(repairs.Count, 200, 1000);
        Assert.Equal(Enum.GetValues<RepairStatus>().ToHashSet(), repairs.Select(r => r.Status).ToHashSet());
        Assert.Equal(Enum.GetValues<RepairChannel>().ToHashSet(), repairs.Select(r => r.Channel).ToHashSet());
        var completed = repairs.Where(r => r.Status == RepairStatus.Completed).ToList();
        Assert.Contains(completed, r => DateOnly.FromDateTime(r.CompletedAt!.Value) > r.TargetDate);
        Assert.Contains(completed, r => DateOnly.FromDateTime(r.CompletedAt!.Value) <= r.TargetDate);
        Assert.Contains(completed, r => r.Feedback is not null);
        Assert.All(repairs.Where(r => r.Feedback is not null), r => Assert.Equal(RepairStatus.Completed, r.Status));
        Assert.All(repairs.Where(r => r.Feedback is not null), r => Assert.InRange(r.Feedback!.RepairRating, 1, 5));
        var damp = repairs.Where(r => r.HazardType == HazardType.DampAndMould).ToList();
        Assert.NotEmpty(damp);
        Assert.All(damp, r => Assert.True(r.IsHazard && r.InvestigateBy > r.ReportedAt));
        Assert.Contains(damp, r => r.InvestigatedAt is not null && r.WrittenSummaryBy is not null && r.SafetyWorkBy is not null && r.FurtherWorkStartBy is not null);
        Assert.All(repairs, r => Assert.True(r.ReportedAt <= Today.ToDateTime(HousingDemoSeeder.SeedTimeOfDay)));
        Assert.All(repairs.Where(r => r.Priority == RepairPriority.Emergency), r => Assert.Equal(DateOnly.FromDateTime(r.ReportedAt).AddDays(1), r.TargetDate));
        Assert.All(repairs.Where(r => r.Priority == RepairPriority.Routine), r =>
            Assert.Equal(Web.Features.Repairs.WorkingDays.AddWorkingDays(DateOnly.FromDateTime(r.ReportedAt), 20), r.TargetDate));
    }

    [Fact]
    public async Task Booked_repairs_have_a_booked_appointment_in_a_slot_for_their_trade_and_patch()
    {
        await using var db = seeded.Database.Open();

        var booked = await db.Repairs.AsNoTracking().Include(r => r.Property).Include(r => r.Appointments).ThenInclude(a => a.Slot)
            .Where(r => r.Status == RepairStatus.Booked).ToListAsync();

        Assert.NotEmpty(booked);
        foreach (var repair in booked)
        {
            var appointment = Assert.Single(repair.Appointments);
            Assert.Equal(AppointmentStatus.Booked, appointment.Status);
            Assert.Equal(repair.Trade, appointment.Slot.Trade);
            Assert.Equal(repair.Property.PatchId, appointment.Slot.PatchId);
        }
    }

    [Fact]
    public async Task Seeding_again_does_nothing_when_tenancies_exist()
    {
        await using var db = seeded.Database.Open();
        var before = await db.RentTransactions.CountAsync();

        await HousingDemoSeeder.SeedAsync(db, Today.AddDays(7));

        Assert.Equal(before, await db.RentTransactions.CountAsync());
    }
}
