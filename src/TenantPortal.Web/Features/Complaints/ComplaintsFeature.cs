namespace TenantPortal.Web.Features.Complaints;

public static class ComplaintsFeature
{
    /// <summary>Complaints under the Housing Ombudsman's Complaint Handling Code: <see cref="ComplaintCode"/> (the
    /// timescales), <see cref="ComplaintHandling"/> (every change), <see cref="ComplaintMessages"/> (what the tenant is sent).</summary>
    public static IServiceCollection AddComplaintsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ComplaintCode>();
        services.AddScoped<ComplaintMessages>();
        services.AddScoped<ComplaintHandling>();
        return services;
    }
}
