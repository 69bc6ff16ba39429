using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Refunds of portal payments. The refund row is written (and audited) before Stripe is asked, and its id is
/// the idempotency key, so a lost answer is retried with the same request and never makes a second refund. What
/// Stripe says, from its answer, a webhook or reconciliation, goes through <see cref="ApplyAsync"/>.</summary>
public sealed class RefundProcessor(
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    PaymentGateways gateways,
    RentPaymentPoster poster,
    TimeProvider clock,
    ILogger<RefundProcessor> logger)
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>
    {
        ["requested_by_customer"] = "The tenant asked for it (for example an overpayment)",
        ["duplicate"] = "Paid twice",
        ["fraudulent"] = "Fraudulent (the tenant did not make this payment)",
        ["other"] = "Another reason (say why in the note)",
    };

    /// <summary>Records the refund (once per <paramref name="refundId"/>, so a resubmitted confirmation does nothing
    /// more) and asks the provider. Returns the row after the provider's answer, or throws the provider failure with
    /// the row left Requested (reconciliation retries it with the same idempotency key).</summary>
    public async Task<PaymentRefund> RequestAsync(Guid attemptId, Guid refundId, decimal amount, string reason, string? note, ClaimsPrincipal officer, CancellationToken ct)
    {
        var created = await unitOfWork.ExecuteAsync(async c =>
        {
            if (await portal.PaymentRefunds.AnyAsync(r => r.Id == refundId, c))
            {
                return false;
            }

            portal.PaymentRefunds.Add(new PaymentRefund
            {
                Id = refundId,
                PaymentAttemptId = attemptId,
                Amount = amount,
                Status = RefundStatus.Requested,
                Reason = reason,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                RequestedBy = officer.DisplayName(),
                RequestedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Record(portal, officer, "payment.refund-requested", "PaymentAttempt", attemptId.ToString(), null,
                new { Amount = amount.ToString("0.00", CultureInfo.InvariantCulture), RefundId = refundId, Reason = reason, Note = note });
            await portal.SaveChangesAsync(c);
            return true;
        }, ct);

        var refund = await portal.PaymentRefunds.AsNoTracking().SingleAsync(r => r.Id == refundId, ct);
        if (!created && refund.Status != RefundStatus.Requested)
        {
            return refund;
        }

        await SendAsync(refund, ct);
        return await portal.PaymentRefunds.AsNoTracking().SingleAsync(r => r.Id == refundId, ct);
    }

    /// <summary>Sends (or re-sends, same key and body) a Requested refund to the provider and applies the answer.
    /// A refusal (4xx) marks it Failed with the provider's message; an outage is thrown and leaves it Requested.</summary>
    public async Task SendAsync(PaymentRefund refund, CancellationToken ct)
    {
        var attempt = await portal.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == refund.PaymentAttemptId, ct);
        RefundState state;
        try
        {
            state = await gateways.For(attempt.Provider).RefundAsync(attempt, refund, ct);
        }
        catch (Exception ex) when (PaymentProviderFailure.Classify(ex, ct) == ProviderFailure.Refused)
        {
            PaymentProviderFailure.Log(logger, ex, "refunding", attempt.Id, ct);
            var message = (ex as Stripe.StripeException)?.StripeError?.Message ?? ex.Message;
            await portal.PaymentRefunds.Where(r => r.Id == refund.Id && r.Status == RefundStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefundStatus.Failed).SetProperty(r => r.FailureReason, Truncate(message, 200)), ct);
            return;
        }

        await ApplyAsync(state with { PortalRefundId = refund.Id.ToString() }, ct);
    }

    /// <summary>Brings a refund row up to what the provider says. Pending: waiting; succeeded: posted once;
    /// failed or canceled: Failed if never posted, otherwise reversed in the rent account. A refund made in Stripe's
    /// dashboard gets a row of its own. Returns false when the refund is not for a portal payment.</summary>
    public async Task<bool> ApplyAsync(RefundState state, CancellationToken ct)
    {
        // Rows are moved by conditional updates below: never act on an entity this context tracked earlier.
        portal.ChangeTracker.Clear();
        var refund = await FindOrAdoptAsync(state, ct);
        if (refund is null)
        {
            return false;
        }

        switch (state.Status)
        {
            case "succeeded":
                if (refund.Status is RefundStatus.Requested or RefundStatus.Pending or RefundStatus.Failed)
                {
                    await poster.PostRefundAsync(refund.Id, ct);
                }

                break;
            case "failed" or "canceled":
                if (refund.Status == RefundStatus.Succeeded)
                {
                    await poster.ReverseRefundAsync(refund.Id, ct);
                }
                else if (refund.Status is RefundStatus.Requested or RefundStatus.Pending)
                {
                    await portal.PaymentRefunds.Where(r => r.Id == refund.Id && (r.Status == RefundStatus.Requested || r.Status == RefundStatus.Pending))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefundStatus.Failed).SetProperty(r => r.FailureReason, state.FailureReason ?? state.Status), ct);
                }

                break;
            default:
                await portal.PaymentRefunds.Where(r => r.Id == refund.Id && r.Status == RefundStatus.Requested)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefundStatus.Pending), ct);
                break;
        }

        return true;
    }

    private async Task<PaymentRefund?> FindOrAdoptAsync(RefundState state, CancellationToken ct)
    {
        var refund = await portal.PaymentRefunds.AsNoTracking().SingleOrDefaultAsync(r => r.ProviderRefundId == state.ProviderRefundId, ct);
        if (refund is not null)
        {
            return refund;
        }

        // Ours, but our save of Stripe's id was lost (network error after Stripe made it): the metadata says which row.
        if (Guid.TryParse(state.PortalRefundId, out var portalId))
        {
            await portal.PaymentRefunds.Where(r => r.Id == portalId && r.ProviderRefundId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProviderRefundId, state.ProviderRefundId), ct);
            refund = await portal.PaymentRefunds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == portalId && r.ProviderRefundId == state.ProviderRefundId, ct);
            if (refund is not null)
            {
                return refund;
            }
        }

        // Made in Stripe's dashboard: recorded so the officers' list and the rent account show it.
        var attemptId = state.PaymentIntentId is null ? null : await portal.PaymentAttempts
            .Where(a => a.ProviderPaymentIntentId == state.PaymentIntentId && a.Status == PaymentStatus.Succeeded)
            .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        if (attemptId is null)
        {
            logger.LogWarning("Refund {RefundId} is not for a payment the portal posted; ignored", state.ProviderRefundId);
            return null;
        }

        var adopted = new PaymentRefund
        {
            Id = Guid.NewGuid(),
            PaymentAttemptId = attemptId.Value,
            Amount = Money.FromPence(state.AmountPence),
            Status = RefundStatus.Requested,
            ProviderRefundId = state.ProviderRefundId,
            RequestedBy = "Stripe dashboard",
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        portal.PaymentRefunds.Add(adopted);
        try
        {
            await portal.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two events about the same new refund at once: the other one recorded it (forgotten just below).
        }

        // Needed: our adopted row (saved or refused) is not kept; read the one row that exists.
        portal.ChangeTracker.Clear();
        return await portal.PaymentRefunds.AsNoTracking().SingleAsync(r => r.ProviderRefundId == state.ProviderRefundId, ct);
    }

    /// <summary>Reconciliation: refunds Stripe never answered about are re-sent (same key, same body); refunds still
    /// pending are asked about. Each row is claimed by moving its LastCheckedAt, so two instances never share one.</summary>
    public async Task<int> ReconcileAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - olderThan;
        var due = await portal.PaymentRefunds.AsNoTracking()
            .Where(r => (r.Status == RefundStatus.Requested || r.Status == RefundStatus.Pending) && r.RequestedAt < before
                && (r.LastCheckedAt == null || r.LastCheckedAt < before))
            .OrderBy(r => r.RequestedAt).Take(20).ToListAsync(ct);
        var count = 0;
        foreach (var refund in due)
        {
            var previous = refund.LastCheckedAt;
            var claimed = await portal.PaymentRefunds.Where(r => r.Id == refund.Id && r.LastCheckedAt == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCheckedAt, now), ct);
            if (claimed != 1)
            {
                continue;
            }

            try
            {
                if (refund.ProviderRefundId is null)
                {
                    await SendAsync(refund, ct);
                }
                else
                {
                    var attempt = await portal.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == refund.PaymentAttemptId, ct);
                    await ApplyAsync(await gateways.For(attempt.Provider).GetRefundAsync(refund, ct), ct);
                }
            }
            catch (Exception ex) when (PaymentProviderFailure.Is(ex, ct))
            {
                logger.LogWarning(ex, "Reconciling refund {RefundId} failed; it will be tried again", refund.Id);
            }

            count++;
        }

        return count;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
