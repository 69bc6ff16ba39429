using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Features.Shared.Journeys;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>Report-a-repair's questions in order, each named after the action that asks it
/// (<see cref="ReportRepairController"/>), with what answers it.</summary>
public static class ReportRepairSteps
{
    public static readonly JourneySteps<RepairDraft> All = new(
        new(nameof(ReportRepairController.Where), d => d.Area is not null),
        new(nameof(ReportRepairController.What), d => d.Item is not null),
        new(nameof(ReportRepairController.Problem), d => d.CatalogueItemId is not null),
        new(nameof(ReportRepairController.Describe), d => d.Description is not null),
        new(nameof(ReportRepairController.Photos), d => d.PhotosDone),
        new(nameof(ReportRepairController.Access), d => d.AccessDone),
        new(nameof(ReportRepairController.Appointment), d => d.AppointmentDone),
        new(nameof(ReportRepairController.Check), _ => false));

    /// <summary>A new place or item makes the later answers that depend on it unanswered again.</summary>
    public static void ForgetProblem(RepairDraft draft)
    {
        draft.CatalogueItemId = null;
        draft.SlotId = null;
        draft.AppointmentDone = false;
        draft.CallToArrange = false;
        draft.PriorityOverride = null;
        draft.PriorityReason = null;
    }
}
