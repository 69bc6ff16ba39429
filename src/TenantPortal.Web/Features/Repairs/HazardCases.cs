using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Repairs;

public enum HazardOutcome { Done, NotFound, Stale, Invalid }

/// <summary>The result of a hazard step: <see cref="Field"/> names the form field an <see cref="HazardOutcome.Invalid"/> error belongs to.</summary>
public sealed record HazardResult(HazardOutcome Outcome, string? Field = null, string? Error = null)
{
    public static readonly HazardResult Done = new(HazardOutcome.Done);

    public static HazardResult Invalid(string field, string error) => new(HazardOutcome.Invalid, field, error);
}

/// <summary>The Awaab's Law workflow as officers record it, and the tenant's request to cancel: each step is one unit
/// of work (the case through <see cref="HazardCaseSteps"/>, the repair's new Version, a line on the tenant's timeline in
/// plain words, an audit entry with before and after). Times are when the event happened (never in the future, never
/// before the landlord became aware); the clocks run from them, not from when they were keyed.</summary>
public sealed class HazardCases(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    HazardCaseSteps steps,
    AuditTrail audit,
    Notifications.TenantNotifier notifier,
    Notifications.TenantMessages messages,
    IOptions<LandlordOptions> landlord,
    TimeProvider clock)
{
    public HazardClocks Clocks => steps.Clocks;

    public Task<HazardResult> ClassifyAsync(string reference, Guid version, HazardType kind, string reason, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-classified", (repair, now) =>
        {
            if (kind == HazardType.None)
            {
                return (HazardResult.Invalid("Kind", "Select the kind of hazard"), null);
            }

            if (!steps.Apply)
            {
                return (HazardResult.Invalid("Kind", "Awaab's Law applies to landlords in England only: this landlord's region has no hazard cases"), null);
            }

            if (repair.HazardCase is { IsOpen: true } open && open.Kind == kind)
            {
                return (HazardResult.Invalid("Kind", $"The repair is already classified as {Kind(kind)}"), null);
            }

            steps.Classify(repair, kind, repair.HazardCase?.AwareAt ?? repair.ReportedAt, officer.DisplayName(), reason, now);
            return (HazardResult.Done, $"We have treated this as {Kind(kind)} under Awaab's Law.");
        }, ct, allowNoCase: true);

    public Task<HazardResult> DeclassifyAsync(string reference, Guid version, string reason, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-declassified", (repair, now) =>
        {
            steps.Declassify(repair, reason, now);
            return (HazardResult.Done, $"We have decided this is not a hazard under Awaab's Law: {reason}");
        }, ct);

    /// <summary>When the landlord became aware (a phone call before the report was keyed): the clocks start then.</summary>
    public Task<HazardResult> RecordAwareAsync(string reference, Guid version, DateTime awareAtUtc, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-aware", (repair, now) =>
        {
            if (awareAtUtc > now)
            {
                return (HazardResult.Invalid("At", "The time we became aware must be now or in the past"), null);
            }

            if (awareAtUtc > repair.ReportedAt)
            {
                return (HazardResult.Invalid("At", $"The time we became aware must be on or before the report was recorded ({RepairWording.DateTime(repair.ReportedAt)})"), null);
            }

            steps.RecordAware(repair, awareAtUtc, officer.DisplayName(), now);
            return (HazardResult.Done, $"You told us about this on {RepairWording.DateTime(awareAtUtc)}. Our deadlines count from then.");
        }, ct);

    public Task<HazardResult> RecordInvestigationAsync(string reference, Guid version, DateTime atUtc, string investigatedBy, bool hazardFound, HazardType kind, string findings, bool furtherWorkNeeded, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-investigated", (repair, now) =>
        {
            if (When(repair.HazardCase!, atUtc, now) is { } error)
            {
                return (error, null);
            }

            steps.RecordInvestigation(repair, atUtc, investigatedBy, hazardFound, kind, findings, furtherWorkNeeded, now);
            return (HazardResult.Done, hazardFound
                ? $"We inspected on {RepairWording.DateTime(atUtc)} and found {Kind(repair.HazardCase!.Kind)}. We will send you a written summary."
                : $"We inspected on {RepairWording.DateTime(atUtc)} and did not find a hazard. We will send you a written summary.");
        }, ct);

    /// <summary>Sends the written summary of the investigation (composed by <see cref="ComposeSummary"/>) and keeps it.</summary>
    public Task<HazardResult> SendWrittenSummaryAsync(string reference, Guid version, DateTime atUtc, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-summary-sent", (repair, now) =>
        {
            var c = repair.HazardCase!;
            if (c.InvestigatedAt is null)
            {
                return (HazardResult.Invalid("At", "Record the investigation before sending the written summary"), null);
            }

            if (When(c, atUtc, now, c.InvestigatedAt) is { } error)
            {
                return (error, null);
            }

            var text = ComposeSummary(repair.Reference, c);
            steps.RecordSummarySent(repair, atUtc, officer.DisplayName(), text, now);
            return new(HazardResult.Done, "We sent you a written summary of what we found. You can read it on this page.", text);
        }, ct);

    public Task<HazardResult> RecordSafetyWorkAsync(string reference, Guid version, DateTime atUtc, string notes, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-made-safe", (repair, now) =>
        {
            if (When(repair.HazardCase!, atUtc, now) is { } error)
            {
                return (error, null);
            }

            steps.RecordSafetyWork(repair, atUtc, notes, now);
            return (HazardResult.Done, $"We made your home safe on {RepairWording.DateTime(atUtc)}: {notes}");
        }, ct);

    public Task<HazardResult> RecordFurtherWorkStartedAsync(string reference, Guid version, DateTime atUtc, string notes, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.hazard-further-work-started", (repair, now) =>
        {
            var c = repair.HazardCase!;
            if (c.InvestigatedAt is null)
            {
                return (HazardResult.Invalid("At", "Record the investigation before the further work"), null);
            }

            if (When(c, atUtc, now, c.InvestigatedAt) is { } error)
            {
                return (error, null);
            }

            steps.RecordFurtherWorkStarted(repair, atUtc, notes, now);
            return (HazardResult.Done, $"We started the further work on {RepairWording.DateTime(atUtc)}: {notes}");
        }, ct);

    /// <summary>A tenant cannot cancel a hazard case: the request is recorded for officers, who decide.</summary>
    public async Task<HazardResult> RequestCancelAsync(int repairId, int tenancyId, string? reason, ClaimsPrincipal tenant, CancellationToken ct = default)
    {
        return await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await housing.Repairs.Include(r => r.HazardCase)
                .SingleOrDefaultAsync(r => r.Id == repairId && r.TenancyId == tenancyId, c);
            if (repair?.HazardCase is not { IsOpen: true } hazard)
            {
                return UnitOfWork.Rollback(new HazardResult(HazardOutcome.NotFound));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            hazard.CancelRequestedAt = now;
            hazard.CancelRequestReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            housing.Touch(repair);
            housing.RepairStatusHistory.Add(new RepairStatusChange
            {
                RepairId = repair.Id,
                Status = repair.Status,
                At = now,
                ChangedBy = tenant.DisplayName(),
                Channel = RepairChannel.Portal,
                Note = "You asked us to cancel this repair. Because it could affect your health, an officer will decide and contact you.",
                NoteVisibleToTenant = true,
            });
            await housing.SaveChangesAsync(c);
            return UnitOfWork.Commit(HazardResult.Done);
        }, ct);
    }

    /// <summary>The written summary, from the investigation's record: what was found and what happens next, with dates.</summary>
    public string ComposeSummary(string reference, RepairHazardCase c)
    {
        var l = landlord.Value;
        var found = c.HazardFound == true;
        var next = Clocks.Steps(c).Where(s => !s.IsDone && s.Kind is HazardStepKind.SafetyWork or HazardStepKind.MakeSafe or HazardStepKind.FurtherWork)
            .Select(s => s.Kind switch
            {
                HazardStepKind.FurtherWork => $"We will start the further work to stop it coming back by {RepairWording.Date(UkTime.DateOf(s.DueAt))}.",
                HazardStepKind.MakeSafe => $"We will make your home safe by {RepairWording.DateTime(s.DueAt)}.",
                _ => $"We will make your home safe by {RepairWording.Date(UkTime.DateOf(s.DueAt))}.",
            });
        return $"""
            Written summary of our investigation: repair {reference}

            We investigated on {RepairWording.DateTime(c.InvestigatedAt!.Value)}{(c.InvestigatedBy is null ? "" : $" ({c.InvestigatedBy})")}.
            {(found ? $"What we found: {Kind(c.Kind)}. {c.Findings}" : $"We did not find a hazard that puts your health or safety at risk. {c.Findings}")}
            {string.Join("\n", next)}

            If things get worse, call us on {l.PhoneNumber}. For emergencies call {l.EmergencyPhoneNumber} at any time.
            """;
    }

    public static string Kind(HazardType kind) => kind switch
    {
        HazardType.Emergency => "an emergency hazard",
        HazardType.DampAndMould => "a significant hazard (damp and mould)",
        _ => "no hazard",
    };

    /// <summary>What a step did: its result, the line on the tenant's timeline and, for the written summary, its text to send.</summary>
    private readonly record struct Change(HazardResult Result, string? TimelineNote, string? Summary = null)
    {
        public static implicit operator Change((HazardResult Result, string? TimelineNote) t) => new(t.Result, t.TimelineNote);
    }

    private static HazardResult? When(RepairHazardCase c, DateTime atUtc, DateTime nowUtc, DateTime? notBefore = null)
    {
        if (atUtc > nowUtc)
        {
            return HazardResult.Invalid("At", "The date and time must be now or in the past");
        }

        var floor = notBefore ?? c.AwareAt;
        return atUtc < floor
            ? HazardResult.Invalid("At", $"The date and time must be on or after {RepairWording.DateTime(floor)}")
            : null;
    }

    private async Task<HazardResult> ApplyAsync(string reference, Guid version, ClaimsPrincipal officer, string action,
        Func<Repair, DateTime, Change> change, CancellationToken ct, bool allowNoCase = false)
    {
        try
        {
            return await unitOfWork.ExecuteAsync(async c =>
            {
                var repair = await housing.Repairs.Include(r => r.HazardCase).SingleOrDefaultAsync(r => r.Reference == reference, c);
                if (repair is null || (repair.HazardCase is null && !allowNoCase))
                {
                    return UnitOfWork.Rollback(new HazardResult(HazardOutcome.NotFound));
                }

                if (repair.Version != version)
                {
                    return UnitOfWork.Rollback(new HazardResult(HazardOutcome.Stale));
                }

                var before = Snapshot(repair);
                var now = clock.GetUtcNow().UtcDateTime;
                var (result, note, summary) = change(repair, now);
                if (result.Outcome != HazardOutcome.Done)
                {
                    housing.ChangeTracker.Clear();
                    return UnitOfWork.Rollback(result);
                }

                housing.Touch(repair);
                housing.RepairStatusHistory.Add(new RepairStatusChange
                {
                    RepairId = repair.Id,
                    Status = repair.Status,
                    At = now,
                    Note = note,
                    NoteVisibleToTenant = note is not null,
                    ChangedBy = officer.DisplayName(),
                    Channel = RepairChannel.Officer,
                });
                audit.Record(portal, officer, action, "Repair", repair.Reference, before, Snapshot(repair));
                if (summary is not null)
                {
                    await DeliverWrittenSummaryAsync(repair, summary, c);
                }

                await housing.SaveChangesAsync(c);
                await portal.SaveChangesAsync(c);
                return UnitOfWork.Commit(HazardResult.Done);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            housing.ChangeTracker.Clear();
            portal.ChangeTracker.Clear();
            return new HazardResult(HazardOutcome.Stale);
        }
    }

    /// <summary>The one place the written summary leaves the portal: to every tenant of the tenancy by the way each asked
    /// to be contacted (email, text or letter: <see cref="Notifications.TenantNotifier"/>); the summary itself is kept
    /// on the case and shown on the tenant's repair page.</summary>
    private async Task DeliverWrittenSummaryAsync(Repair repair, string text, CancellationToken ct)
    {
        if (repair.TenancyId is not int tenancyId)
        {
            return;
        }

        var tenants = await housing.Tenants.AsNoTracking().Where(t => t.TenancyId == tenancyId)
            .Select(t => new { t.Id, t.FirstName }).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            await notifier.TellAsync(portal, tenant.Id, messages.WrittenSummary(repair.Reference, tenant.FirstName, text), ct);
        }
    }

    private static object Snapshot(Repair r) => new
    {
        r.HazardType,
        r.TargetDate,
        Case = r.HazardCase is not { } c ? null : new
        {
            c.Kind,
            c.AwareAt,
            c.InvestigatedAt,
            c.HazardFound,
            c.FurtherWorkNeeded,
            c.SummarySentAt,
            c.SafetyWorkDoneAt,
            c.FurtherWorkStartedAt,
            c.IsOpen,
            c.ClosedReason,
            c.NextStep,
            c.NextDueAt,
        },
    };
}
