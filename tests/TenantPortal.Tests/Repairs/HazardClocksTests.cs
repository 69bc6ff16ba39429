using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>The Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 (Awaab's Law), SI
/// 2025/1042, in force 27 October 2025. Significant hazards: investigate "within 10 working days of becoming aware"
/// (regulation 6); a written summary "within 3 working days of the investigation concluding" (regulation 9); relevant
/// safety work "within 5 working days of the investigation concluding" (regulation 11(2)(a)); supplementary
/// preventative work physically started "within 12 weeks" of the investigation concluding. Emergency hazards:
/// investigate and make safe "within 24 hours" of becoming aware. Times in UK time (Europe/London). The timescales match
/// published commentaries; the statutory instrument's own words and regulation numbers were not available to check
/// (docs/repairs.md, "Sources of the quotes").</summary>
public sealed class HazardClocksTests
{
    private static readonly RepairTargets Targets = new(WorkingDayCalendar.EnglandAndWales);
    private static readonly HazardCaseSteps Steps = new(Targets);

    /// <summary>A UK local time as the UTC instant the database holds.</summary>
    private static DateTime Uk(int year, int month, int day, int hour, int minute = 0) =>
        UkTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static DateTime EndOfUkDay(int year, int month, int day) => Uk(year, month, day, 23, 59).AddSeconds(59);

    private static Repair Reported(HazardType kind, DateTime reportedAt, RepairPriority priority = RepairPriority.Urgent)
    {
        var repair = new Repair { Reference = "R2026-00001", Description = "Mould", Location = "Bedroom", Priority = priority, ReportedAt = reportedAt };
        Steps.Classify(repair, kind, reportedAt, "Tenant", null, reportedAt);
        return repair;
    }

    private static HazardStep Step(Repair repair, HazardStepKind kind) => Targets.Clocks.Steps(repair.HazardCase!).Single(s => s.Kind == kind);

    [Fact]
    public void Damp_reported_Monday_2_November_at_10am_must_be_investigated_within_10_working_days_by_the_end_of_Monday_16_November()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 2, 10));

        Assert.Equal(EndOfUkDay(2026, 11, 16), Step(repair, HazardStepKind.Investigate).DueAt);
        Assert.Equal(EndOfUkDay(2026, 11, 16), repair.InvestigateBy);
    }

    [Fact]
    public void Damp_investigated_Wednesday_4_November_gives_summary_by_Monday_9_safety_work_by_Wednesday_11_November_and_further_work_started_by_Wednesday_27_January()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 2, 10));

        Steps.RecordInvestigation(repair, Uk(2026, 11, 4, 14), "Surveyor", hazardFound: true, HazardType.DampAndMould, "Black mould", furtherWorkNeeded: true, Uk(2026, 11, 4, 15));

        // "within 3 working days of the investigation concluding", "within 5 working days", "within 12 weeks"
        Assert.Equal(EndOfUkDay(2026, 11, 9), Step(repair, HazardStepKind.WrittenSummary).DueAt);
        Assert.Equal(EndOfUkDay(2026, 11, 11), Step(repair, HazardStepKind.SafetyWork).DueAt);
        Assert.Equal(EndOfUkDay(2027, 1, 27), Step(repair, HazardStepKind.FurtherWork).DueAt);
        Assert.Equal(new DateOnly(2026, 11, 9), repair.WrittenSummaryBy);
        Assert.Equal(new DateOnly(2026, 11, 11), repair.SafetyWorkBy);
        Assert.Equal(new DateOnly(2027, 1, 27), repair.FurtherWorkStartBy);
    }

    [Fact]
    public void Damp_reported_Friday_18_December_is_investigated_by_Wednesday_6_January_because_Christmas_Boxing_Day_substitute_and_New_Year_are_not_working_days()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 12, 18, 11));

        Assert.Equal(EndOfUkDay(2027, 1, 6), Step(repair, HazardStepKind.Investigate).DueAt);
    }

    [Fact]
    public void Emergency_hazard_at_Friday_6_November_23_00_must_be_made_safe_within_24_hours_by_Saturday_23_00_and_is_overdue_at_23_01()
    {
        var repair = Reported(HazardType.Emergency, Uk(2026, 11, 6, 23), RepairPriority.Emergency);
        var makeSafe = Step(repair, HazardStepKind.MakeSafe);

        Assert.Equal(Uk(2026, 11, 7, 23), makeSafe.DueAt);
        Assert.Equal(Uk(2026, 11, 7, 23), Step(repair, HazardStepKind.Investigate).DueAt);
        Assert.False(makeSafe.IsOverdueAt(Uk(2026, 11, 7, 23)));
        Assert.True(makeSafe.IsOverdueAt(Uk(2026, 11, 7, 23, 1)));
        Assert.Equal(TimeSpan.FromMinutes(1), makeSafe.OverdueBy(Uk(2026, 11, 7, 23, 1)));
    }

    [Fact]
    public void Phoned_Friday_6_November_17_55_and_keyed_Monday_9_November_the_clock_starts_at_the_call_so_investigate_by_Friday_20_November()
    {
        // "within 10 working days of becoming aware": the landlord became aware on the phone, not when it was keyed.
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 9, 9));

        Steps.RecordAware(repair, Uk(2026, 11, 6, 17, 55), "Contact centre", Uk(2026, 11, 9, 9, 5));

        Assert.Equal(EndOfUkDay(2026, 11, 20), Step(repair, HazardStepKind.Investigate).DueAt);
        Assert.Equal(EndOfUkDay(2026, 11, 20), repair.InvestigateBy);
    }

    [Fact]
    public void An_emergency_reported_Saturday_27_March_2027_at_noon_GMT_is_due_24_elapsed_hours_later_at_1pm_BST_on_Sunday_28_March()
    {
        // The clocks go forward at 1am on Sunday 28 March 2027: 24 hours is elapsed time, not the same clock time.
        var repair = Reported(HazardType.Emergency, Uk(2027, 3, 27, 12), RepairPriority.Emergency);

        var due = Step(repair, HazardStepKind.MakeSafe).DueAt;

        Assert.Equal(Uk(2027, 3, 28, 13), due);
        Assert.Equal(TimeSpan.FromHours(24), due - repair.ReportedAt);
    }

    [Theory]
    [InlineData(28, 0, 30)]  // Sunday 28 March 00:30 GMT, before the change
    [InlineData(28, 23, 30)] // Sunday 28 March 23:30 BST: 22:30 UTC, still the 28th in the UK
    [InlineData(29, 0, 30)]  // Monday 29 March (Easter Monday) 00:30 BST: 23:30 UTC on the 28th, but the 29th in the UK
    public void Damp_reported_on_28_or_29_March_2027_across_the_clock_change_counts_10_working_days_from_the_UK_date_to_the_end_of_Monday_12_April_in_BST(int day, int hour, int minute)
    {
        // Easter Monday 29 March 2027 is a bank holiday, so both counts start on Tuesday 30 March: 30, 31 March, 1, 2, 5 to 9, 12 April.
        var repair = Reported(HazardType.DampAndMould, Uk(2027, 3, day, hour, minute));

        var due = Step(repair, HazardStepKind.Investigate).DueAt;

        Assert.Equal(EndOfUkDay(2027, 4, 12), due);
        Assert.Equal(new DateTime(2027, 4, 12, 22, 59, 59, DateTimeKind.Utc), due); // 23:59:59 BST
    }

    [Fact]
    public void An_emergency_job_reported_Monday_09_00_and_completed_Tuesday_21_00_took_36_hours_so_is_not_within_its_24_hour_target()
    {
        var reported = Uk(2026, 11, 2, 9);

        Assert.False(Targets.IsWithinTarget(RepairPriority.Emergency, reported, Uk(2026, 11, 3, 21)));
        Assert.True(Targets.IsWithinTarget(RepairPriority.Emergency, reported, Uk(2026, 11, 3, 9)));
        Assert.Equal(Uk(2026, 11, 3, 9), Targets.DueAt(RepairPriority.Emergency, reported));
    }

    [Fact]
    public void Urgent_and_routine_targets_are_the_landlords_configured_working_days_to_the_end_of_the_UK_day()
    {
        var reported = Uk(2026, 11, 2, 10);
        var targets = new RepairTargets(WorkingDayCalendar.EnglandAndWales, new RepairTargetDays { UrgentWorkingDays = 3, RoutineWorkingDays = 10 });

        Assert.Equal(EndOfUkDay(2026, 11, 9), Targets.DueAt(RepairPriority.Urgent, reported)); // default 5
        Assert.Equal(EndOfUkDay(2026, 11, 30), Targets.DueAt(RepairPriority.Routine, reported)); // default 20
        Assert.Equal(EndOfUkDay(2026, 11, 5), targets.DueAt(RepairPriority.Urgent, reported));
        Assert.Equal(EndOfUkDay(2026, 11, 16), targets.DueAt(RepairPriority.Routine, reported));
    }

    [Fact]
    public void A_missed_step_stays_due_and_overdue_until_it_is_done_and_the_case_stays_open_while_a_later_step_is_due()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 2, 10));
        Steps.RecordInvestigation(repair, Uk(2026, 11, 4, 14), "Surveyor", hazardFound: true, HazardType.DampAndMould, "Mould", furtherWorkNeeded: true, Uk(2026, 11, 4, 15));
        var late = Uk(2026, 11, 20, 9);

        var next = Targets.Clocks.Next(repair.HazardCase!)!;

        Assert.Equal(HazardStepKind.WrittenSummary, next.Kind); // missed on 9 November: still the next step, not skipped
        Assert.True(next.IsOverdueAt(late));
        Assert.Equal("10 days 9 hours", HazardClocks.Duration(next.OverdueBy(late)));

        Steps.RecordSummarySent(repair, late, "Officer", "Summary", late);
        Steps.RecordSafetyWork(repair, late, "Mould treated", late);

        Assert.True(repair.HazardCase!.IsOpen); // further work still due
        Assert.Equal(nameof(HazardStepKind.FurtherWork), repair.HazardCase.NextStep);
        Steps.RecordFurtherWorkStarted(repair, late, "Ventilation ordered", late);
        Assert.False(repair.HazardCase.IsOpen);
    }

    [Fact]
    public void No_hazard_found_still_needs_the_written_summary_but_no_safety_work()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 2, 10));

        Steps.RecordInvestigation(repair, Uk(2026, 11, 4, 14), "Surveyor", hazardFound: false, HazardType.None, "Condensation only", furtherWorkNeeded: true, Uk(2026, 11, 4, 15));

        var steps = Targets.Clocks.Steps(repair.HazardCase!);
        Assert.Equal([HazardStepKind.Investigate, HazardStepKind.WrittenSummary], steps.Select(s => s.Kind));
    }

    [Fact]
    public void Declassifying_closes_the_case_and_the_repair_goes_back_to_its_own_target()
    {
        var repair = Reported(HazardType.DampAndMould, Uk(2026, 11, 2, 10), RepairPriority.Routine);

        Steps.Declassify(repair, "Tenant's own item", Uk(2026, 11, 3, 10));

        Assert.False(repair.HazardCase!.IsOpen);
        Assert.False(repair.IsHazard);
        Assert.Null(repair.InvestigateBy);
        Assert.Equal(new DateOnly(2026, 11, 30), repair.TargetDate);
    }
}
