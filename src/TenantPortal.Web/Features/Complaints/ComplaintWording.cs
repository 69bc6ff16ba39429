using System.Globalization;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>Plain words for complaints, for tenants and officers alike.</summary>
public static class ComplaintWording
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Status(ComplaintStatus status, int stage) => status switch
    {
        ComplaintStatus.AwaitingAcknowledgement => stage == 1 ? "We have your complaint" : "You asked us to look again",
        ComplaintStatus.Investigating => stage == 1 ? "We are looking into it" : "We are looking into it again",
        ComplaintStatus.Responded => "We have replied",
        ComplaintStatus.Closed => "We have sent our final reply",
        _ => status.ToString(),
    };

    public static string StatusTag(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Responded or ComplaintStatus.Closed => "tag tag--green",
        _ => "tag tag--blue",
    };

    public static string Topic(ComplaintTopic topic) => topic switch
    {
        ComplaintTopic.Repair => "A repair",
        ComplaintTopic.Payment => "Rent or a payment",
        ComplaintTopic.ContactDetails => "Your contact details",
        _ => "Something else",
    };

    public static string Channel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Portal => "Online",
        ComplaintChannel.Phone => "By phone",
        ComplaintChannel.InPerson => "In person",
        ComplaintChannel.Letter => "By letter",
        _ => "By email",
    };

    public static string Letter(ComplaintLetterKind kind) => kind switch
    {
        ComplaintLetterKind.Received => "We received your complaint",
        ComplaintLetterKind.Acknowledgement => "We acknowledged your complaint",
        ComplaintLetterKind.Extension => "We need more time",
        ComplaintLetterKind.Response => "Our reply",
        _ => "You asked us to look again",
    };

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnGb);
}
