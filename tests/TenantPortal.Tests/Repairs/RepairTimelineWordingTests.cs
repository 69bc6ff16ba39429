using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

public sealed class RepairTimelineWordingTests
{
    private static readonly DateTime At = new(2026, 11, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_event_has_its_own_words_and_a_status_heading_only_where_the_status_changed()
    {
        var timeline = RepairWording.Timeline(
        [
            (At, RepairStatus.Reported, null),
            (At.AddHours(1), RepairStatus.Booked, "Appointment booked: Thursday 12 November, morning"),
            (At.AddHours(2), RepairStatus.Booked, "Appointment cancelled"),
            (At.AddHours(3), RepairStatus.Booked, null),
            (At.AddHours(4), RepairStatus.Completed, "Washer replaced"),
        ]);

        Assert.Equal(
            [("We have your report", null), ("Appointment booked", "Appointment booked: Thursday 12 November, morning"), ("Appointment cancelled", null), ("Finished", "Washer replaced")],
            timeline.Select(e => (e.Status, e.Note)));
    }
}
