using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>Who is making a change: a tenant in the portal, or an officer on their behalf (audited).</summary>
public sealed record ChangeActor(string Name, ChangeChannel Channel, ClaimsPrincipal? AuditUser = null);

public sealed record ContactRecord(int TenantId, int TenancyId, string FullName, ContactSnapshot Details, Guid Version);

public sealed record ContactHistoryEntry(string Label, string OldValue, string NewValue, DateTime ChangedAtUtc, string ChangedBy, ChangeChannel Channel);

public enum SaveOutcome { Saved, NoChange, Conflict, Invalid, NotFound }

public sealed record SaveResult(SaveOutcome Outcome, ContactRecord? Current = null, string? Field = null, string? Error = null);

/// <summary>Reads and writes a tenant's contact record in the housing database. Every save writes the Tenant row
/// and one history row per changed field in one transaction, checks the record has not changed since the user
/// opened it (Tenants.Version), and gives the record a new Version.</summary>
public sealed class ContactDetailsService(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string ConflictMessage = "This was changed by someone else while you were editing. Here is what we now hold.";

    public Task<ContactRecord?> FindAsync(int tenantId, CancellationToken ct = default) =>
        housing.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new ContactRecord(t.Id, t.TenancyId, t.FirstName + " " + t.LastName,
                new ContactSnapshot(t.MobilePhone, t.HomePhone, t.Email, t.PreferredContactMethod, t.AgreesToTexts, t.AgreesToEmails,
                    t.NeedsLargePrint, t.InterpreterLanguage, t.HearingOrSightNeeds, t.Advocate),
                t.Version))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ContactHistoryEntry>> HistoryAsync(int tenantId, int take = 50, CancellationToken ct = default)
    {
        var rows = await housing.ContactChanges.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new { c.Field, c.OldValue, c.NewValue, c.ChangedAt, c.ChangedBy, c.Channel })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var item = ContactItems.All.FirstOrDefault(i => i.Field == r.Field);
            return new ContactHistoryEntry(item?.Label ?? r.Field, item?.Display(r.OldValue) ?? r.OldValue ?? "",
                item?.Display(r.NewValue) ?? r.NewValue ?? "", r.ChangedAt, r.ChangedBy, r.Channel);
        }).ToList();
    }

    /// <summary>Applies <paramref name="change"/> to the record as it is now, provided it is still at
    /// <paramref name="expectedVersion"/>. <paramref name="alongside"/> runs in the same transaction (e.g. the
    /// portal sign-in's email) and may throw <see cref="ContactChangeRejectedException"/> to undo everything.</summary>
    public async Task<SaveResult> SaveAsync(
        int tenantId,
        Guid? expectedVersion,
        Func<ContactSnapshot, ContactSnapshot> change,
        ChangeActor actor,
        Func<CancellationToken, Task>? alongside = null,
        CancellationToken ct = default)
    {
        try
        {
            return await unitOfWork.ExecuteAsync(async c =>
            {
                var tenant = await housing.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, c);
                if (tenant is null)
                {
                    return new SaveResult(SaveOutcome.NotFound);
                }

                if (expectedVersion is Guid expected)
                {
                    if (tenant.Version != expected)
                    {
                        return new SaveResult(SaveOutcome.Conflict);
                    }

                    // Checked again by the UPDATE itself (WHERE Version = expected), so a write between this read and
                    // the save is caught too.
                    housing.Entry(tenant).Property(t => t.Version).OriginalValue = expected;
                }

                var before = ContactSnapshot.From(tenant);
                var after = change(before);
                var differences = before.Differences(after);
                if (differences.Count == 0)
                {
                    return new SaveResult(SaveOutcome.NoChange);
                }

                if (after.CrossFieldProblem() is { } problem)
                {
                    return new SaveResult(SaveOutcome.Invalid, Field: problem.Field, Error: problem.Error);
                }

                after.ApplyTo(tenant);
                housing.Touch(tenant);
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var (field, oldValue, newValue) in differences)
                {
                    housing.ContactChanges.Add(new ContactChange
                    {
                        TenantId = tenant.Id,
                        Field = field,
                        OldValue = Truncate(oldValue),
                        NewValue = Truncate(newValue),
                        ChangedAt = now,
                        ChangedBy = Truncate(actor.Name)!,
                        Channel = actor.Channel,
                    });
                }

                if (actor.AuditUser is not null)
                {
                    audit.Record(portal, actor.AuditUser, "contact-details.changed", "Tenant", tenant.Id.ToString(CultureInfo.InvariantCulture),
                        differences.ToDictionary(d => d.Field, d => d.Old), differences.ToDictionary(d => d.Field, d => d.New));
                }

                if (alongside is not null)
                {
                    await alongside(c);
                }

                await housing.SaveChangesAsync(c);
                await portal.SaveChangesAsync(c);
                return new SaveResult(SaveOutcome.Saved);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The unit of work rolled back and forgot what it tracked.
            return new SaveResult(SaveOutcome.Conflict);
        }
        catch (ContactChangeRejectedException rejected)
        {
            return new SaveResult(SaveOutcome.Invalid, Field: nameof(ContactSnapshot.Email), Error: rejected.Message);
        }
    }

    private static string? Truncate(string? value) => value is { Length: > 500 } ? value[..500] : value;
}

/// <summary>Thrown inside a save to undo it, with a message for the user.</summary>
public sealed class ContactChangeRejectedException(string message) : Exception(message);
