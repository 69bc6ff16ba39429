namespace TenantPortal.Web.Features.Repairs;

public static class RepairsFeature
{
    /// <summary>Repairs: report, book, follow. Services other features may reuse: <see cref="WorkingDayCalendar"/>,
    /// <see cref="RepairTargets"/>, <see cref="RepairReferenceGenerator"/>, <see cref="AppointmentBooking"/>,
    /// <see cref="RepairReporting"/>, <see cref="RepairPhotoStore"/>, <see cref="RepairQueries"/>.</summary>
    public static IServiceCollection AddRepairsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RepairsOptions>(configuration.GetSection(RepairsOptions.Section));
        services.AddSingleton(sp => new WorkingDayCalendar(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RepairsOptions>>()));
        services.AddSingleton<RepairTargets>();
        services.AddScoped<RepairDraftStore>();
        services.AddScoped<Shared.Journeys.IAbandonedJourneyHandler, AbandonedRepairDraftHandler>();
        services.AddSingleton<RepairPhotoStore>();
        services.AddScoped<RepairReferenceGenerator>();
        services.AddScoped<AppointmentBooking>();
        services.AddScoped<RepairLifecycle>();
        services.AddScoped<RepairReporting>();
        services.AddScoped<RepairQueries>();
        return services;
    }
}
