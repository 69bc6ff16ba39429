using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Stripe's notifications. The signature is the only authentication; each event id is stored once, so a
/// redelivered event is acknowledged and ignored; every handler is safe in any order.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StripeWebhookController(
    IOptions<StripeOptions> options,
    PaymentModeSelector selector,
    PortalDbContext portal,
    PaymentService payments,
    RentPaymentPoster poster,
    IStripeClient stripe,
    TimeProvider clock,
    ILogger<StripeWebhookController> logger) : ControllerBase
{
    private const int MaxBody = 256 * 1024;

    [HttpPost("/webhooks/stripe")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Receive(CancellationToken ct)
    {
        var secret = options.Value.WebhookSecret;
        if (selector.Mode != PaymentMode.Stripe || string.IsNullOrWhiteSpace(secret))
        {
            return NotFound();
        }

        // A machine endpoint: plain status codes, never the HTML error pages.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        string signature = Request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            logger.LogWarning("Stripe webhook refused: no signature");
            return BadRequest();
        }

        using var reader = new StreamReader(Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            // The event's API version may differ from the library's: we read only stable fields.
            stripeEvent = EventUtility.ConstructEvent(json, signature, secret, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is StripeException or FormatException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            logger.LogWarning("Stripe webhook refused: missing or invalid signature");
            return BadRequest();
        }

        if (await portal.ProviderEvents.AnyAsync(e => e.Id == stripeEvent.Id, ct))
        {
            logger.LogInformation("Stripe event {EventId} already handled; ignored", stripeEvent.Id);
            return Ok();
        }

        var related = await HandleAsync(stripeEvent, ct);

        portal.ChangeTracker.Clear();
        portal.ProviderEvents.Add(new ProviderEvent
        {
            Id = stripeEvent.Id,
            Provider = "Stripe",
            Type = stripeEvent.Type,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
            RelatedObjectId = related,
        });
        try
        {
            await portal.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery recorded it; both were handled idempotently.
            logger.LogInformation("Stripe event {EventId} recorded by a concurrent delivery", stripeEvent.Id);
        }

        return Ok();
    }

    private async Task<string?> HandleAsync(Event stripeEvent, CancellationToken ct)
    {
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted:
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
            case EventTypes.CheckoutSessionExpired:
                {
                    var session = (Session)stripeEvent.Data.Object;
                    var attemptId = await AttemptForSessionAsync(session, ct);
                    if (attemptId is Guid id)
                    {
                        await payments.ApplyAsync(id, StripePaymentGateway.FromSession(session), ct);
                    }

                    return session.Id;
                }

            case EventTypes.CheckoutSessionAsyncPaymentFailed:
                {
                    var session = (Session)stripeEvent.Data.Object;
                    if (await AttemptForSessionAsync(session, ct) is Guid id)
                    {
                        await poster.MarkAsync(id, PaymentStatus.Failed, "Your bank did not confirm the Direct Debit", ct: ct);
                    }

                    return session.Id;
                }

            case EventTypes.ChargeRefunded:
                {
                    var charge = (Charge)stripeEvent.Data.Object;
                    await PostRefundsAsync(charge, ct);
                    return charge.PaymentIntentId;
                }

            default:
                logger.LogInformation("Stripe event type {EventType} not used; acknowledged", stripeEvent.Type);
                return null;
        }
    }

    private async Task<Guid?> AttemptForSessionAsync(Session session, CancellationToken ct)
    {
        if (!Guid.TryParse(session.ClientReferenceId, out var attemptId))
        {
            logger.LogWarning("Stripe session {SessionId} has no portal payment attempt reference; ignored", session.Id);
            return null;
        }

        var stored = await portal.PaymentAttempts.Where(a => a.Id == attemptId).Select(a => new { a.ProviderSessionId }).SingleOrDefaultAsync(ct);
        if (stored is null || (stored.ProviderSessionId is not null && stored.ProviderSessionId != session.Id))
        {
            logger.LogWarning("Stripe session {SessionId} does not match payment attempt {AttemptId}; ignored", session.Id, attemptId);
            return null;
        }

        if (stored.ProviderSessionId is null)
        {
            // The session was created but our save of its id failed: adopt it now.
            await portal.PaymentAttempts.Where(a => a.Id == attemptId && a.ProviderSessionId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProviderSessionId, session.Id), ct);
        }

        return attemptId;
    }

    private async Task PostRefundsAsync(Charge charge, CancellationToken ct)
    {
        var attemptId = await portal.PaymentAttempts
            .Where(a => a.ProviderPaymentIntentId == charge.PaymentIntentId && a.Status == PaymentStatus.Succeeded)
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(ct);
        if (attemptId is null)
        {
            logger.LogWarning("Refund for a payment the portal did not post; ignored");
            return;
        }

        // Recent API versions do not include the refunds in the charge: ask Stripe for them.
        var refunds = charge.Refunds?.Data is { Count: > 0 } included
            ? included
            : (await new RefundService(stripe).ListAsync(new RefundListOptions { PaymentIntent = charge.PaymentIntentId, Limit = 100 }, cancellationToken: ct)).Data;
        foreach (var refund in refunds.Where(r => r.Status == "succeeded"))
        {
            await poster.PostRefundAsync(attemptId.Value, refund.Id, refund.Amount, ct);
        }

        foreach (var failed in refunds.Where(r => r.Status is "failed" or "canceled"))
        {
            await portal.PaymentRefunds.Where(r => r.ProviderRefundId == failed.Id && r.Status == RefundStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefundStatus.Failed), ct);
        }
    }
}
