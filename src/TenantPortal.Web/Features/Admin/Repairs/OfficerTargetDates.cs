using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>TO RECONCILE AT MERGE: the target date for an officer's priority change, on the shared WorkingDays, until
/// the repairs feature's RepairTargets lands (then call that and delete this class). Same rule as the demo seeder:
/// Emergency: the next day (attend within 24 hours); Urgent: 5 working days; Routine: 20 working days, counted from
/// the UK day the repair was reported.</summary>
public static class OfficerTargetDates
{
    public static DateOnly TargetFor(RepairPriority priority, DateOnly reported) => priority switch
    {
        RepairPriority.Emergency => reported.AddDays(1),
        RepairPriority.Urgent => WorkingDays.AddWorkingDays(reported, 5),
        _ => WorkingDays.AddWorkingDays(reported, 20),
    };
}
