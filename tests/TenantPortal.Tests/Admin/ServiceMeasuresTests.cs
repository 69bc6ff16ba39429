using Microsoft.Extensions.Time.Testing;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Admin.Dashboard;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Admin;

/// <summary>The dashboard's figures on a known dataset: Wednesday 17 June 2026 (British Summer Time).</summary>
public sealed class ServiceMeasuresTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 17, 10, 0, 0, TimeSpan.Zero));
    private static readonly HazardCaseSteps Steps = new(new RepairTargets(WorkingDayCalendar.EnglandAndWales));
    private AdminTestDatabase database = null!;
    private Neighbourhood place = null!;

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        place = await database.AddNeighbourhoodAsync("North", ("Ann", "Lee", "1 High Street", "KM1 1AA"));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private Task<Repair> CompletedAsync(DateOnly target, DateTime completedAt, (int Repair, int Time)? feedback = null, DateTime? feedbackAt = null, RepairPriority priority = RepairPriority.Routine, DateTime? reportedAt = null) =>
        database.AddRepairAsync(place, 0, r =>
        {
            r.Priority = priority;
            r.Status = RepairStatus.Completed;
            r.ReportedAt = reportedAt ?? completedAt.AddDays(-10);
            r.TargetDate = target;
            r.CompletedAt = completedAt;
            if (feedback is { } f)
            {
                r.Feedback = new RepairFeedback { RepairRating = f.Repair, TimeRating = f.Time, At = feedbackAt ?? completedAt.AddDays(1) };
            }
        });

    private async Task SeedRp02DatasetAsync()
    {
        // June 2026: 4 non-emergency completed, 2 within target.
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 9, 10));              // a day early
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 10, 22, 30));         // 23:30 BST on the target day: within
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 10, 23, 30));         // 00:30 BST the next day: late
        await CompletedAsync(new DateOnly(2026, 6, 5), Utc(2026, 6, 8, 12));               // late
        // Not counted: still open, cancelled.
        await database.AddRepairAsync(place, 0, r => { r.Status = RepairStatus.Reported; r.TargetDate = new DateOnly(2026, 6, 1); });
        await database.AddRepairAsync(place, 0, r => { r.Status = RepairStatus.Cancelled; r.CancelledAt = Utc(2026, 6, 3, 9); r.TargetDate = new DateOnly(2026, 6, 30); });
    }

    private ServiceMeasures Measures(out IAsyncDisposable scope)
    {
        var housing = database.Housing();
        var portal = database.Portal();
        scope = new Both(housing, portal);
        return new ServiceMeasures(housing, portal, Clock);
    }

    private async Task<PeriodMeasures> JuneAsync()
    {
        var measures = Measures(out var scope);
        await using var _ = scope;
        return await measures.PeriodAsync("June 2026", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));
    }

    [Fact]
    public async Task Rp02_1_is_the_share_of_non_emergency_repairs_completed_in_the_period_by_their_target_date_in_UK_time()
    {
        await SeedRp02DatasetAsync();

        var june = await JuneAsync();

        Assert.Equal(new Ratio(2, 4), june.Rp02NonEmergency);
        Assert.Equal("50.0% (2 of 4)", june.Rp02NonEmergency.ToString());
    }

    [Fact]
    public async Task Rp02_2_counts_an_emergency_completed_24_hours_after_report_as_within_target_and_24_hours_1_minute_as_not()
    {
        await CompletedAsync(new DateOnly(2026, 6, 2), Utc(2026, 6, 2, 10), priority: RepairPriority.Emergency, reportedAt: Utc(2026, 6, 1, 10));
        await CompletedAsync(new DateOnly(2026, 6, 4), Utc(2026, 6, 4, 10, 1), priority: RepairPriority.Emergency, reportedAt: Utc(2026, 6, 3, 10));

        var june = await JuneAsync();

        Assert.Equal(new Ratio(1, 2), june.Rp02Emergency);
        Assert.Equal(new Ratio(0, 0), june.Rp02NonEmergency); // emergencies are reported apart
        Assert.Null(june.Rp02NonEmergency.Percent);
    }

    [Fact]
    public async Task The_reporting_year_runs_from_1_April_to_31_March_in_UK_time()
    {
        await CompletedAsync(new DateOnly(2026, 3, 31), Utc(2026, 3, 31, 22, 30)); // 23:30 BST on 31 March: last year
        await CompletedAsync(new DateOnly(2026, 4, 1), Utc(2026, 3, 31, 23, 30));  // 00:30 BST on 1 April: this year
        await CompletedAsync(new DateOnly(2026, 6, 1), Utc(2026, 6, 2, 9));        // this year, late
        var measures = Measures(out var scope);
        await using var _ = scope;

        var figures = await measures.DashboardAsync(new DateOnly(2026, 3, 1));

        Assert.Equal(["This reporting year (2026/27)", "Last reporting year (2025/26)", "March 2026"], figures.Periods.Select(p => p.Label));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), (figures.Periods[0].From, figures.Periods[0].To));
        Assert.Equal(new Ratio(1, 2), figures.Periods[0].Rp02NonEmergency);
        Assert.Equal(new Ratio(1, 1), figures.Periods[1].Rp02NonEmergency);
        Assert.Equal(new Ratio(1, 1), figures.Periods[2].Rp02NonEmergency);
    }

    private async Task AddComplaintAsync(params ComplaintStage[] stages)
    {
        await using var db = database.Housing();
        var complaint = new Complaint
        {
            Reference = $"CMP-T{database.Next():00000}",
            TenancyId = place.Tenancies[0].TenancyId,
            Description = "Test complaint",
            LoggedBy = "Test",
            ReceivedAt = stages[0].RequestedAt,
            LoggedAt = stages[0].RequestedAt,
            CurrentStage = stages.Length,
            Status = ComplaintStatus.Investigating,
        };
        complaint.Stages.AddRange(stages);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
    }

    private static readonly ComplaintCode Code = new(WorkingDayCalendar.EnglandAndWales);

    private static ComplaintStage Stage(int stage, DateTime requested, DateTime? acknowledged = null, DateTime? responded = null, int extension = 0)
    {
        var s = new ComplaintStage { Stage = stage, RequestedAt = requested, AcknowledgeBy = Code.AcknowledgeBy(requested), AcknowledgedAt = acknowledged, RespondedAt = responded, ExtensionDays = extension };
        if (acknowledged is { } a)
        {
            s.RespondBy = Code.RespondBy(stage, s.AcknowledgeBy, a, extension);
        }

        return s;
    }

    [Fact]
    public async Task Ch01_is_stage_1_and_stage_2_complaints_received_in_the_period_per_1000_homes()
    {
        await database.AddNeighbourhoodAsync("South", ("Bo", "Ray", "2 Low Road", "KM2 2BB"), ("Cy", "Day", "3 Low Road", "KM2 2BB")); // 3 homes in all
        await AddComplaintAsync(Stage(1, Utc(2026, 6, 2, 9)), Stage(2, Utc(2026, 6, 20, 9)));
        await AddComplaintAsync(Stage(1, Utc(2026, 6, 30, 22, 30)));    // 23:30 BST on 30 June: June
        await AddComplaintAsync(Stage(1, Utc(2026, 6, 30, 23, 30)));    // 00:30 BST on 1 July: not June

        var june = await JuneAsync();

        Assert.Equal(new Rate(2, 3), june.Ch01Stage1);
        Assert.Equal(666.7m, june.Ch01Stage1.PerThousand);
        Assert.Equal(333.3m, june.Ch01Stage2.PerThousand);
        Assert.Equal("666.7 (2 per 3 homes)", june.Ch01Stage1.ToString());
    }

    [Fact]
    public async Task Ch02_counts_a_stage_1_response_on_the_10th_working_day_as_within_the_Code_the_11th_as_not_and_honours_an_extension()
    {
        var ack = Utc(2026, 6, 1, 9); // Monday 1 June: the stage 1 response is due Monday 15 June, the stage 2 response Monday 29 June
        await AddComplaintAsync(Stage(1, Utc(2026, 5, 29, 9), ack, Utc(2026, 6, 15, 16)));                // 10th working day: within
        await AddComplaintAsync(Stage(1, Utc(2026, 5, 29, 9), ack, Utc(2026, 6, 16, 9)));                 // 11th working day: not
        await AddComplaintAsync(Stage(1, Utc(2026, 5, 29, 9), ack, Utc(2026, 6, 19, 9), extension: 5));   // extended to 22 June: within
        await AddComplaintAsync(Stage(1, Utc(2026, 5, 1, 9), Utc(2026, 5, 5, 9), Utc(2026, 5, 18, 9)), Stage(2, Utc(2026, 5, 28, 9), ack, Utc(2026, 6, 29, 17)));
        await AddComplaintAsync(Stage(1, Utc(2026, 6, 10, 9), Utc(2026, 6, 11, 9)));                      // not answered yet: not counted

        var june = await JuneAsync();

        Assert.Equal(new DateOnly(2026, 6, 15), Stage(1, Utc(2026, 5, 29, 9), ack).RespondBy);
        Assert.Equal(new Ratio(2, 3), june.Ch02Stage1);
        Assert.Equal("66.7% (2 of 3)", june.Ch02Stage1.ToString());
        Assert.Equal(new Ratio(1, 1), june.Ch02Stage2);
    }

    [Fact]
    public async Task Transactional_satisfaction_is_the_share_very_or_fairly_satisfied_with_don_t_know_left_out_and_1_of_16_is_6_3_percent()
    {
        await CompletedAsync(new DateOnly(2026, 6, 30), Utc(2026, 6, 2, 9), (5, 4));
        for (var i = 0; i < 15; i++)
        {
            await CompletedAsync(new DateOnly(2026, 6, 30), Utc(2026, 6, 2, 9), (2, i < 7 ? 4 : 1));
        }

        await CompletedAsync(new DateOnly(2026, 6, 30), Utc(2026, 6, 2, 9), (0, 0));
        await CompletedAsync(new DateOnly(2026, 6, 30), Utc(2026, 6, 2, 9), (0, 3));

        var june = await JuneAsync();

        Assert.Equal(18, june.Responses);
        Assert.Equal(new Ratio(1, 16), june.SatisfiedWithRepair);
        Assert.Equal(6.3m, june.SatisfiedWithRepair.Percent);
        Assert.Equal(new Ratio(8, 17), june.SatisfiedWithTime);
        Assert.Equal(47.1m, june.SatisfiedWithTime.Percent);
    }

    [Fact]
    public async Task Recalls_are_the_recall_jobs_raised_in_the_period_as_a_share_of_repairs_completed()
    {
        await SeedRp02DatasetAsync();
        var original = await CompletedAsync(new DateOnly(2026, 5, 20), Utc(2026, 5, 20, 9));
        await database.AddRepairAsync(place, 0, r => { r.RecallOfRepairId = original.Id; r.ReportedAt = Utc(2026, 6, 5, 9); });

        var june = await JuneAsync();

        Assert.Equal(new Ratio(1, 4), june.Recalls);
    }

    [Theory]
    [InlineData(1, 16, "6.3")]
    [InlineData(1, 8, "12.5")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 3, "33.3")]
    [InlineData(5, 5, "100.0")]
    public void Percentages_are_rounded_half_away_from_zero_to_one_decimal_place(int numerator, int denominator, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new Ratio(numerator, denominator).Percent);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_measure_with_its_code_numerator_denominator_and_result()
    {
        await SeedRp02DatasetAsync();
        var measures = Measures(out var scope);
        await using var _ = scope;
        var year = ReportingYear.Containing(new DateOnly(2026, 6, 17));

        var csv = TenantSatisfactionMeasures.Csv(year, await measures.PeriodAsync(year.Label, year.From, year.To)).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Reporting year,Code,Measure,Numerator,Denominator,Result", csv[0]);
        Assert.Equal("2026/27,RP02(1),Proportion of non-emergency responsive repairs completed within the landlord's target timescale,2,4,50.0", csv[1]);
        Assert.Equal(["RP02(1)", "RP02(2)", "CH01(1)", "CH01(2)", "CH02(1)", "CH02(2)", "Portal: repair satisfaction", "Portal: time satisfaction", "Portal: recalls"], csv.Skip(1).Select(l => l.Split(',')[1]));
        Assert.EndsWith(",0,0,", csv[2], StringComparison.Ordinal); // no emergencies: no figure rather than 0%
    }

    [Fact]
    public async Task Dashboard_counts_open_repairs_overdue_hazards_payments_and_registrations()
    {
        await database.AddRepairAsync(place, 0, r => { r.Priority = RepairPriority.Emergency; r.Status = RepairStatus.Reported; r.TargetDate = new DateOnly(2026, 6, 16); }); // overdue
        await database.AddRepairAsync(place, 0, r => { r.Priority = RepairPriority.Urgent; r.Status = RepairStatus.Booked; r.TargetDate = new DateOnly(2026, 6, 17); });   // due today: not overdue
        await database.AddRepairAsync(place, 0, r => { r.Priority = RepairPriority.Routine; r.Status = RepairStatus.OnHold; r.TargetDate = new DateOnly(2026, 7, 10); });
        await database.AddRepairAsync(place, 0, r =>
        {
            r.Priority = RepairPriority.Urgent;
            r.Status = RepairStatus.InProgress;
            r.ReportedAt = Utc(2026, 6, 1, 9);
            Steps.Classify(r, HazardType.DampAndMould, r.ReportedAt, "Tenant", null, r.ReportedAt);
            // Investigated Tuesday 9 June: the written summary was due by Friday 12 June and was not sent.
            Steps.RecordInvestigation(r, Utc(2026, 6, 9, 10), "Surveyor", hazardFound: true, HazardType.DampAndMould, "Mould", furtherWorkNeeded: true, Utc(2026, 6, 9, 11));
            r.TargetDate = new DateOnly(2026, 6, 1); // overdue
        });
        await database.AddRepairAsync(place, 0, r =>
        {
            r.Status = RepairStatus.Completed;
            r.CompletedAt = Utc(2026, 6, 2, 9);
            Steps.Classify(r, HazardType.Emergency, Utc(2026, 6, 1, 9), "Tenant", null, Utc(2026, 6, 1, 9));
            Steps.RecordInvestigation(r, Utc(2026, 6, 1, 12), "Electrician", hazardFound: false, HazardType.None, "Safe", furtherWorkNeeded: false, Utc(2026, 6, 1, 12));
            Steps.RecordSummarySent(r, Utc(2026, 6, 2, 9), "Officer", "Summary", Utc(2026, 6, 2, 9)); // every step done: closed
        });

        await using (var portal = database.Portal())
        {
            PaymentAttempt Payment(PaymentStatus status, decimal amount, DateTime at) => new()
            {
                Id = Guid.NewGuid(),
                TenancyId = 1,
                TenancyReference = "TST",
                Amount = amount,
                Status = status,
                CreatedAt = at.AddMinutes(-5),
                CompletedAt = at,
            };
            portal.PaymentAttempts.AddRange(
                Payment(PaymentStatus.Succeeded, 10.50m, Utc(2026, 6, 17, 8)),
                Payment(PaymentStatus.Succeeded, 20.00m, Utc(2026, 6, 16, 23, 30)),  // 00:30 BST on the 17th: today
                Payment(PaymentStatus.Succeeded, 100.00m, Utc(2026, 6, 15, 9)),      // Monday: this week
                Payment(PaymentStatus.Failed, 55.00m, Utc(2026, 6, 17, 9)),
                Payment(PaymentStatus.Succeeded, 70.00m, Utc(2026, 6, 14, 22, 30))); // Sunday 23:30 BST: last week
            portal.Users.AddRange(
                new PortalUser { UserName = "new@example.org", DisplayName = "New", TenantId = 101, CreatedAt = Utc(2026, 6, 16, 12) },
                new PortalUser { UserName = "old@example.org", DisplayName = "Old", TenantId = 102, CreatedAt = Utc(2026, 6, 1, 12) },
                new PortalUser { UserName = "officer@example.org", DisplayName = "Officer", CreatedAt = Utc(2026, 6, 16, 12) });
            await portal.SaveChangesAsync();
        }

        var measures = Measures(out var scope);
        await using var _ = scope;
        var figures = await measures.DashboardAsync();

        Assert.Equal(new DateOnly(2026, 6, 17), figures.Today);
        Assert.Equal(4, figures.OpenTotal);
        Assert.Equal([1, 2, 1], figures.OpenByPriority.Select(p => p.Count));
        Assert.Equal(1, figures.OpenByStatus.Single(s => s.Key == RepairStatus.OnHold).Count);
        Assert.Equal(2, figures.Overdue);
        var hazard = Assert.Single(figures.Hazards.Rows);
        Assert.Equal(1, figures.Hazards.Total);
        Assert.Equal("Written summary to the tenant", hazard.NextStep); // missed, so still the next step: never skipped
        Assert.Equal(Utc(2026, 6, 12, 22, 59).AddSeconds(59), hazard.NextDueAt); // end of Friday 12 June, BST
        Assert.True(hazard.Overdue);
        Assert.Equal(new PaymentTotals(2, 30.50m), figures.PaymentsToday);
        Assert.Equal(new PaymentTotals(3, 130.50m), figures.PaymentsThisWeek);
        Assert.Equal(1, figures.RegistrationsThisWeek);
    }

    [Fact]
    public async Task An_emergency_reported_Monday_09_00_and_completed_Tuesday_21_00_is_not_within_its_24_hour_target()
    {
        // BST: Monday 15 June 09:00 is 08:00 UTC.
        await database.AddRepairAsync(place, 0, r =>
        {
            r.Priority = RepairPriority.Emergency;
            r.Status = RepairStatus.Completed;
            r.ReportedAt = Utc(2026, 6, 15, 8);
            r.TargetDate = new DateOnly(2026, 6, 16);
            r.CompletedAt = Utc(2026, 6, 16, 20); // 36 hours, on the target date
        });
        await database.AddRepairAsync(place, 0, r =>
        {
            r.Priority = RepairPriority.Emergency;
            r.Status = RepairStatus.Completed;
            r.ReportedAt = Utc(2026, 6, 15, 8);
            r.TargetDate = new DateOnly(2026, 6, 16);
            r.CompletedAt = Utc(2026, 6, 16, 8); // exactly 24 hours
        });

        var measures = Measures(out var scope);
        await using var _ = scope;
        var month = await measures.PeriodAsync("June", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));

        // RP02(2) compares an emergency by the hour.
        Assert.Equal((1, 2), (month.Rp02Emergency.Numerator, month.Rp02Emergency.Denominator));
    }

    [Fact]
    public async Task The_hazard_list_has_every_open_case_nearest_deadline_first_overdue_first_a_page_at_a_time()
    {
        // 30 damp cases reported over the last weeks (the oldest overdue), then one new emergency due in 24 hours.
        for (var i = 0; i < 30; i++)
        {
            var reported = Utc(2026, 5, 18, 9).AddDays(i);
            await database.AddRepairAsync(place, 0, r =>
            {
                r.ReportedAt = reported;
                Steps.Classify(r, HazardType.DampAndMould, reported, "Tenant", null, reported);
            });
        }

        await database.AddRepairAsync(place, 0, r =>
        {
            r.ReportedAt = Utc(2026, 6, 17, 9);
            Steps.Classify(r, HazardType.Emergency, r.ReportedAt, "Tenant", null, r.ReportedAt);
        });

        var measures = Measures(out var scope);
        await using var _ = scope;
        var first = await measures.HazardsAsync(1);
        var second = await measures.HazardsAsync(2);

        Assert.Equal(31, first.Total);
        Assert.Equal(2, first.Pages);
        Assert.Equal(HazardListPage.PageSize, first.Rows.Count);
        Assert.Equal(31 - HazardListPage.PageSize, second.Rows.Count);
        var all = first.Rows.Concat(second.Rows).ToList();
        Assert.Equal(all.OrderBy(h => h.NextDueAt).Select(h => h.Reference), all.Select(h => h.Reference));
        Assert.True(all[0].Overdue);
        Assert.Equal(all.Count(h => h.Overdue), all.TakeWhile(h => h.Overdue).Count()); // overdue ones first
        Assert.Contains(all, h => h.HazardType == HazardType.Emergency && h.NextDueAt == Utc(2026, 6, 18, 9)); // the new emergency is listed
    }

    [Fact]
    public async Task Dashboard_counts_the_measures_again_only_once_they_are_five_minutes_old_while_open_repairs_stay_live()
    {
        // Arrange: one routine repair completed this reporting year; the dashboard seen at 10:00.
        var clock = new SettableClock { Now = Clock.GetUtcNow() };  // a FakeTimeProvider cannot go back
        var cache = new MeasuresCache(clock);
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 9, 10));
        async Task<DashboardFigures> DashboardAsync()
        {
            await using var housing = database.Housing();
            await using var portal = database.Portal();
            return await new ServiceMeasures(housing, portal, clock, cache: cache).DashboardAsync();
        }

        var first = await DashboardAsync();

        // Act: another completion and a new overdue repair; the dashboard at 10:04:59, 10:05 and, clock set back, 09:59.
        await CompletedAsync(new DateOnly(2026, 6, 12), Utc(2026, 6, 11, 10));
        await database.AddRepairAsync(place, 0, r => { r.Status = RepairStatus.Reported; r.TargetDate = new DateOnly(2026, 6, 1); });
        clock.Now += MeasuresCache.Lifetime - TimeSpan.FromSeconds(1);
        var justBefore = await DashboardAsync();
        clock.Now += TimeSpan.FromSeconds(1);
        var atFiveMinutes = await DashboardAsync();
        await CompletedAsync(new DateOnly(2026, 6, 12), Utc(2026, 6, 11, 11));
        clock.Now = first.MeasuresCountedAt.AddMinutes(-1);
        var clockSetBack = await DashboardAsync();

        // Assert
        Assert.Equal(1, first.Periods[0].Rp02NonEmergency.Denominator);
        Assert.Equal(Clock.GetUtcNow(), first.MeasuresCountedAt);
        Assert.Equal(1, justBefore.Periods[0].Rp02NonEmergency.Denominator);
        Assert.Equal(first.MeasuresCountedAt, justBefore.MeasuresCountedAt);
        Assert.Equal((0, 1), (first.Overdue, justBefore.Overdue));
        Assert.Equal(2, atFiveMinutes.Periods[0].Rp02NonEmergency.Denominator);
        Assert.Equal(first.MeasuresCountedAt + MeasuresCache.Lifetime, atFiveMinutes.MeasuresCountedAt);
        Assert.Equal(3, clockSetBack.Periods[0].Rp02NonEmergency.Denominator);
    }

    [Fact]
    public async Task Each_month_shown_has_its_own_count_and_the_csv_return_is_always_counted_afresh()
    {
        // Arrange
        var clock = new FakeTimeProvider(Clock.GetUtcNow());
        var cache = new MeasuresCache(clock);
        await CompletedAsync(new DateOnly(2026, 5, 10), Utc(2026, 5, 9, 10));
        ServiceMeasures Measures(HousingDbContext housing, PortalDbContext portal) => new(housing, portal, clock, cache: cache);
        await using var housing = database.Housing();
        await using var portal = database.Portal();
        var may = await Measures(housing, portal).DashboardAsync(new DateOnly(2026, 5, 1));

        // Act
        await CompletedAsync(new DateOnly(2026, 5, 12), Utc(2026, 5, 11, 10));
        var mayAgain = await Measures(housing, portal).DashboardAsync(new DateOnly(2026, 5, 1));
        var april = await Measures(housing, portal).DashboardAsync(new DateOnly(2026, 4, 1));
        var year = await Measures(housing, portal).PeriodAsync("2026/27", new DateOnly(2026, 4, 1), new DateOnly(2027, 4, 1));

        // Assert: May's copy is kept; April's periods are counted now (the year with both completions); so is the CSV's.
        Assert.Equal((1, 1), (may.Periods[2].Rp02NonEmergency.Denominator, mayAgain.Periods[2].Rp02NonEmergency.Denominator));
        Assert.Equal(2, april.Periods[0].Rp02NonEmergency.Denominator);
        Assert.Equal(2, year.Rp02NonEmergency.Denominator);
    }

    /// <summary>A clock a test can also set back (an NTP correction, a host's clock put right).</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Both(IAsyncDisposable a, IAsyncDisposable b) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }
}
