using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Payments;

/// <summary>What Stripe says about one dispute (card chargeback or Bacs indemnity claim).</summary>
public sealed record DisputeState(string DisputeId, string? PaymentIntentId, long AmountPence, string Status, string? Reason);

/// <summary>Disputes (charge.dispute.*). When the money is taken back (any status but an inquiry's warning_*), the
/// payment is reversed in the rent account; when the landlord wins, it is credited again. Each change is audited
/// with Stripe as the actor. Lines are once-only by ProviderReference, so events may arrive in any order, twice.</summary>
public sealed class DisputeProcessor(PortalDbContext portal, PortalUnitOfWork unitOfWork, AuditTrail audit, RentPaymentPoster poster, TimeProvider clock, ILogger<DisputeProcessor> logger)
{
    private static readonly ClaimsPrincipal Stripe = new(new ClaimsIdentity([new Claim(PortalClaims.DisplayName, "Stripe")], "stripe"));

    public async Task<bool> ApplyAsync(DisputeState state, bool fundsWithdrawn, bool fundsReinstated, CancellationToken ct)
    {
        var attemptId = state.PaymentIntentId is null ? null : await portal.PaymentAttempts.AsNoTracking()
            .Where(a => a.ProviderPaymentIntentId == state.PaymentIntentId && a.Status == PaymentStatus.Succeeded)
            .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        if (attemptId is null)
        {
            logger.LogWarning("Dispute {DisputeId} is not on a payment the portal posted; ignored", state.DisputeId);
            return false;
        }

        try
        {
            await unitOfWork.ExecuteAsync(c => RecordAsync(attemptId.Value, state, c), ct);
        }
        catch (DbUpdateException)
        {
            // Two events about a new dispute at once: the other recorded it (the unit of work forgot what it
            // tracked); read again and go on.
            await unitOfWork.ExecuteAsync(c => RecordAsync(attemptId.Value, state, c), ct);
        }

        var inquiry = state.Status.StartsWith("warning_", StringComparison.Ordinal);
        if ((fundsWithdrawn || !inquiry) && !fundsReinstated)
        {
            await poster.PostDisputeAsync(state.DisputeId, recredit: false, ct);
        }

        if (state.Status == "won" || fundsReinstated)
        {
            await poster.PostDisputeAsync(state.DisputeId, recredit: true, ct);
        }

        return true;
    }

    private async Task RecordAsync(Guid attemptId, DisputeState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dispute = await portal.PaymentDisputes.SingleOrDefaultAsync(d => d.Id == state.DisputeId, ct);
        var amount = Money.FromPence(state.AmountPence).ToString("0.00", CultureInfo.InvariantCulture);
        if (dispute is null)
        {
            portal.PaymentDisputes.Add(new PaymentDispute
            {
                Id = state.DisputeId,
                PaymentAttemptId = attemptId,
                Amount = Money.FromPence(state.AmountPence),
                Status = state.Status,
                Reason = state.Reason,
                CreatedAt = now,
                UpdatedAt = now,
            });
            audit.Record(portal, Stripe, "payment.dispute-opened", "PaymentAttempt", attemptId.ToString(), null,
                new { DisputeId = state.DisputeId, Amount = amount, state.Status, state.Reason });
        }
        else if (dispute.Status != state.Status)
        {
            audit.Record(portal, Stripe, state.Status is "won" or "lost" ? $"payment.dispute-{state.Status}" : "payment.dispute-updated", "PaymentAttempt", attemptId.ToString(),
                new { DisputeId = state.DisputeId, dispute.Status }, new { DisputeId = state.DisputeId, state.Status });
            dispute.Status = state.Status;
            dispute.Reason = state.Reason ?? dispute.Reason;
            dispute.UpdatedAt = now;
        }

        await portal.SaveChangesAsync(ct);
    }
}
