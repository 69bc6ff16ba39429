using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>The Housing Ombudsman's Complaint Handling Code's timescales (statutory since 1 April 2024), on the
/// landlord's working-day calendar. Working days are counted from the day after the event ("within five working days of
/// the complaint being received": received on Monday, acknowledged by the following Monday).
/// <list type="bullet">
/// <item>6.2 "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure within five
/// working days of the complaint being received."</item>
/// <item>6.3 "Landlords must issue a full response to stage 1 complaints within 10 working days of the complaint being
/// acknowledged." 6.4: an extension "must be no more than 10 working days without good reason", and the resident is
/// told why.</item>
/// <item>6.12 / 6.13: stage 2 requests acknowledged within five working days of the escalation request; a response
/// "within 20 working days of the complaint being acknowledged", extension no more than 20 working days.</item>
/// </list>
/// A late acknowledgement does not give the landlord more time: the response is due that many working days after the
/// acknowledgement or after the date it was due, whichever is earlier.</summary>
public sealed class ComplaintCode(WorkingDayCalendar calendar)
{
    public const int AcknowledgeWithinWorkingDays = 5;

    public static int RespondWithinWorkingDays(int stage) => stage == 1 ? 10 : 20;

    public static int MaxExtensionWorkingDays(int stage) => stage == 1 ? 10 : 20;

    public DateOnly AcknowledgeBy(DateTime requestedAtUtc) =>
        calendar.AddWorkingDays(UkTime.DateOf(requestedAtUtc), AcknowledgeWithinWorkingDays);

    public DateOnly RespondBy(int stage, DateOnly acknowledgeBy, DateTime acknowledgedAtUtc, int extensionDays)
    {
        var acknowledged = UkTime.DateOf(acknowledgedAtUtc);
        var from = acknowledged < acknowledgeBy ? acknowledged : acknowledgeBy;
        return calendar.AddWorkingDays(from, RespondWithinWorkingDays(stage) + extensionDays);
    }

    /// <summary>Whether a stage was answered within the Code's timescale (CH02): on or before its respond-by date,
    /// extensions included, in UK time.</summary>
    public static bool RespondedInTime(ComplaintStage stage) =>
        stage.RespondedAt is { } at && stage.RespondBy is { } by && UkTime.DateOf(at) <= by;
}
