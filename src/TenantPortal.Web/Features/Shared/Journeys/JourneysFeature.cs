namespace TenantPortal.Web.Features.Shared.Journeys;

public static class JourneysFeature
{
    /// <summary>Multi-page forms' answers in the portal database, and the job that deletes abandoned ones.</summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        services.AddScoped<JourneyStore>();
        services.AddSingleton<AbandonedJourneyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonedJourneyCleanup>());
        return services;
    }
}
