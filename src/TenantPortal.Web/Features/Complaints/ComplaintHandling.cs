using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>A complaint as it is made, by the tenant online or logged by an officer (phone, in person, letter).</summary>
public sealed record NewComplaint(
    int TenancyId,
    int? MadeByTenantId,
    ComplaintTopic Topic,
    int? RepairId,
    string? RelatedReference,
    string Description,
    string? OutcomeWanted,
    ComplaintChannel Channel,
    DateTime ReceivedAt);

public enum ComplaintActionOutcome { Done, NotFound, Stale, NotAllowed }

/// <summary>Every change to a complaint, each one unit of work: the complaint and its stage, the letter the tenant is
/// sent (<see cref="ComplaintMessages"/>) and, for officers, an audit entry with the values before and after.</summary>
public sealed class ComplaintHandling(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    ComplaintCode code,
    ComplaintMessages messages,
    AuditTrail audit,
    IOptions<LandlordOptions> landlord,
    TimeProvider clock)
{
    public Task<string> MakeAsync(NewComplaint made, string loggedBy, ClaimsPrincipal? officer, CancellationToken ct = default) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var complaint = new Complaint
            {
                Reference = "NEW-" + Guid.NewGuid().ToString("N")[..16],
                TenancyId = made.TenancyId,
                MadeByTenantId = made.MadeByTenantId,
                Topic = made.Topic,
                RepairId = made.RepairId,
                RelatedReference = Blank(made.RelatedReference),
                Description = made.Description.Trim(),
                OutcomeWanted = Blank(made.OutcomeWanted),
                Channel = made.Channel,
                ReceivedAt = made.ReceivedAt,
                LoggedAt = now,
                LoggedBy = loggedBy,
                Status = ComplaintStatus.AwaitingAcknowledgement,
            };
            var stage = new ComplaintStage { Stage = 1, RequestedAt = made.ReceivedAt, AcknowledgeBy = code.AcknowledgeBy(made.ReceivedAt) };
            complaint.Stages.Add(stage);
            housing.Complaints.Add(complaint);
            await housing.SaveChangesAsync(c);
            complaint.Reference = $"CMP-{complaint.Id:000000}";

            await messages.SendAsync(housing, portal, complaint, ComplaintLetterKind.Received, $"""
                Thank you. We have your complaint, reference {complaint.Reference}.

                What the Housing Ombudsman's Complaint Handling Code says we must do:
                - acknowledge your complaint by {ComplaintWording.Date(stage.AcknowledgeBy)} (within {ComplaintCode.AcknowledgeWithinWorkingDays} working days);
                - then send you our full reply within {ComplaintCode.RespondWithinWorkingDays(1)} working days of acknowledging it.
                If we need more time we will tell you why and when you will hear from us.
                """, loggedBy, c);
            if (officer is not null)
            {
                audit.Record(portal, officer, "complaint.logged", "Complaint", complaint.Reference, null, Snapshot(complaint));
            }

            await housing.SaveChangesAsync(c);
            await portal.SaveChangesAsync(c);
            return complaint.Reference;
        }, ct);

    public Task<ComplaintActionOutcome> AcknowledgeAsync(string reference, Guid version, string? note, ClaimsPrincipal officer, CancellationToken ct = default) =>
        OfficerActionAsync(reference, version, officer, "complaint.acknowledged", (complaint, stage, now) =>
        {
            if (stage.AcknowledgedAt is not null)
            {
                return null;
            }

            stage.AcknowledgedAt = now;
            stage.RespondBy = code.RespondBy(stage.Stage, stage.AcknowledgeBy, now, 0);
            complaint.Status = ComplaintStatus.Investigating;
            var what = Blank(note) is { } n ? $"\n\nHow we understand your complaint: {n}" : "";
            return (ComplaintLetterKind.Acknowledgement, $"""
                We have logged your complaint {complaint.Reference} at stage {stage.Stage} of our complaints procedure.{what}

                We will send you our full reply by {ComplaintWording.Date(stage.RespondBy.Value)} (within {ComplaintCode.RespondWithinWorkingDays(stage.Stage)} working days).
                """);
        }, ct);

    public Task<ComplaintActionOutcome> ExtendAsync(string reference, Guid version, int days, string reason, ClaimsPrincipal officer, CancellationToken ct = default) =>
        OfficerActionAsync(reference, version, officer, "complaint.extended", (complaint, stage, now) =>
        {
            if (stage.AcknowledgedAt is null || stage.RespondedAt is not null || days < 1 || stage.ExtensionDays + days > ComplaintCode.MaxExtensionWorkingDays(stage.Stage))
            {
                return null;
            }

            stage.ExtensionDays += days;
            stage.ExtensionReason = reason.Trim();
            stage.RespondBy = code.RespondBy(stage.Stage, stage.AcknowledgeBy, stage.AcknowledgedAt.Value, stage.ExtensionDays);
            return (ComplaintLetterKind.Extension, $"""
                We need more time to reply to your complaint {complaint.Reference}.

                Why: {stage.ExtensionReason}

                We will now send you our full reply by {ComplaintWording.Date(stage.RespondBy.Value)}.

                {HousingOmbudsman.Text}
                """);
        }, ct);

    public Task<ComplaintActionOutcome> RespondAsync(string reference, Guid version, string decision, ClaimsPrincipal officer, CancellationToken ct = default) =>
        OfficerActionAsync(reference, version, officer, "complaint.responded", (complaint, stage, now) =>
        {
            if (stage.AcknowledgedAt is null || stage.RespondedAt is not null)
            {
                return null;
            }

            stage.RespondedAt = now;
            stage.Decision = decision.Trim();
            complaint.Status = stage.Stage == 1 ? ComplaintStatus.Responded : ComplaintStatus.Closed;
            var next = stage.Stage == 1
                ? $"If you are not happy with this reply, you can ask us to look at your complaint again (stage 2). Do this online under \"Complaints\", or call us on {landlord.Value.PhoneNumber}."
                : "This is our final reply: our complaints procedure has ended.";
            return (ComplaintLetterKind.Response, $"""
                Our stage {stage.Stage} reply to your complaint {complaint.Reference}.

                {stage.Decision}

                {next}

                {HousingOmbudsman.Text}
                """);
        }, ct);

    /// <summary>The tenant asks for stage 2 after the stage 1 reply. Null when the complaint is not theirs or can't be escalated.</summary>
    public Task<bool> EscalateAsync(string reference, int tenancyId, string reason, string tenantName, CancellationToken ct = default) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var complaint = await housing.Complaints.Include(x => x.Stages).SingleOrDefaultAsync(x => x.Reference == reference && x.TenancyId == tenancyId, c);
            if (complaint is null || !CanEscalate(complaint))
            {
                return UnitOfWork.Rollback(false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var stage = new ComplaintStage { Stage = 2, RequestedAt = now, Reason = reason.Trim(), AcknowledgeBy = code.AcknowledgeBy(now) };
            complaint.Stages.Add(stage);
            complaint.CurrentStage = 2;
            complaint.Status = ComplaintStatus.AwaitingAcknowledgement;
            housing.Touch(complaint);
            await messages.SendAsync(housing, portal, complaint, ComplaintLetterKind.EscalationRequested, $"""
                You asked us to look at your complaint {complaint.Reference} again (stage 2).

                What you told us: {stage.Reason}

                We will acknowledge your request by {ComplaintWording.Date(stage.AcknowledgeBy)} and then send you our final reply within {ComplaintCode.RespondWithinWorkingDays(2)} working days.
                """, tenantName, c);
            await housing.SaveChangesAsync(c);
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(true);
        }, ct);

    public static bool CanEscalate(Complaint complaint) => complaint.CurrentStage == 1 && complaint.Status == ComplaintStatus.Responded;

    private async Task<ComplaintActionOutcome> OfficerActionAsync(string reference, Guid version, ClaimsPrincipal officer, string action,
        Func<Complaint, ComplaintStage, DateTime, (ComplaintLetterKind Kind, string Body)?> change, CancellationToken ct) =>
        await unitOfWork.ExecuteAsync(async c =>
        {
            var complaint = await housing.Complaints.Include(x => x.Stages).SingleOrDefaultAsync(x => x.Reference == reference, c);
            if (complaint is null)
            {
                return UnitOfWork.Rollback(ComplaintActionOutcome.NotFound);
            }

            if (complaint.Version != version)
            {
                return UnitOfWork.Rollback(ComplaintActionOutcome.Stale);
            }

            var stage = complaint.Stages.Single(s => s.Stage == complaint.CurrentStage);
            var before = Snapshot(complaint);
            var letter = change(complaint, stage, clock.GetUtcNow().UtcDateTime);
            if (letter is null)
            {
                return UnitOfWork.Rollback(ComplaintActionOutcome.NotAllowed);
            }

            housing.Touch(complaint);
            await messages.SendAsync(housing, portal, complaint, letter.Value.Kind, letter.Value.Body, officer.DisplayName(), c);
            audit.Record(portal, officer, action, "Complaint", complaint.Reference, before, Snapshot(complaint));
            await housing.SaveChangesAsync(c);
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(ComplaintActionOutcome.Done);
        }, ct);

    private static object Snapshot(Complaint c)
    {
        var s = c.Stages.Single(x => x.Stage == c.CurrentStage);
        return new { c.Reference, c.Status, c.CurrentStage, c.Channel, c.ReceivedAt, s.AcknowledgeBy, s.AcknowledgedAt, s.RespondBy, s.ExtensionDays, s.ExtensionReason, s.RespondedAt };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
