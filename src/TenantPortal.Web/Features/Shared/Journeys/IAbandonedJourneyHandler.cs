namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>Cleans up what a journey left outside its answers (e.g. uploaded photos) when it is abandoned.</summary>
public interface IAbandonedJourneyHandler
{
    string Journey { get; }

    Task OnAbandonedAsync(string data, CancellationToken ct);
}
