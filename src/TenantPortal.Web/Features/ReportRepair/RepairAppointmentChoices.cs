using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>The times report-a-repair offers, or why it offers none: emergencies, hazards and (for tenants) a household
/// with a cautionary alert can't choose a time online; otherwise the free slots for the trade in the patch before the
/// target date.</summary>
public sealed class RepairAppointmentChoices(HousingDbContext db, RepairQueries queries, RepairTargets targets, AppointmentBooking booking, TimeProvider clock)
{
    /// <summary>The answer "None of these times suit me" (<see cref="RepairDraft.CallToArrange"/>).</summary>
    public const string NoneSuit = "none";

    public sealed record Options(IReadOnlyList<SlotOption>? Slots, string? Message)
    {
        public bool CanChoose => Slots is { Count: > 0 };
    }

    public async Task<Options> ForAsync(RepairDraft draft, RepairJourneyContext journey, CancellationToken ct)
    {
        var item = await db.RepairCatalogue.AsNoTracking().SingleAsync(i => i.Id == draft.CatalogueItemId, ct);
        var tenancy = await queries.TenancyAsync(draft.TenancyId, journey.ReporterTenantId ?? 0, ct) ?? throw new InvalidOperationException("Tenancy not found");
        var now = clock.GetUtcNow().UtcDateTime;
        var target = targets.TargetDate(item.Priority, item.Hazard, now);
        var alertStops = journey.AlertStopsBooking && tenancy.HasCautionaryAlert;
        if (!RepairReporting.CanSelfBook(item.Priority, item.Hazard, alertStops))
        {
            var investigate = targets.ForHazard(item.Hazard, now)?.InvestigateBy ?? (item.Priority == RepairPriority.Emergency ? now + RepairTargets.EmergencyWindow : null);
            return new Options(null, RepairWording.WhatHappensNext(item.Priority, item.Hazard, target, investigate, alertStops));
        }

        var slots = await booking.AvailableSlotsAsync(item.Trade, tenancy.PatchId, target, journey.ChannelOf(draft), ct);
        return slots.Count > 0
            ? new Options(slots, null)
            : new Options(slots, journey.ForOfficer
                ? $"There are no free times before {RepairWording.Date(target)}. The repairs team will call the tenant to arrange a time."
                : $"We have no times we can offer online before {RepairWording.Date(target)}. We'll call you to arrange a time.");
    }

    /// <summary>The check page's short answer: the chosen time, or that we call to arrange one; and whether the user
    /// could choose a time (only then does the page offer "Change").</summary>
    public async Task<(string Answer, bool CanChoose)> DescribeAsync(RepairDraft draft, RepairJourneyContext journey, CancellationToken ct)
    {
        var canChoose = (await ForAsync(draft, journey, ct)).CanChoose;
        if (draft.SlotId is int slotId)
        {
            var slot = await db.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => new { s.Date, s.Period }).SingleAsync(ct);
            return (SlotText.Describe(slot.Date, slot.Period), canChoose);
        }

        return (journey.ForOfficer ? "The repairs team will call the tenant to arrange a time" : "We'll call you to arrange a time", canChoose);
    }
}
