namespace TenantPortal.Web.Features.ContactDetails;

public static class ContactDetailsFeature
{
    /// <summary>The tenant's contact details pages and the officers' view and edit of them.</summary>
    public static IServiceCollection AddContactDetailsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<ContactDetailsService>();
        services.AddScoped<EmailChangeService>();
        services.AddSingleton<EmailChangeTokens>();
        services.AddSingleton<RecentPassword>();
        return services;
    }
}
