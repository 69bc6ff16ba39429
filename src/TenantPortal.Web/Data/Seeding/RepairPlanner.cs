using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Plans a tenancy's repair history: when each repair was reported, how far it has got by now (older ones
/// mostly finished, some late, recent ones booked into the coming weeks' slots or still open).</summary>
internal sealed class RepairPlanner(
    IReadOnlyList<RepairCatalogueItem> catalogue,
    AppointmentSlotPlanner slots,
    DateOnly windowStart,
    DateOnly today,
    DateTime now)
{
    private readonly RepairCatalogueItem[] landlordItems = catalogue.Where(c => !c.IsTenantResponsibility).ToArray();
    private readonly RepairCatalogueItem[] tenantItems = catalogue.Where(c => c.IsTenantResponsibility).ToArray();

    public void PlanRandom(Random rng, TenancyPlan plan, int patchId, double averageRepairs)
    {
        var tenancy = plan.Tenancy;
        if (tenancy.Status != TenancyStatus.Active)
            return;
        var from = (tenancy.StartDate > windowStart ? tenancy.StartDate : windowStart).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var latest = now.AddHours(-2);
        if (latest - from < TimeSpan.FromDays(2))
            return;
        var windowDays = (today.DayNumber - windowStart.DayNumber) + 1;
        var share = (latest - from).TotalDays / windowDays;
        var count = (int)((averageRepairs * share * 2 * rng.NextDouble()) + 0.5);
        for (var i = 0; i < count; i++)
        {
            var day = DateOnly.FromDateTime(from.AddDays(rng.NextDouble() * (latest - from).TotalDays));
            var reportedAt = day.ToDateTime(new TimeOnly(rng.Next(7, 22), rng.Next(60), rng.Next(60)), DateTimeKind.Utc);
            if (reportedAt > latest)
                reportedAt = latest.AddMinutes(-rng.Next(0, 600));
            if (reportedAt < from)
                reportedAt = from.AddHours(9);
            var item = tenantItems.Length > 0 && rng.Next(100) < 3 ? rng.Pick(tenantItems) : rng.Pick(landlordItems);
            Plan(rng, plan, patchId, item, reportedAt);
        }
    }

    private void Plan(Random rng, TenancyPlan plan, int patchId, RepairCatalogueItem item, DateTime reportedAt)
    {
        var emergency = item.Priority == RepairPriority.Emergency;
        var channel = emergency && rng.Next(100) < 90 ? RepairChannel.Phone
            : rng.Next(100) switch { < 45 => RepairChannel.Portal, < 90 => RepairChannel.Phone, _ => RepairChannel.Officer };
        var reporterIndex = rng.Next(plan.Tenancy.Tenants.Count);
        var reporter = plan.Tenancy.Tenants[reporterIndex];
        var reportedDate = DateOnly.FromDateTime(reportedAt);
        var withFeedback = rng.Next(100) < 35;
        AppointmentSlot? slot = null;
        RepairStatus status;
        DateTime endAt;

        if (item.IsTenantResponsibility || rng.Next(100) < 5)
        {
            status = RepairStatus.Cancelled;
            endAt = Min(reportedAt.AddHours(rng.Next(1, 72)), now);
        }
        else
        {
            var late = rng.Next(100) < 15;
            DateTime completeAt;
            if (emergency)
            {
                completeAt = reportedAt.AddHours(late ? rng.Next(26, 60) : rng.Next(2, 21));
            }
            else
            {
                var targetDays = item.Priority == RepairPriority.Urgent ? 5 : 20;
                var days = late ? targetDays + rng.Next(1, 41) : rng.Next(1, targetDays + 1);
                completeAt = WorkingDays.AddWorkingDays(reportedDate, days).ToDateTime(new TimeOnly(rng.Next(9, 17), rng.Next(60)), DateTimeKind.Utc);
            }

            if (completeAt <= now)
            {
                status = RepairStatus.Completed;
                endAt = completeAt;
            }
            else if (emergency)
            {
                status = RepairStatus.InProgress;
                endAt = reportedAt + ((now - reportedAt) * 0.5);
            }
            else
            {
                var roll = rng.Next(100);
                if (roll < 40 && reportedDate >= today.AddDays(-21))
                {
                    var earliest = today.AddDays(item.Priority == RepairPriority.Urgent ? 1 : rng.Next(1, 10));
                    slot = slots.Book(patchId, item.Trade, earliest);
                }

                (status, endAt) = slot is not null ? (RepairStatus.Booked, Min(reportedAt.AddMinutes(rng.Next(2, 90)), now))
                    : roll < 70 ? (RepairStatus.InProgress, reportedAt + ((now - reportedAt) * 0.6))
                    : roll < 88 ? (RepairStatus.OnHold, reportedAt + ((now - reportedAt) * 0.8))
                    : (RepairStatus.Reported, reportedAt);
            }
        }

        var repair = RepairFactory.Create(rng, item, reporter, channel, reportedAt, status, endAt, slot, now, withFeedback);
        plan.Repairs.Add(new RepairPlan(repair, item, reporterIndex, slot));
    }

    /// <summary>A repair with a chosen outcome, for the fixed demo records.</summary>
    public Repair PlanFixed(TenancyPlan plan, int patchId, string jobCode, RepairChannel channel, DateTime reportedAt,
        RepairStatus status, DateTime endAt, bool withFeedback, Random rng)
    {
        var item = catalogue.Single(c => c.JobCode == jobCode);
        AppointmentSlot? slot = null;
        if (status == RepairStatus.Booked)
        {
            slot = slots.Book(patchId, item.Trade, today.AddDays(2))
                ?? throw new InvalidOperationException($"No {item.Trade} slot free for the demo booking.");
        }

        var repair = RepairFactory.Create(rng, item, plan.Tenancy.Tenants[0], channel, reportedAt, status, endAt, slot, now, withFeedback);
        plan.Repairs.Add(new RepairPlan(repair, item, 0, slot));
        return repair;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
