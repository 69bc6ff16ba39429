using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>What differs between a tenant reporting their own repair and an officer reporting one for a tenancy (on
/// the phone or in person); the steps and rules are the same. <see cref="TenancyReference"/> is set for officers: the
/// pages then live under /admin/tenancies/{reference}/report-repair, the officer chooses the channel, the wording is
/// for an officer taking a call, a household alert does not stop booking a time, the officer may set the priority,
/// and the report is audited.</summary>
public sealed record RepairJourneyContext(string OwnerUserId, int TenancyId, int? ReporterTenantId, string ActorName, string? TenancyReference)
{
    public bool ForOfficer => TenancyReference is not null;

    /// <summary>The journey of the page being shown (the controller puts it in the view data).</summary>
    public static RepairJourneyContext Of(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData[nameof(RepairJourneyContext)] as RepairJourneyContext ?? throw new InvalidOperationException("Not a report-a-repair page");

    /// <summary>A household with a cautionary alert can't choose a time online (officers arrange the visit safely).</summary>
    public bool AlertStopsBooking => !ForOfficer;

    public RepairChannel ChannelOf(Repairs.RepairDraft draft) => ForOfficer ? draft.Channel : RepairChannel.Portal;

    /// <summary>The route values of this journey's pages (the officer's carry the tenancy reference).</summary>
    public object RouteValues(object? extra = null) => ForOfficer
        ? new Microsoft.AspNetCore.Routing.RouteValueDictionary(extra) { ["area"] = "", ["tenancy"] = TenancyReference }
        : new Microsoft.AspNetCore.Routing.RouteValueDictionary(extra) { ["area"] = "" };
}
