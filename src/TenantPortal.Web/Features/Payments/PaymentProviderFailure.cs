using Stripe;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Recognises "the payment provider could not be reached or did not answer in time", as opposed to the
/// tenant going away (their own request cancelled).</summary>
public static class PaymentProviderFailure
{
    public const string NotStarted = "We could not reach our card payment provider, so the payment was not started";

    public static bool Is(Exception ex, CancellationToken requestAborted) => ex switch
    {
        StripeException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };
}
