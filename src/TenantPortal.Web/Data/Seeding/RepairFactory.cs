using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Builds one repair in a given status with a valid history: it starts Reported, moves forward in time and
/// ends at the current status. Also sets the target date, Awaab's Law dates, the appointment and feedback.</summary>
internal static class RepairFactory
{
    private static readonly string[] DescriptionDetails =
    [
        "", "", " It started last week.", " It's getting worse.", " It happens most mornings.", " This is the second time.",
        " My neighbour has the same problem.", " It's been like this for a few days.",
    ];

    private static readonly Dictionary<Trade, string[]> CompletionNotes = new()
    {
        [Trade.Plumbing] = ["Replaced washer and tested, no leaks.", "Cleared blockage and flushed through.", "Renewed section of pipe and tested."],
        [Trade.Electrical] = ["Replaced faulty unit and tested circuit.", "Reset trip and replaced faulty accessory.", "Made safe and renewed wiring to current standard."],
        [Trade.Carpentry] = ["Eased and adjusted, now opens and closes.", "Renewed hinges and refitted.", "Replaced damaged section and made good."],
        [Trade.Roofing] = ["Cleared gutters and downpipes.", "Replaced slipped tiles and checked roof.", "Renewed flashing and sealed."],
        [Trade.Heating] = ["Repressurised system and bled radiators.", "Replaced faulty part, heating and hot water working.", "Serviced and tested controls."],
        [Trade.General] = ["Treated mould, washed down and applied stain block.", "Made good and redecorated affected area.", "Repaired and left tidy."],
    };

    private static readonly string[] AnywhereLocations = ["Bedroom", "Bathroom", "Living room", "Kitchen", "Hallway"];

    // The repairs core's own rules, so demo data shows exactly the dates the portal would work out (no extra
    // landlord bank holidays: demo data is the same everywhere).
    private static readonly RepairTargets Targets = new(new WorkingDayCalendar([]));
    private static readonly HazardCaseSteps Hazards = new(Targets);

    /// <param name="endAt">When the repair reached <paramref name="status"/> (completion, cancellation, or the latest
    /// change for an open repair); must be after <paramref name="reportedAt"/>.</param>
    public static Repair Create(Random rng, RepairCatalogueItem item, Tenant? reporter, RepairChannel channel,
        DateTime reportedAt, RepairStatus status, DateTime endAt, AppointmentSlot? slot, DateTime now, bool withFeedback)
    {
        var location = item.Area == RepairCatalogueSeed.AnywhereInTheHome ? rng.Pick(AnywhereLocations) : item.Area;
        var repair = new Repair
        {
            Reference = string.Empty,
            CatalogueItemId = item.Id,
            Trade = item.Trade,
            Priority = item.Priority,
            Description = $"{item.Item}: {item.Problem.ToLowerInvariant()}.{rng.Pick(DescriptionDetails)}",
            Location = location,
            Status = status,
            ReportedAt = reportedAt,
            TargetDate = Targets.TargetDate(item.Priority, item.Hazard, reportedAt),
            Channel = channel,
            ContactPhone = reporter?.MobilePhone,
            WhoWillBeHome = status == RepairStatus.Booked && reporter is not null ? reporter.FullName : null,
            AccessNotes = rng.Next(100) < 8 ? "Dog in the house: please knock and wait" : null,
            IsHazard = item.Hazard != HazardType.None,
            HazardType = item.Hazard,
            Version = rng.NextGuid(),
        };

        var steps = Steps(rng, item.Priority, status);
        var reportedBy = channel switch
        {
            RepairChannel.Portal => "Tenant",
            RepairChannel.Phone => "Contact centre",
            _ => "Housing officer",
        };
        var span = endAt - reportedAt;
        DateTime? firstInProgress = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var at = i == 0 ? reportedAt
                : i == steps.Count - 1 ? endAt
                : steps[i] == RepairStatus.Booked ? reportedAt + TimeSpan.FromMinutes(Math.Min(span.TotalMinutes * 0.02, 8))
                : reportedAt + (span * (0.5 + (0.45 * i / steps.Count)));
            at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            if (steps[i] == RepairStatus.InProgress)
                firstInProgress ??= at;
            repair.History.Add(new RepairStatusChange
            {
                Status = steps[i],
                At = at,
                ChangedBy = i == 0 ? reportedBy : steps[i] is RepairStatus.Booked ? reportedBy : "Repairs team",
                Channel = i == 0 || steps[i] == RepairStatus.Booked ? channel : RepairChannel.Officer,
                Note = Note(steps[i], item),
                NoteVisibleToTenant = steps[i] is RepairStatus.OnHold or RepairStatus.Cancelled or RepairStatus.Completed,
            });
        }

        if (status == RepairStatus.Completed)
        {
            repair.CompletedAt = repair.History[^1].At;
            repair.CompletionNotes = rng.Pick(CompletionNotes[item.Trade]);
            var feedbackAt = repair.CompletedAt.Value.AddDays(rng.Next(1, 5));
            if (withFeedback && feedbackAt <= now)
            {
                var late = DateOnly.FromDateTime(repair.CompletedAt.Value) > repair.TargetDate;
                repair.Feedback = new RepairFeedback
                {
                    RepairRating = late ? rng.Next(1, 4) : rng.Next(3, 6),
                    TimeRating = late ? rng.Next(1, 3) : rng.Next(3, 6),
                    Comment = late ? "Took too long and I had to chase." : rng.Next(3) == 0 ? "Polite and tidy, thank you." : null,
                    At = feedbackAt,
                };
            }
        }
        else if (status == RepairStatus.Cancelled)
        {
            repair.CancelledAt = repair.History[^1].At;
        }

        if (slot is not null)
        {
            repair.Appointments.Add(new Appointment
            {
                Status = AppointmentStatus.Booked,
                BookedAt = repair.History.First(h => h.Status == RepairStatus.Booked).At,
                BookedBy = channel == RepairChannel.Portal ? "Tenant (portal)" : reportedBy,
            });
        }

        SetHazardDates(repair, firstInProgress, now);
        return repair;
    }

    private static List<RepairStatus> Steps(Random rng, RepairPriority priority, RepairStatus status)
    {
        var booked = priority != RepairPriority.Emergency;
        var steps = new List<RepairStatus> { RepairStatus.Reported };
        switch (status)
        {
            case RepairStatus.Booked:
                steps.Add(RepairStatus.Booked);
                break;
            case RepairStatus.InProgress:
                if (booked)
                    steps.Add(RepairStatus.Booked);
                steps.Add(RepairStatus.InProgress);
                break;
            case RepairStatus.OnHold:
                if (booked)
                    steps.Add(RepairStatus.Booked);
                steps.Add(RepairStatus.InProgress);
                steps.Add(RepairStatus.OnHold);
                break;
            case RepairStatus.Completed:
                if (booked)
                    steps.Add(RepairStatus.Booked);
                steps.Add(RepairStatus.InProgress);
                if (rng.Next(100) < 10)
                {
                    steps.Add(RepairStatus.OnHold);
                    steps.Add(RepairStatus.InProgress);
                }

                steps.Add(RepairStatus.Completed);
                break;
            case RepairStatus.Cancelled:
                if (booked && rng.Next(100) < 40)
                    steps.Add(RepairStatus.Booked);
                steps.Add(RepairStatus.Cancelled);
                break;
        }

        return steps;
    }

    private static string? Note(RepairStatus status, RepairCatalogueItem item) => status switch
    {
        RepairStatus.OnHold => "Waiting for parts. We'll be in touch to arrange the next visit.",
        RepairStatus.Cancelled when item.IsTenantResponsibility => "Tenant's responsibility: advice given.",
        RepairStatus.Cancelled => "Cancelled at the tenant's request.",
        RepairStatus.Completed => "Work finished.",
        _ => null,
    };

    /// <summary>A hazard's case through the same core the portal uses (<see cref="HazardCaseSteps"/>): opened when the
    /// report came in; investigated (hazard found) when work started, the written summary two working days later and the
    /// safety work made when the job finished, so the seeded dates are the ones the portal would work out.</summary>
    private static void SetHazardDates(Repair repair, DateTime? investigatedAt, DateTime now)
    {
        if (repair.HazardType == HazardType.None)
            return;
        var reportedBy = repair.History[0].ChangedBy;
        Hazards.Classify(repair, repair.HazardType, repair.ReportedAt, reportedBy, "Reported as a hazard", repair.ReportedAt);
        if (investigatedAt is not { } investigated)
        {
            Hazards.Refresh(repair, now);
            return;
        }

        Hazards.RecordInvestigation(repair, investigated, "Repairs team", hazardFound: true, repair.HazardType,
            repair.HazardType == HazardType.DampAndMould ? "Mould found on the outside wall, caused by a blocked extractor fan." : "A danger to health or safety that needed making safe at once.",
            furtherWorkNeeded: repair.HazardType == HazardType.DampAndMould, now);
        var summaryAt = Hazards.Clocks.AfterWorkingDays(investigated, 2) - TimeSpan.FromHours(10);
        if (summaryAt <= now)
            Hazards.RecordSummarySent(repair, summaryAt, "Repairs team", "Written summary of our investigation: mould found, caused by a blocked extractor fan. We will clear the fan and treat the mould.", now);
        if (repair.CompletedAt is { } completed)
            Hazards.RecordSafetyWork(repair, completed, "Fan cleared, mould treated.", now);
    }
}
