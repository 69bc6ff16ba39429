namespace TenantPortal.Web.Features.ReportRepair;

public static class ReportRepairFeature
{
    /// <summary>Report a repair (tenant and officer): the journey's context, choices and submission.</summary>
    public static IServiceCollection AddReportRepairJourney(this IServiceCollection services)
    {
        services.AddScoped<RepairJourneyContexts>();
        services.AddScoped<RepairCatalogueChoices>();
        services.AddScoped<RepairAppointmentChoices>();
        services.AddScoped<RepairJourneySubmission>();
        return services;
    }
}
