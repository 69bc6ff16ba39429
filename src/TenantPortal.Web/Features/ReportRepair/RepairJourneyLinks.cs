using Microsoft.AspNetCore.Mvc;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>Typed links to report-a-repair's pages and to where the user goes afterwards, for the tenant's or the
/// officer's journey (<see cref="RepairJourneyContext"/>).</summary>
public static class RepairJourneyLinks
{
    private const string Controller = "ReportRepair";

    public static string JourneyStep(this IUrlHelper url, RepairJourneyContext journey, string step, bool change = false) =>
        url.Action(step, Controller, journey.RouteValues(change ? new { change = "true" } : null))!;

    public static string JourneyPhoto(this IUrlHelper url, RepairJourneyContext journey, string name) =>
        url.Action(nameof(ReportRepairController.DraftPhoto), Controller, journey.RouteValues(new { name }))!;

    public static string JourneyConfirmation(this IUrlHelper url, RepairJourneyContext journey, string reference) =>
        url.Action(nameof(ReportRepairController.Confirmation), Controller, journey.RouteValues(new { reference }))!;

    /// <summary>The tenant's repairs, or the officers' repairs queue.</summary>
    public static string RepairsHome(this IUrlHelper url, RepairJourneyContext journey) => journey.ForOfficer
        ? url.Action(nameof(Admin.Repairs.RepairsController.Index), "Repairs", new { area = "Admin" })!
        : url.Action(nameof(Repairs.RepairsController.Index), "Repairs", new { area = "" })!;

    public static string Repair(this IUrlHelper url, RepairJourneyContext journey, string reference) => journey.ForOfficer
        ? url.Action(nameof(Admin.Repairs.RepairsController.Show), "Repairs", new { area = "Admin", reference })!
        : url.Action(nameof(Repairs.RepairsController.Details), "Repairs", new { area = "", reference })!;
}
