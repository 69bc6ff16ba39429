namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>Finds one journey's answers: which journey, whose, and about what (see <see cref="Data.Portal.JourneyState"/>).</summary>
public readonly record struct JourneyKey(string Journey, string OwnerUserId, string Subject);
