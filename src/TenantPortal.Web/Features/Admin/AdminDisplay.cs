using System.Globalization;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Admin;

/// <summary>Plain-English labels and tag colours shared by the admin pages.</summary>
public static class AdminDisplay
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount) => amount.ToString("C", EnGb);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", EnGb);

    public static string Date(DateTime utc) => UkTime.ToUk(utc).ToString("d MMM yyyy", EnGb);

    public static string DateTime(DateTime utc) => UkTime.ToUk(utc).ToString("d MMM yyyy HH:mm", EnGb);

    public static string Status(RepairStatus status) => status switch
    {
        RepairStatus.Reported => "Reported",
        RepairStatus.Booked => "Booked",
        RepairStatus.InProgress => "In progress",
        RepairStatus.OnHold => "On hold",
        RepairStatus.Completed => "Completed",
        RepairStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string StatusTag(RepairStatus status) => status switch
    {
        RepairStatus.Completed => "tag tag--green",
        RepairStatus.Cancelled => "tag tag--grey",
        RepairStatus.OnHold => "tag tag--yellow",
        _ => "tag",
    };

    public static string PriorityTag(RepairPriority priority) => priority switch
    {
        RepairPriority.Emergency => "tag tag--red",
        RepairPriority.Urgent => "tag tag--yellow",
        _ => "tag tag--grey",
    };

    public static string Hazard(HazardType hazard) => hazard switch
    {
        HazardType.DampAndMould => "Damp and mould",
        HazardType.Emergency => "Emergency hazard",
        _ => "None",
    };

    public static string Priority(RepairPriority priority) => priority.ToString();

    public static string Trade(Trade trade) => trade.ToString();

    public static string Channel(RepairChannel channel) => channel switch
    {
        RepairChannel.Portal => "Online",
        RepairChannel.Phone => "Phone",
        RepairChannel.Officer => "Officer",
        _ => channel.ToString(),
    };
}
