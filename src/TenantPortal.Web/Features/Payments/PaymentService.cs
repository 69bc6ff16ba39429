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

    /// <summary>How long a Stripe Checkout Session stays open (Stripe's minimum is 30 minutes), so reconciliation can
    /// close abandoned attempts soon after.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(31);

    /// <summary>Starts (or resumes) the one checkout session of an attempt. One session per attempt, so one attempt
    /// can never be paid twice: an attempt that has a session gets it back from Stripe (retrieved, not created
    /// again). The parameters of a new session are fixed in the attempt first, so a retried request (double tap,
    /// refresh, two instances) is byte-for-byte the same and Stripe's idempotency key returns the same session.</summary>
    public async Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct)
    {
        var gateway = gateways.For(attempt.Provider);
        await FixExpiryAsync(attempt, embedded, ct);
        var start = await gateway.StartCheckoutAsync(attempt, urls, embedded, ct);
        if (start.Finished is { } finished)
        {
            await ApplyAsync(attempt.Id, finished, ct);
            return start;
        }

        if (attempt.Status == PaymentStatus.Created)
        {
            // A conditional update: whichever of two racing requests is second finds the attempt already open.
            await poster.MarkAsync(attempt.Id, PaymentStatus.Open, sessionId: start.SessionId, ct: ct);
        }

        if (attempt.ProviderSessionId != start.SessionId || attempt.CheckoutUiMode != start.UiMode)
        {
            // A new session replaced one closed at Stripe (embedded form swapped for the hosted page).
            var previous = attempt.ProviderSessionId;
            await portal.PaymentAttempts.Where(a => a.Id == attempt.Id && (a.ProviderSessionId == previous || a.ProviderSessionId == start.SessionId))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProviderSessionId, start.SessionId).SetProperty(a => a.CheckoutUiMode, start.UiMode), ct);
        }

        return start;
    }

    private async Task FixExpiryAsync(PaymentAttempt attempt, bool embedded, CancellationToken ct)
    {
        if ((embedded ? attempt.EmbeddedExpiresAt : attempt.HostedExpiresAt) is not null)
        {
            return;
        }

        var expiresAt = clock.GetUtcNow().UtcDateTime + SessionLifetime;
        expiresAt = expiresAt.AddTicks(-(expiresAt.Ticks % TimeSpan.TicksPerSecond));
        // First writer wins; a racing request reads the winner's value, so both send the same parameters.
        if (embedded)
        {
            await portal.PaymentAttempts.Where(a => a.Id == attempt.Id && a.EmbeddedExpiresAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmbeddedExpiresAt, expiresAt), ct);
            attempt.EmbeddedExpiresAt = await portal.PaymentAttempts.Where(a => a.Id == attempt.Id).Select(a => a.EmbeddedExpiresAt).SingleAsync(ct);
        }
        else
        {
            await portal.PaymentAttempts.Where(a => a.Id == attempt.Id && a.HostedExpiresAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.HostedExpiresAt, expiresAt), ct);
            attempt.HostedExpiresAt = await portal.PaymentAttempts.Where(a => a.Id == attempt.Id).Select(a => a.HostedExpiresAt).SingleAsync(ct);
        }
    }

    /// <summary>The tenant cancelled: the session is expired at Stripe first, so the old tab can no longer take the
    /// money. If Stripe had already taken it, that is posted instead. If Stripe does not answer, the failure is thrown
    /// and the attempt stays Open (it may still be paid): the webhook or reconciliation settles it.</summary>
    public async Task<PaymentAttempt> CancelAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.Status is PaymentStatus.Created or PaymentStatus.Open)
        {
            var state = await gateways.For(attempt.Provider).CancelCheckoutAsync(attempt, ct);
            if (state.Outcome is CheckoutOutcome.Expired or CheckoutOutcome.Open)
            {
                await poster.MarkAsync(attempt.Id, PaymentStatus.Cancelled, "You cancelled the payment", ct: ct);
                if (state.Outcome == CheckoutOutcome.Expired)
                {
                    await MarkClosedAtProviderAsync(attempt.Id, ct);
                }
            }
            else
            {
                await ApplyAsync(attempt.Id, state, ct);
            }
        }

        // Needed: the posting moved the row with conditional updates, so read it afresh.
        portal.ChangeTracker.Clear();
        return await portal.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id, ct);
    }

    /// <summary>Stripe confirmed the session can no longer be paid: reconciliation stops checking the attempt.</summary>
    public Task MarkClosedAtProviderAsync(Guid attemptId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return portal.PaymentAttempts.Where(a => a.Id == attemptId && a.ProviderClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProviderClosedAt, now), ct);
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
        portal.ChangeTracker.Clear(); // Needed: as above, the row was moved by conditional updates.
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
                await MarkClosedAtProviderAsync(attemptId, ct);
                break;
        }
    }
}
