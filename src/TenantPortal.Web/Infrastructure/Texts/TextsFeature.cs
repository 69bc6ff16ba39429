namespace TenantPortal.Web.Infrastructure.Texts;

public static class TextsFeature
{
    public const string NotifyHttpClient = "GovukNotify";
    public const string TwilioHttpClient = "Twilio";
}
