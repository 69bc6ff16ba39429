using System.Net;
using Microsoft.Extensions.Logging;
using Stripe;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

public sealed class ProviderFailureTests
{
    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    private static StripeException Answered(HttpStatusCode status, string type)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Request-Id", "req_abc123");
        return new StripeException(status, new StripeError { Type = type, Message = "Keys for idempotent requests can only be used with the same parameters" }, "refused")
        {
            StripeResponse = new StripeResponse(status, response.Headers, "{}"),
        };
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ProviderFailure.Refused)]
    [InlineData(HttpStatusCode.Unauthorized, ProviderFailure.Refused)]
    [InlineData(HttpStatusCode.NotFound, ProviderFailure.Refused)]
    [InlineData(HttpStatusCode.Conflict, ProviderFailure.Unreachable)]
    [InlineData(HttpStatusCode.TooManyRequests, ProviderFailure.Unreachable)]
    [InlineData(HttpStatusCode.InternalServerError, ProviderFailure.Unreachable)]
    public void Stripe_errors_are_split_into_a_wrong_request_and_an_unreachable_provider(HttpStatusCode status, ProviderFailure expected)
    {
        Assert.Equal(expected, PaymentProviderFailure.Classify(Answered(status, "invalid_request_error"), CancellationToken.None));
    }

    [Fact]
    public void A_network_failure_is_unreachable_and_the_tenant_going_away_is_not_a_provider_failure()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.Equal(ProviderFailure.Unreachable, PaymentProviderFailure.Classify(new HttpRequestException("refused"), CancellationToken.None));
        Assert.Equal(ProviderFailure.Unreachable, PaymentProviderFailure.Classify(new TaskCanceledException(), CancellationToken.None));
        Assert.Equal(ProviderFailure.None, PaymentProviderFailure.Classify(new TaskCanceledException(), gone.Token));
    }

    [Fact]
    public void A_refused_request_is_logged_as_an_error_with_stripes_request_id_and_error_type()
    {
        var logger = new RecordingLogger();

        PaymentProviderFailure.Log(logger, Answered(HttpStatusCode.BadRequest, "idempotency_error"), "starting checkout", Guid.NewGuid(), CancellationToken.None);

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("req_abc123", message, StringComparison.Ordinal);
        Assert.Contains("idempotency_error", message, StringComparison.Ordinal);
        Assert.Contains("not retried", message, StringComparison.Ordinal);
    }
}
