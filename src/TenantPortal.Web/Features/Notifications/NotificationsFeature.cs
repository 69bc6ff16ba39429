using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>Messages about the home: <see cref="TenantNotifier"/> (who, which channel), <see cref="TenantMessages"/>
/// (what each says), texts through the configured provider (<see cref="TextOptions"/>), letters to print, and the
/// appointment reminder job. See docs/notifications.md.</summary>
public static class NotificationsFeature
{
    /// <summary>The named HttpClients the text providers go through (tests replace their primary handlers).</summary>
    public const string NotifyHttpClient = TextsFeature.NotifyHttpClient;
    public const string TwilioHttpClient = TextsFeature.TwilioHttpClient;

    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TextOptions>(configuration.GetSection(TextOptions.Section));
        services.AddHttpClient(TextsFeature.NotifyHttpClient).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TextsFeature.TwilioHttpClient).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30));
        var texts = configuration.GetSection(TextOptions.Section).Get<TextOptions>() ?? new TextOptions();
        if (texts.Is("GovukNotify"))
        {
            services.AddSingleton<GovukNotifyTextSender>();
            services.AddSingleton<ITextSender>(sp => sp.GetRequiredService<GovukNotifyTextSender>());
            if (!string.IsNullOrWhiteSpace(texts.NotifyLetterTemplateId))
            {
                services.AddSingleton<ILetterSender>(sp => sp.GetRequiredService<GovukNotifyTextSender>());
            }
        }
        else if (texts.Is("Twilio"))
        {
            services.AddSingleton<ITextSender, TwilioTextSender>();
        }
        else
        {
            services.AddSingleton<ITextSender, FileTextSender>();
        }

        services.Configure<Infrastructure.Email.Bounces.BounceMailboxOptions>(configuration.GetSection(Infrastructure.Email.Bounces.BounceMailboxOptions.Section));
        services.AddScoped<Infrastructure.Email.LateDeliveryFailures>();
        services.AddSingleton<Infrastructure.Email.Bounces.BounceMailboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Infrastructure.Email.Bounces.BounceMailboxWorker>());
        services.AddSingleton<TenantMessages>();
        services.AddScoped<TenantNotifier>();
        services.AddScoped<RepairNotifications>();
        services.AddScoped<AppointmentReminders>();
        services.AddHostedService<AppointmentReminderWorker>();
        return services;
    }

}
