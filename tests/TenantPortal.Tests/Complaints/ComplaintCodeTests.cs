using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Complaints;

/// <summary>The Housing Ombudsman's Complaint Handling Code's timescales on the England and Wales calendar:
/// 6.2 "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure within five working
/// days of the complaint being received"; 6.3 "Landlords must issue a full response to stage 1 complaints within 10
/// working days of the complaint being acknowledged"; an extension "must be no more than 10 working days" (20 at
/// stage 2, whose response is due "within 20 working days of the complaint being acknowledged").</summary>
public sealed class ComplaintCodeTests
{
    private static readonly ComplaintCode Code = new(WorkingDayCalendar.EnglandAndWales);

    private static DateTime Utc(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static ComplaintStage AcknowledgedStage(int stage, DateTime acknowledgedAt, int extension = 0)
    {
        var s = new ComplaintStage { Stage = stage, RequestedAt = Utc(2026, 11, 10), AcknowledgeBy = Code.AcknowledgeBy(Utc(2026, 11, 10)), AcknowledgedAt = acknowledgedAt, ExtensionDays = extension };
        s.RespondBy = Code.RespondBy(stage, s.AcknowledgeBy, acknowledgedAt, extension);
        return s;
    }

    [Fact]
    public void A_complaint_received_on_a_Tuesday_must_be_acknowledged_within_five_working_days_by_the_next_Tuesday()
    {
        Assert.Equal(new DateOnly(2026, 11, 17), Code.AcknowledgeBy(Utc(2026, 11, 10)));
    }

    [Fact]
    public void Acknowledgement_days_skip_Christmas_Boxing_Day_substitute_and_New_Year_bank_holidays()
    {
        // Wed 23 Dec 2026: Thu 24, Tue 29, Wed 30, Thu 31, Mon 4 Jan (25 Dec, 28 Dec and 1 Jan are bank holidays).
        Assert.Equal(new DateOnly(2027, 1, 4), Code.AcknowledgeBy(Utc(2026, 12, 23)));
    }

    [Fact]
    public void A_stage_1_response_on_the_10th_working_day_after_acknowledgement_is_within_the_Code_and_on_the_11th_is_not()
    {
        var tenth = AcknowledgedStage(1, Utc(2026, 11, 17));
        tenth.RespondedAt = Utc(2026, 12, 1, 23, 30); // 23:30 on Tuesday 1 December (GMT): the 10th working day
        var eleventh = AcknowledgedStage(1, Utc(2026, 11, 17));
        eleventh.RespondedAt = Utc(2026, 12, 2, 9);

        Assert.Equal(new DateOnly(2026, 12, 1), tenth.RespondBy);
        Assert.True(ComplaintCode.RespondedInTime(tenth));
        Assert.False(ComplaintCode.RespondedInTime(eleventh));
    }

    [Fact]
    public void A_stage_1_extension_of_10_working_days_moves_the_response_date_and_a_reply_a_day_later_is_still_late()
    {
        var extended = AcknowledgedStage(1, Utc(2026, 11, 17), extension: 10);
        extended.RespondedAt = Utc(2026, 12, 15, 16);
        var late = AcknowledgedStage(1, Utc(2026, 11, 17), extension: 10);
        late.RespondedAt = Utc(2026, 12, 16, 9);

        Assert.Equal(new DateOnly(2026, 12, 15), extended.RespondBy);
        Assert.True(ComplaintCode.RespondedInTime(extended));
        Assert.False(ComplaintCode.RespondedInTime(late));
        Assert.Equal(10, ComplaintCode.MaxExtensionWorkingDays(1));
        Assert.Equal(20, ComplaintCode.MaxExtensionWorkingDays(2));
    }

    [Fact]
    public void A_late_acknowledgement_does_not_give_more_time_to_respond()
    {
        // Due to be acknowledged by Tue 17 Nov, acknowledged on Fri 20 Nov: the response is still due 10 working days after the 17th.
        Assert.Equal(new DateOnly(2026, 12, 1), Code.RespondBy(1, new DateOnly(2026, 11, 17), Utc(2026, 11, 20), 0));
    }

    [Fact]
    public void A_stage_2_response_is_due_20_working_days_after_the_escalation_is_acknowledged()
    {
        var stage2 = AcknowledgedStage(2, Utc(2026, 11, 17));

        Assert.Equal(new DateOnly(2026, 12, 15), stage2.RespondBy);
    }

    [Fact]
    public void A_stage_never_acknowledged_or_never_answered_is_not_within_the_Code()
    {
        Assert.False(ComplaintCode.RespondedInTime(new ComplaintStage { Stage = 1, AcknowledgeBy = new DateOnly(2026, 11, 17) }));
        Assert.False(ComplaintCode.RespondedInTime(AcknowledgedStage(1, Utc(2026, 11, 17))));
    }
}
