using Microsoft.Extensions.Options;
using Stripe;

namespace TenantPortal.Web.Features.Payments;

public static class PaymentsFeature
{
    /// <summary>The named HttpClient every Stripe call goes through (tests replace its primary handler).</summary>
    public const string StripeHttpClient = "Stripe";

    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.Configure<PaymentTimingOptions>(configuration.GetSection(PaymentTimingOptions.Section));
        services.AddHttpClient(StripeHttpClient)
            .ConfigureHttpClient((sp, c) => c.Timeout = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<StripeOptions>>().Value.TimeoutSeconds)));
        services.AddTransient<IStripeClient>(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeHttpClient);
            return new StripeClient(
                string.IsNullOrWhiteSpace(stripe.SecretKey) ? "sk_not_configured" : stripe.SecretKey,
                httpClient: new SystemNetHttpClient(http, maxNetworkRetries: 2));
        });
        services.AddSingleton<PaymentModeSelector>();
        services.AddScoped<StripePaymentGateway>();
        services.AddSingleton<TestPaymentGateway>();
        services.AddScoped<PaymentGateways>();
        services.AddScoped<RentLedger>();
        services.AddScoped<RentPaymentPoster>();
        services.AddScoped<PaymentService>();
        services.AddScoped<RefundProcessor>();
        services.AddScoped<DisputeProcessor>();
        services.AddSingleton<PaymentReconciliationService>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentReconciliationService>());
        return services;
    }
}
