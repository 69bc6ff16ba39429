using System.Net;
using Stripe;

namespace TenantPortal.Web.Features.Payments;

public enum ProviderFailure
{
    /// <summary>Not a provider failure (a bug, or the tenant went away).</summary>
    None,

    /// <summary>The provider could not be reached or did not answer in time (network, timeout, 5xx, 409, 429):
    /// worth trying again later; a checkout already open may still be paid.</summary>
    Unreachable,

    /// <summary>The provider answered that the request was wrong (4xx: idempotency error, bad parameters, wrong key,
    /// wrong livemode). Trying again will not help; the request id is logged for Stripe's support.</summary>
    Refused,
}

/// <summary>Tells "the payment provider could not be reached" apart from "the provider refused the request" and from
/// the tenant going away (their own request cancelled).</summary>
public static class PaymentProviderFailure
{
    public const string NotStarted = "We could not reach our card payment provider, so the payment was not started";
    public const string Refused = "Our card payment provider could not start this payment";

    public static ProviderFailure Classify(Exception ex, CancellationToken requestAborted) => ex switch
    {
        PaymentProviderRefusedException => ProviderFailure.Refused,
        StripeException { HttpStatusCode: var status } when (int)status is >= 400 and < 500
            && status is not (HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests) => ProviderFailure.Refused,
        StripeException or HttpRequestException or TimeoutException => ProviderFailure.Unreachable,
        OperationCanceledException => requestAborted.IsCancellationRequested ? ProviderFailure.None : ProviderFailure.Unreachable,
        _ => ProviderFailure.None,
    };

    public static bool Is(Exception ex, CancellationToken requestAborted) => Classify(ex, requestAborted) != ProviderFailure.None;

    /// <summary>Logs a failure with what Stripe's support needs (request id, error type and code), never personal data.</summary>
    public static void Log(ILogger logger, Exception ex, string action, Guid attemptId, CancellationToken requestAborted)
    {
        if (Classify(ex, requestAborted) == ProviderFailure.Refused)
        {
            var stripe = ex as StripeException;
            logger.LogError(
                "Stripe refused the request {Action} for payment attempt {AttemptId}: {ErrorType} {ErrorCode} {ErrorMessage} (Stripe request id {StripeRequestId}); not retried",
                action, attemptId, stripe?.StripeError?.Type ?? ex.GetType().Name, stripe?.StripeError?.Code, stripe?.StripeError?.Message ?? ex.Message, stripe?.StripeResponse?.RequestId);
        }
        else
        {
            logger.LogWarning(ex, "Payment provider unreachable {Action} for payment attempt {AttemptId}", action, attemptId);
        }
    }
}

/// <summary>The provider answered with something the portal must not act on (e.g. a test-mode object on a live
/// instance).</summary>
public sealed class PaymentProviderRefusedException(string message) : Exception(message);
