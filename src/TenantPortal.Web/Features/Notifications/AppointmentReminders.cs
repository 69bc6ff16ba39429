using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>The appointment reminder, the afternoon before (from 2pm UK time, so the tenant still has until the 6pm
/// cut-off to change it): one per booked appointment and tenant, by text when they agreed to texts, else email. Every
/// instance may run the pass; the outbox's unique OnceKey ("reminder:{appointment}:{tenant}") lets only one queue it.</summary>
public sealed class AppointmentReminders(
    HousingDbContext housing,
    PortalDbContext portal,
    TenantNotifier notifier,
    TenantMessages messages,
    TimeProvider clock,
    ILogger<AppointmentReminders> logger)
{
    public static readonly TimeOnly From = new(14, 0);

    /// <summary>Queues the reminders due now; returns how many this instance queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ukNow = UkTime.ToUk(now);
        if (TimeOnly.FromDateTime(ukNow) < From)
        {
            return 0;
        }

        var tomorrow = DateOnly.FromDateTime(ukNow).AddDays(1);
        var due = await (
                from a in housing.Appointments.AsNoTracking()
                where a.Status == AppointmentStatus.Booked && a.Slot.Date == tomorrow
                join r in housing.Repairs on a.RepairId equals r.Id
                where r.TenancyId != null && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled
                select new { AppointmentId = a.Id, TenancyId = r.TenancyId!.Value, r.Reference, r.CatalogueItem.Item, r.CatalogueItem.Problem, a.Slot.Date, a.Slot.Period })
            .ToListAsync(ct);
        var done = await portal.EmailOutbox.AsNoTracking()
            .Where(m => m.OnceKey != null && m.OnceKey.StartsWith("reminder:") && m.CreatedAt > now.AddDays(-3))
            .Select(m => m.OnceKey!)
            .ToListAsync(ct);
        var queued = 0;
        foreach (var d in due.Where(d => !done.Any(k => k.StartsWith($"reminder:{d.AppointmentId}:", StringComparison.Ordinal))))
        {
            var message = messages.AppointmentReminder(d.Reference, RepairWords.What(d.Item, d.Problem), SlotText.Describe(d.Date, d.Period));
            var count = await notifier.RemindTenancyAsync(portal, d.TenancyId, message, $"reminder:{d.AppointmentId}", ct);
            try
            {
                await portal.SaveChangesAsync(ct);
                queued += count;
            }
            catch (DbUpdateException)
            {
                // Another instance queued this reminder first: theirs stands.
                portal.ChangeTracker.Clear();
                logger.LogInformation("Reminder for appointment {AppointmentId} was queued by another instance", d.AppointmentId);
            }
        }

        return queued;
    }
}

/// <summary>Runs <see cref="AppointmentReminders"/> every few minutes on every instance.</summary>
public sealed class AppointmentReminderWorker(IServiceScopeFactory scopes, ILogger<AppointmentReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppointmentReminders>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Appointment reminder pass failed; will retry");
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>A repair in plain words, as every message names it: "Kitchen tap: dripping".</summary>
public static class RepairWords
{
    public static string What(string item, string problem) => $"{item}: {problem.ToLowerInvariant()}";
}
