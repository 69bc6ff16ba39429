using TenantPortal.Web.Features.Admin.Dashboard;
using TenantPortal.Web.Features.Admin.Repairs;
using TenantPortal.Web.Features.Admin.Tenancies;

namespace TenantPortal.Web.Features.Admin;

/// <summary>The officers' operations pages: dashboard, repairs queue and actions, tenancies, audit log.</summary>
public static class AdminOperationsFeature
{
    public static IServiceCollection AddAdminOperationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<ServiceMeasures>();
        services.AddSingleton<MeasuresCache>();
        services.AddScoped<RepairQueue>();
        services.AddScoped<RepairQueueSession>();
        services.AddScoped<RepairQueueExport>();
        services.AddScoped<Audit.AuditLogView>();
        services.AddScoped<RepairOfficerActions>();
        services.AddScoped<TenantInformation>();
        services.AddScoped<PortalAccountActions>();
        return services;
    }
}
