using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Repairs;

public enum RepairActionOutcome
{
    Done,
    NotFound,

    /// <summary>Completed or cancelled repairs don't change.</summary>
    Closed,

    /// <summary>Someone else changed the repair since the officer opened it.</summary>
    Stale,
    NoChange,
}

/// <summary>An officer's changes to a repair. Each is one unit of work: the repair (with a new Version), a history row,
/// an audit entry with the values before and after, and, when the status changes, an email to the tenants.</summary>
public sealed class RepairOfficerActions(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    EmailOutbox outbox,
    TimeProvider clock)
{
    /// <summary>Statuses an officer can set with "change status"; completing and cancelling have their own actions.</summary>
    public static readonly RepairStatus[] SettableStatuses = [RepairStatus.Reported, RepairStatus.Booked, RepairStatus.InProgress, RepairStatus.OnHold];

    public Task<RepairActionOutcome> ChangeStatusAsync(string reference, Guid version, RepairStatus status, string? note, bool noteVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        if (!SettableStatuses.Contains(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), "Complete or cancel a repair with their own actions.");
        }

        return ApplyAsync(reference, version, officer, "repair.status-changed", repair =>
        {
            if (repair.Status == status)
            {
                return false;
            }

            repair.Status = status;
            return true;
        }, note, noteVisibleToTenant, ct);
    }

    public Task<RepairActionOutcome> ChangePriorityAsync(string reference, Guid version, RepairPriority priority, string reason, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        string? note = null;
        return ApplyAsync(reference, version, officer, "repair.priority-changed", repair =>
        {
            if (repair.Priority == priority)
            {
                return false;
            }

            var target = OfficerTargetDates.TargetFor(priority, UkTime.LocalDate(repair.ReportedAt));
            note = $"Priority changed from {repair.Priority} to {priority} (target date {AdminDisplay.Date(repair.TargetDate)} to {AdminDisplay.Date(target)}): {reason}";
            repair.Priority = priority;
            repair.TargetDate = target;
            return true;
        }, () => note, noteVisibleToTenant: false, ct);
    }

    public Task<RepairActionOutcome> CancelAsync(string reference, Guid version, string reason, bool reasonVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.cancelled", repair =>
        {
            repair.Status = RepairStatus.Cancelled;
            repair.CancelledAt = clock.GetUtcNow().UtcDateTime;
            return true;
        }, reason, reasonVisibleToTenant, ct);

    public Task<RepairActionOutcome> CompleteAsync(string reference, Guid version, string completionNotes, bool notesVisibleToTenant, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.completed", repair =>
        {
            repair.Status = RepairStatus.Completed;
            repair.CompletedAt = clock.GetUtcNow().UtcDateTime;
            repair.CompletionNotes = completionNotes;
            return true;
        }, completionNotes, notesVisibleToTenant, ct);

    private Task<RepairActionOutcome> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action, Func<Repair, bool> change, string? note, bool noteVisibleToTenant, CancellationToken ct) =>
        ApplyAsync(reference, version, officer, action, change, () => note, noteVisibleToTenant, ct);

    private async Task<RepairActionOutcome> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action, Func<Repair, bool> change, Func<string?> note, bool noteVisibleToTenant, CancellationToken ct)
    {
        try
        {
            return await unitOfWork.ExecuteAsync(async c =>
            {
                var repair = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference, c);
                if (repair is null)
                {
                    return RepairActionOutcome.NotFound;
                }

                if (!repair.IsOpen)
                {
                    return RepairActionOutcome.Closed;
                }

                if (repair.Version != version)
                {
                    return RepairActionOutcome.Stale;
                }

                var before = Snapshot(repair);
                var previousStatus = repair.Status;
                if (!change(repair))
                {
                    return RepairActionOutcome.NoChange;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                repair.Version = Guid.NewGuid();
                var text = string.IsNullOrWhiteSpace(note()) ? null : note()!.Trim();
                housing.RepairStatusHistory.Add(new RepairStatusChange
                {
                    RepairId = repair.Id,
                    Status = repair.Status,
                    At = now,
                    Note = text,
                    NoteVisibleToTenant = text is not null && noteVisibleToTenant,
                    ChangedBy = officer.DisplayName(),
                    Channel = RepairChannel.Officer,
                });
                audit.Record(portal, officer, action, "Repair", repair.Reference, before, Snapshot(repair));

                if (repair.Status != previousStatus)
                {
                    await EmailTenantsAsync(repair, noteVisibleToTenant ? text : null, c);
                }

                await housing.SaveChangesAsync(c);
                await portal.SaveChangesAsync(c);
                return RepairActionOutcome.Done;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            housing.ChangeTracker.Clear();
            portal.ChangeTracker.Clear();
            return RepairActionOutcome.Stale;
        }
    }

    private async Task EmailTenantsAsync(Repair repair, string? visibleNote, CancellationToken ct)
    {
        if (repair.TenancyId is not int tenancyId)
        {
            return;
        }

        var recipients = await housing.Tenants.AsNoTracking()
            .Where(t => t.TenancyId == tenancyId && t.Email != null && t.Email != "")
            .Select(t => new { Email = t.Email!, t.FirstName })
            .ToListAsync(ct);
        var what = repair.Status switch
        {
            RepairStatus.Completed => "has been completed",
            RepairStatus.Cancelled => "has been cancelled",
            RepairStatus.OnHold => "is on hold",
            RepairStatus.InProgress => "is in progress",
            RepairStatus.Booked => "is booked",
            _ => "has been updated",
        };
        foreach (var tenant in recipients)
        {
            var body = $"Dear {tenant.FirstName},\n\nYour repair {repair.Reference} {what}.\n"
                + (visibleNote is null ? "" : $"\nA note from us: {visibleNote}\n")
                + "\nSign in to your account and choose Repairs to see the details.\n";
            outbox.Enqueue(portal, new Infrastructure.Email.EmailMessage(tenant.Email, $"Your repair {repair.Reference} {what}", body));
        }
    }

    private static object Snapshot(Repair r) => new
    {
        Status = r.Status.ToString(),
        Priority = r.Priority.ToString(),
        TargetDate = r.TargetDate.ToString("yyyy-MM-dd", AdminDisplay.EnGb),
        r.CompletedAt,
        r.CompletionNotes,
        r.CancelledAt,
    };
}
