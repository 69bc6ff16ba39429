using TenantPortal.Web.Features.ReportRepair;

namespace TenantPortal.Web.Features.Repairs;

public static class RepairsFeature
{
    /// <summary>Repairs: report, book, follow. Services other features may reuse: <see cref="WorkingDayCalendar"/>,
    /// <see cref="RepairTargets"/>, <see cref="RepairReferenceGenerator"/>, <see cref="AppointmentBooking"/>,
    /// <see cref="RepairReporting"/>, <see cref="RepairPhotoStore"/> (photo bytes behind <see cref="IPhotoContentStore"/>, deleted by
    /// <see cref="PhotoRetention"/>), <see cref="RepairQueries"/>.</summary>
    public static IServiceCollection AddRepairsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RepairsOptions>(configuration.GetSection(RepairsOptions.Section));
        services.AddSingleton(_ => LandlordRules.From(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<LandlordRules>().Calendar);
        services.AddSingleton(sp => new RepairTargets(
            sp.GetRequiredService<WorkingDayCalendar>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RepairsOptions>>().Value.Targets,
            sp.GetRequiredService<LandlordRules>().AwaabsLawApplies));
        services.AddSingleton(sp => sp.GetRequiredService<RepairTargets>().Clocks);
        services.AddSingleton<HazardCaseSteps>();
        services.AddScoped<HazardCases>();
        services.AddSingleton<RightToRepair>();
        services.AddScoped<RightToRepairCases>();
        services.AddScoped<RepairDraftStore>();
        services.AddScoped<RepairPhotoStore>();
        if (configuration.GetValue<PhotoStorage>($"{RepairsOptions.Section}:{nameof(RepairsOptions.PhotoStorage)}") == PhotoStorage.Folder)
        {
            services.AddSingleton<IPhotoContentStore, FolderPhotoContentStore>();
        }
        else
        {
            services.AddScoped<IPhotoContentStore, DatabasePhotoContentStore>();
        }

        services.AddScoped<PhotoRetention>();
        services.AddHostedService<PhotoRetentionWorker>();
        services.AddScoped<RepairReferenceGenerator>();
        services.AddScoped<AppointmentBooking>();
        services.AddScoped<RepairLifecycle>();
        services.AddScoped<RepairRecalls>();
        services.AddScoped<RepairReporting>();
        services.AddScoped<RepairQueries>();
        services.AddReportRepairJourney();
        return services;
    }
}
