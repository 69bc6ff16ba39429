namespace TenantPortal.Web.Features.Errors;

/// <summary>The "service unavailable" page: what the user sent (to send again) and where to send it.</summary>
public sealed record ServiceUnavailableViewModel(string TraceId, IReadOnlyList<KeyValuePair<string, string>> Fields, bool HadFiles)
{
    /// <summary>The form's address when the failure happened on a POST; null for a page that failed to load.</summary>
    public string? RetryUrl { get; init; }
}
