namespace TenantPortal.Web.Infrastructure.Texts;

public sealed class TextOptions
{
    public const string Section = "Texts";

    /// <summary>"File" writes one .txt per text to Directory (Development); "GovukNotify" or "Twilio" send them.</summary>
    public string Provider { get; set; } = "File";
    public string Directory { get; set; } = "App_Data/texts";

    /// <summary>GOV.UK Notify: the API key (a "live" or "team" key), the id of a text message template whose whole
    /// content is <c>((body))</c>, optionally a text sender id, and, to post letters through Notify instead of
    /// printing them, the id of a letter template with <c>((heading))</c> and <c>((body))</c>.</summary>
    public string? NotifyApiKey { get; set; }
    public string? NotifySmsTemplateId { get; set; }
    public string? NotifySmsSenderId { get; set; }
    public string? NotifyLetterTemplateId { get; set; }

    /// <summary>The bearer token set in Notify for its delivery-status callbacks ("Callbacks for delivery receipts":
    /// https://{public base url}/callbacks/notify/delivery-status). Without it the callback answers 404.</summary>
    public string? NotifyCallbackToken { get; set; }

    /// <summary>Twilio: the account SID and auth token, and either a sender number in E.164 (From) or a messaging
    /// service SID.</summary>
    public string? TwilioAccountSid { get; set; }
    public string? TwilioAuthToken { get; set; }
    public string? TwilioFrom { get; set; }
    public string? TwilioMessagingServiceSid { get; set; }

    public bool Is(string provider) => string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Start-up checks: a real provider needs its secrets, and Production never writes texts to files.</summary>
    public IEnumerable<string> Problems(bool production)
    {
        if (Is("GovukNotify"))
        {
            if (string.IsNullOrWhiteSpace(NotifyApiKey) || NotifyApiKey.Length < 74)
            {
                yield return "Texts:NotifyApiKey is missing or not a GOV.UK Notify API key (name-serviceid-secret): texts can't be sent.";
            }

            if (!Guid.TryParse(NotifySmsTemplateId, out _))
            {
                yield return "Texts:NotifySmsTemplateId must be the id of a Notify text message template whose content is ((body)).";
            }

            if (!string.IsNullOrEmpty(NotifyCallbackToken) && NotifyCallbackToken.Length < 10)
            {
                yield return "Texts:NotifyCallbackToken must be at least 10 characters (Notify's minimum for a bearer token).";
            }

            if (!string.IsNullOrWhiteSpace(NotifyLetterTemplateId) && !Guid.TryParse(NotifyLetterTemplateId, out _))
            {
                yield return "Texts:NotifyLetterTemplateId must be the id of a Notify letter template (or left empty to print letters).";
            }
        }
        else if (Is("Twilio"))
        {
            if (string.IsNullOrWhiteSpace(TwilioAccountSid) || !TwilioAccountSid.StartsWith("AC", StringComparison.Ordinal))
            {
                yield return "Texts:TwilioAccountSid is missing or does not start with AC: texts can't be sent.";
            }

            if (string.IsNullOrWhiteSpace(TwilioAuthToken))
            {
                yield return "Texts:TwilioAuthToken is missing: texts can't be sent.";
            }

            if (string.IsNullOrWhiteSpace(TwilioFrom) && string.IsNullOrWhiteSpace(TwilioMessagingServiceSid))
            {
                yield return "Texts:TwilioFrom (a number in E.164) or Texts:TwilioMessagingServiceSid is needed: texts need a sender.";
            }
        }
        else if (!Is("File"))
        {
            yield return $"Texts:Provider '{Provider}' is not known. Use 'GovukNotify', 'Twilio' or (Development) 'File'.";
        }
        else if (production)
        {
            yield return "Texts:Provider must be 'GovukNotify' or 'Twilio' in Production: files in a folder reach nobody.";
        }
    }
}
