using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Web.Features.Rent;

public static class RentFeature
{
    /// <summary>The rent account pages and everything paying rent needs (Stripe, posting, webhook, reconciliation).</summary>
    public static IServiceCollection AddRentFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RentAccountQueries>();
        services.AddPaymentsFeature(configuration);
        return services;
    }
}
