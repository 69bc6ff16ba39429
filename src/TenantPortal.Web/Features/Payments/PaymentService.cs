using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Payments;

/// <summary>The tenant's payment journey: create an attempt for a checked amount, start checkout, and find out
/// (from the provider, never the browser) what happened.</summary>
public sealed class PaymentService(
    HousingDbContext housing,
    PortalDbContext portal,
    PaymentGateways gateways,
    PaymentModeSelector selector,
    RentPaymentPoster poster,
    TimeProvider clock)
{
    public PaymentMode Mode => selector.Mode;

    public async Task<PaymentAttempt> CreateAttemptAsync(ClaimsPrincipal user, decimal amount, CancellationToken ct)
    {
        var tenancyId = user.TenancyId();
        var reference = await housing.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Reference).SingleAsync(ct);
        var attempt = new PaymentAttempt
        {
            Id = Guid.NewGuid(),
            TenancyId = tenancyId,
            TenancyReference = reference,
            TenantId = user.TenantId(),
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            Amount = amount,
            Currency = "gbp",
            Status = PaymentStatus.Created,
            Provider = selector.Provider,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        portal.PaymentAttempts.Add(attempt);
        await portal.SaveChangesAsync(ct);
        return attempt;
    }

    /// <summary>The attempt, only if it belongs to this tenancy (otherwise null: the caller shows 404).</summary>
    public Task<PaymentAttempt?> FindAsync(Guid attemptId, int tenancyId, CancellationToken ct) =>
        portal.PaymentAttempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.TenancyId == tenancyId, ct);

    /// <summary>Starts (or resumes) the one checkout session of an attempt. One session per attempt, so one
    /// attempt can never be paid twice; the idempotency key makes a double-tapped "Pay" safe.</summary>
    public async Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct)
    {
        var gateway = gateways.For(attempt.Provider);
        var start = await gateway.StartCheckoutAsync(attempt, urls, embedded, ct);
        if (attempt.Status == PaymentStatus.Created)
        {
            // A conditional update: a double-tapped "Pay" gets the same session back from Stripe (idempotency key),
            // and whichever request is second finds the attempt already open, which is fine.
            await poster.MarkAsync(attempt.Id, PaymentStatus.Open, sessionId: start.SessionId, ct: ct);
        }

        return start;
    }

    /// <summary>Asks the provider about the attempt and brings our records up to date through the one posting path.</summary>
    public async Task<PaymentAttempt> ConfirmAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.Status is PaymentStatus.Succeeded or PaymentStatus.Created || attempt.ProviderSessionId is null)
        {
            return attempt;
        }

        var state = await gateways.For(attempt.Provider).GetStateAsync(attempt, ct);
        await ApplyAsync(attempt.Id, state, ct);
        portal.ChangeTracker.Clear();
        return await portal.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id, ct);
    }

    /// <summary>Records what the provider said: used by the return page, the webhook and reconciliation.</summary>
    public async Task ApplyAsync(Guid attemptId, CheckoutState state, CancellationToken ct)
    {
        switch (state.Outcome)
        {
            case CheckoutOutcome.Paid when state.PaymentIntentId is not null && state.AmountPence is long pence:
                await poster.PostPaymentAsync(attemptId, state.PaymentIntentId, pence, state.PaymentMethodType, ct);
                break;
            case CheckoutOutcome.AwaitingBank:
                await poster.MarkAsync(attemptId, PaymentStatus.Pending, ct: ct);
                break;
            case CheckoutOutcome.Failed:
                await poster.MarkAsync(attemptId, PaymentStatus.Failed, state.Reason ?? "The payment was declined", ct: ct);
                break;
            case CheckoutOutcome.Expired:
                await poster.MarkAsync(attemptId, PaymentStatus.Expired, state.Reason, ct: ct);
                break;
        }
    }
}
