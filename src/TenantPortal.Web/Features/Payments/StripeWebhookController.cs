using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Stripe's notifications. The signature is the only authentication; each event id is stored once, so a
/// redelivered event is acknowledged and ignored; every handler is safe in any order. Anything that is not a
/// well-formed event of this instance's mode is answered 400 (413 when too large) and changes nothing.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StripeWebhookController(
    IOptions<StripeOptions> options,
    PaymentModeSelector selector,
    PortalDbContext portal,
    PaymentService payments,
    RentPaymentPoster poster,
    RefundProcessor refunds,
    DisputeProcessor disputes,
    IStripeClient stripe,
    TimeProvider clock,
    ILogger<StripeWebhookController> logger) : ControllerBase
{
    /// <summary>Stripe's events are a few kilobytes; anything near this is not from Stripe.</summary>
    public const int MaxBody = 256 * 1024;

    private enum Handled { Ok, WrongShape }

    [HttpPost("/webhooks/stripe")]
    [RequestSizeLimit(MaxBody + 1)]
    public async Task<IActionResult> Receive(CancellationToken ct)
    {
        // A machine endpoint: plain status codes, never the HTML error pages.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var secret = options.Value.WebhookSecret;
        if (selector.Mode != PaymentMode.Stripe || string.IsNullOrWhiteSpace(secret))
        {
            return NotFound();
        }

        // Size first: an oversized body is refused before anything reads it, signed or not.
        if (Request.ContentLength > MaxBody)
        {
            logger.LogWarning("Stripe webhook refused: body of {Length} bytes is over the limit", Request.ContentLength);
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var json = await ReadBodyAsync(ct);
        if (json is null)
        {
            logger.LogWarning("Stripe webhook refused: body over the limit");
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        string signature = Request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            logger.LogWarning("Stripe webhook refused: no signature");
            return BadRequest();
        }

        try
        {
            EventUtility.ValidateSignature(json, signature, secret);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Stripe webhook refused: missing or invalid signature");
            return BadRequest();
        }

        Event stripeEvent;
        try
        {
            // The event's API version may differ from the library's: we read only stable fields.
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Stripe webhook refused: signed, but not a Stripe event ({Error})", ex.GetType().Name);
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(stripeEvent?.Id) || string.IsNullOrWhiteSpace(stripeEvent.Type) || stripeEvent.Id.Length > 100)
        {
            logger.LogWarning("Stripe webhook refused: signed, but the event has no id or type");
            return BadRequest();
        }

        if (stripeEvent.Livemode != options.Value.IsLiveMode)
        {
            // A test event on a live instance (or the reverse): never acted on. The endpoint is set up in the wrong mode.
            logger.LogError("Stripe webhook refused: event {EventId} is {Mode} but this instance uses {KeyMode} keys", stripeEvent.Id,
                stripeEvent.Livemode ? "live" : "test", options.Value.IsLiveMode ? "live" : "test");
            return BadRequest();
        }

        if (await portal.ProviderEvents.AnyAsync(e => e.Id == stripeEvent.Id, ct))
        {
            logger.LogInformation("Stripe event {EventId} already handled; ignored", stripeEvent.Id);
            return Ok();
        }

        var (handled, related) = await HandleAsync(stripeEvent, ct);
        if (handled == Handled.WrongShape)
        {
            logger.LogWarning("Stripe webhook refused: event {EventId} of type {EventType} does not carry the object that type should", stripeEvent.Id, stripeEvent.Type);
            return BadRequest();
        }

        // Needed: the handlers moved rows with conditional updates (not through this context), so nothing it tracked
        // is saved with the event row by mistake.
        portal.ChangeTracker.Clear();
        portal.ProviderEvents.Add(new ProviderEvent
        {
            Id = stripeEvent.Id,
            Provider = "Stripe",
            Type = stripeEvent.Type.Length > 100 ? stripeEvent.Type[..100] : stripeEvent.Type,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
            RelatedObjectId = related is { Length: > 100 } ? related[..100] : related,
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

    /// <summary>The body, or null when it is longer than <see cref="MaxBody"/> (a chunked body has no length).</summary>
    private async Task<string?> ReadBodyAsync(CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(Request.Body);
            var buffer = new char[MaxBody + 1];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await reader.ReadAsync(buffer.AsMemory(read), ct);
                if (n == 0)
                {
                    return new string(buffer, 0, read);
                }

                read += n;
            }

            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private async Task<(Handled, string?)> HandleAsync(Event stripeEvent, CancellationToken ct)
    {
        var data = stripeEvent.Data?.Object;
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted:
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded:
            case EventTypes.CheckoutSessionExpired:
                {
                    if (data is not Session session || string.IsNullOrEmpty(session.Id))
                    {
                        return (Handled.WrongShape, null);
                    }

                    if (await AttemptForSessionAsync(session, ct) is Guid id)
                    {
                        await payments.ApplyAsync(id, StripePaymentGateway.FromSession(session), ct);
                    }

                    return (Handled.Ok, session.Id);
                }

            case EventTypes.CheckoutSessionAsyncPaymentFailed:
                {
                    if (data is not Session session || string.IsNullOrEmpty(session.Id))
                    {
                        return (Handled.WrongShape, null);
                    }

                    if (await AttemptForSessionAsync(session, ct) is Guid id)
                    {
                        await poster.MarkAsync(id, PaymentStatus.Failed, StripePaymentGateway.BankRefused, ct: ct);
                    }

                    return (Handled.Ok, session.Id);
                }

            case EventTypes.ChargeRefunded:
                {
                    if (data is not Charge charge || string.IsNullOrEmpty(charge.PaymentIntentId))
                    {
                        return (Handled.WrongShape, null);
                    }

                    // Recent API versions do not include the refunds in the charge: ask Stripe for them.
                    var list = charge.Refunds?.Data is { Count: > 0 } included
                        ? included
                        : (await new RefundService(stripe).ListAsync(new RefundListOptions { PaymentIntent = charge.PaymentIntentId, Limit = 100 }, cancellationToken: ct)).Data;
                    foreach (var refund in list)
                    {
                        await refunds.ApplyAsync(StripePaymentGateway.FromRefund(refund) with { PaymentIntentId = refund.PaymentIntentId ?? charge.PaymentIntentId }, ct);
                    }

                    return (Handled.Ok, charge.PaymentIntentId);
                }

            case EventTypes.RefundCreated:
            case EventTypes.RefundUpdated:
            case EventTypes.RefundFailed:
            case EventTypes.ChargeRefundUpdated:
                {
                    if (data is not Refund refund || string.IsNullOrEmpty(refund.Id) || string.IsNullOrEmpty(refund.Status))
                    {
                        return (Handled.WrongShape, null);
                    }

                    await refunds.ApplyAsync(StripePaymentGateway.FromRefund(refund), ct);
                    return (Handled.Ok, refund.Id);
                }

            case EventTypes.ChargeDisputeCreated:
            case EventTypes.ChargeDisputeUpdated:
            case EventTypes.ChargeDisputeClosed:
            case EventTypes.ChargeDisputeFundsWithdrawn:
            case EventTypes.ChargeDisputeFundsReinstated:
                {
                    if (data is not Dispute dispute || string.IsNullOrEmpty(dispute.Id) || string.IsNullOrEmpty(dispute.Status))
                    {
                        return (Handled.WrongShape, null);
                    }

                    await disputes.ApplyAsync(new DisputeState(dispute.Id, dispute.PaymentIntentId, dispute.Amount, dispute.Status, dispute.Reason),
                        fundsWithdrawn: stripeEvent.Type == EventTypes.ChargeDisputeFundsWithdrawn,
                        fundsReinstated: stripeEvent.Type == EventTypes.ChargeDisputeFundsReinstated, ct);
                    return (Handled.Ok, dispute.Id);
                }

            default:
                logger.LogInformation("Stripe event type {EventType} not used; acknowledged", stripeEvent.Type);
                return (Handled.Ok, null);
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
}
