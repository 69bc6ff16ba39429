using Microsoft.Extensions.Time.Testing;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Admin.Dashboard;
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

    private Task<Repair> CompletedAsync(DateOnly target, DateTime completedAt, (int Repair, int Time)? feedback = null, DateTime? feedbackAt = null) =>
        database.AddRepairAsync(place, 0, r =>
        {
            r.Status = RepairStatus.Completed;
            r.ReportedAt = completedAt.AddDays(-10);
            r.TargetDate = target;
            r.CompletedAt = completedAt;
            if (feedback is { } f)
            {
                r.Feedback = new RepairFeedback { RepairRating = f.Repair, TimeRating = f.Time, At = feedbackAt ?? completedAt.AddDays(1) };
            }
        });

    private async Task SeedRp02DatasetAsync()
    {
        // June 2026 (this month): 4 completed, 2 within target.
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 9, 10), (5, 4));          // a day early
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 10, 22, 30), (3, 2));     // 23:30 BST on the target day: within
        await CompletedAsync(new DateOnly(2026, 6, 10), Utc(2026, 6, 10, 23, 30));             // 00:30 BST the next day: late
        await CompletedAsync(new DateOnly(2026, 6, 5), Utc(2026, 6, 8, 12));                   // late
        // Earlier in 2026: 3 completed, 2 within target.
        await CompletedAsync(new DateOnly(2026, 1, 20), Utc(2026, 1, 20, 23, 30));             // 23:30 GMT on the target day: within
        await CompletedAsync(new DateOnly(2026, 2, 2), Utc(2026, 2, 20, 9), (4, 4), Utc(2026, 2, 21, 9)); // late
        await CompletedAsync(new DateOnly(2026, 3, 20), Utc(2026, 3, 2, 9));                   // within
        // Not counted: completed last year, still open, cancelled.
        await CompletedAsync(new DateOnly(2025, 12, 30), Utc(2025, 12, 20, 9), (1, 1), Utc(2025, 12, 21, 9));
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

    [Fact]
    public async Task Rp02_this_month_is_the_share_of_repairs_completed_in_June_by_their_target_date_in_UK_time()
    {
        await SeedRp02DatasetAsync();
        var measures = Measures(out var scope);
        await using var _ = scope;

        var month = await measures.PeriodAsync("This month", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));

        Assert.Equal(4, month.Completed);
        Assert.Equal(2, month.CompletedWithinTarget);
        Assert.Equal(50.0m, month.WithinTargetPercent);
        Assert.Equal(2, month.Ratings);
        Assert.Equal(4.0, month.AverageRepairRating);
        Assert.Equal(3.0, month.AverageTimeRating);
        Assert.Equal(1, month.SatisfiedWithRepair);
        Assert.Equal(1, month.SatisfiedWithTime);
    }

    [Fact]
    public async Task Rp02_this_year_counts_2026_completions_only()
    {
        await SeedRp02DatasetAsync();
        var measures = Measures(out var scope);
        await using var _ = scope;

        var figures = await measures.DashboardAsync();
        var year = figures.Periods.Single(p => p.Label == "This year");

        Assert.Equal(7, year.Completed);
        Assert.Equal(4, year.CompletedWithinTarget);
        Assert.Equal(57.1m, year.WithinTargetPercent);
        Assert.Equal(3, year.Ratings);
        Assert.Equal(4.0, year.AverageRepairRating);
        Assert.Equal(10.0 / 3, year.AverageTimeRating!.Value, 6);
        Assert.Equal(50.0m, figures.Periods.Single(p => p.Label == "This month").WithinTargetPercent);
    }

    [Fact]
    public async Task Rp02_with_nothing_completed_has_no_percentage()
    {
        var measures = Measures(out var scope);
        await using var _ = scope;

        var month = await measures.PeriodAsync("This month", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));

        Assert.Equal(0, month.Completed);
        Assert.Null(month.WithinTargetPercent);
        Assert.Null(month.AverageRepairRating);
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

        Assert.Equal((2, 1), (month.Completed, month.CompletedWithinTarget));
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

    private sealed class Both(IAsyncDisposable a, IAsyncDisposable b) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }
}
