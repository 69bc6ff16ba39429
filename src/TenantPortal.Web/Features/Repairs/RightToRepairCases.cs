using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Repairs;

public enum RightToRepairOutcome { Done, NotFound, Stale, Invalid }

/// <summary>The result of a contractor or Right to Repair action: <see cref="Field"/> names the form field an
/// <see cref="RightToRepairOutcome.Invalid"/> error belongs to.</summary>
public sealed record RightToRepairResult(RightToRepairOutcome Outcome, string? Field = null, string? Error = null)
{
    public static readonly RightToRepairResult Done = new(RightToRepairOutcome.Done);

    public static RightToRepairResult Invalid(string field, string error) => new(RightToRepairOutcome.Invalid, field, error);
}

/// <summary>A repair notice as kept.</summary>
public sealed record RightToRepairNoticeView(int WorksOrder, string ContractorName, string ContractorAddress, string ContractorPhone, DateOnly LastDay, DateTime IssuedAt, string Text);

/// <summary>Where a Schedule defect stands under the Right to Repair, for both repair pages and the use cases: the
/// first period, the tenant's request for a second contractor, the second period, and the compensation due or paid.
/// Not <see cref="Qualifying"/> once the landlord's <see cref="EstimatedCost"/> is above £250: then no second contractor
/// may be asked for and no compensation is due.</summary>
public sealed record RightToRepairState(
    string Defect,
    int PrescribedWorkingDays,
    DateOnly FirstLastDay,
    IReadOnlyList<RightToRepairNoticeView> Notices,
    bool Open,
    bool FirstPeriodMissed,
    bool MayAskForSecondContractor,
    DateOnly? SecondContractorRequestedOn,
    bool RequestedOnline,
    DateOnly? SecondLastDay,
    bool FurtherWorksOrderIssued,
    decimal CompensationDue,
    bool CompensationFinal,
    decimal? CompensationPaid,
    DateTime? CompensationPaidAt,
    CompensationMethod? CompensationMethod,
    string? CompensationNote,
    decimal? EstimatedCost,
    bool Qualifying)
{
    public RightToRepairNoticeView? Notice => Notices.Count == 0 ? null : Notices[^1];

    public bool SecondPeriodMissed => CompensationDue > 0;

    /// <summary>The compensation can be paid now: due, final (the repair is done, or the £50 cap reached) and not yet paid.</summary>
    public bool MayPayCompensation => CompensationDue > 0 && CompensationFinal && CompensationPaid is null;

    public static string Days(int days) => days == 1 ? "1 working day" : $"{days} working days";
}

/// <summary>The contractor on a repair and the Right to Repair use cases (Secure Tenants of Local Housing Authorities
/// (Right to Repair) Regulations 1994, council landlords in England and Wales): the repair notice issued and sent when
/// a qualifying repair gets its contractor (on reporting, the trade's default contractor; later, the officer's choice),
/// the tenant's request for a second contractor once the period has passed (online, or recorded by an officer from a
/// call), the further works order to another contractor with its own notice, and the compensation paid once (credited
/// to the rent account through <see cref="Payments.RentLedger"/>, or recorded as paid another way). Each action is one
/// unit of work with a line on the tenant's timeline and an audit entry. The rules are <see cref="RightToRepair"/>'s.</summary>
public sealed class RightToRepairCases(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    RightToRepair rules,
    AuditTrail audit,
    Payments.RentLedger ledger,
    Notifications.TenantNotifier notifier,
    Notifications.TenantMessages messages,
    IOptions<LandlordOptions> landlord,
    TimeProvider clock)
{
    /// <summary>The <c>RentTransactions.ProviderReference</c> of a repair's compensation credit: unique, so it is posted once.</summary>
    public static string CompensationProviderReference(int repairId) => $"R2R-COMPENSATION-{repairId}";

    public bool Applies => rules.Applies;

    /// <summary>Active contractors, by name, for the officer's choice.</summary>
    public Task<List<Contractor>> ContractorsAsync(CancellationToken ct) =>
        housing.Contractors.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>The name of the repair's contractor, or null when none is assigned.</summary>
    public Task<string?> ContractorNameAsync(string reference, CancellationToken ct) =>
        housing.Repairs.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.Contractor == null ? null : r.Contractor.Name).SingleOrDefaultAsync(ct);

    /// <summary>The Right to Repair state of a repair, or null where it does not apply (not a council landlord in England
    /// or Wales, or not a defect in the Schedule). Two reads: the repair (housing) and its case with notices (portal).</summary>
    public async Task<RightToRepairState?> StateAsync(string reference, CancellationToken ct)
    {
        if (!rules.Applies)
        {
            return null;
        }

        var r = await housing.Repairs.AsNoTracking().Where(x => x.Reference == reference)
            .Select(x => new { x.Id, x.Status, x.ReportedAt, x.CompletedAt, x.CatalogueItem.RightToRepairDefect })
            .SingleOrDefaultAsync(ct);
        if (r?.RightToRepairDefect is not { } defect)
        {
            return null;
        }

        var c = await portal.RightToRepairCases.AsNoTracking().Include(x => x.Notices).SingleOrDefaultAsync(x => x.RepairId == r.Id, ct);
        return State(c, defect, r.ReportedAt, r.Status, r.CompletedAt);
    }

    /// <summary>On reporting (inside <see cref="RepairReporting"/>'s transaction, after the repair is saved): a qualifying
    /// repair gets the trade's default contractor, its case and its repair notice, sent to the tenants.</summary>
    public async Task RaisedAsync(Repair repair, RightToRepairDefect? defect, string actor, CancellationToken ct)
    {
        if (!rules.Applies || !RightToRepair.IsQualifying(defect, estimatedCost: null) || defect is null || repair.TenancyId is null)
        {
            return;
        }

        var contractor = await housing.Contractors.Where(c => c.IsActive && c.DefaultForTrade == repair.Trade).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var c = NewCase(repair, defect.Value);
        portal.RightToRepairCases.Add(c);
        if (contractor is not null)
        {
            repair.ContractorId = contractor.Id;
            await housing.SaveChangesAsync(ct);
            var lastDay = LastDayOf(c, 1);
            await IssueNoticeAsync(repair, c, contractor, worksOrder: 1, lastDay, actor, ct);
            housing.RepairStatusHistory.Add(new RepairStatusChange
            {
                RepairId = repair.Id,
                Status = repair.Status,
                At = clock.GetUtcNow().UtcDateTime,
                Note = NoticeSentNote(contractor.Name, lastDay),
                NoteVisibleToTenant = true,
                ChangedBy = actor,
                Channel = repair.Channel,
            });
            await housing.SaveChangesAsync(ct);
        }
    }

    /// <summary>An officer gives the repair to a contractor (any repair). For a qualifying repair a repair notice naming
    /// them is issued and sent; it keeps the period's last day (a new contractor does not move the deadline).</summary>
    public Task<RightToRepairResult> AssignContractorAsync(string reference, Guid version, int contractorId, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.contractor-assigned", async (repair, defect, c, now) =>
        {
            var contractor = await ActiveContractorAsync(contractorId, ct);
            if (contractor is null)
            {
                return (RightToRepairResult.Invalid("ContractorId", "Select a contractor"), null);
            }

            if (repair.ContractorId == contractor.Id)
            {
                return (RightToRepairResult.Invalid("ContractorId", $"{contractor.Name} is already the contractor"), null);
            }

            if (c is { SecondContractorRequestedOn: not null } && !c.Notices.Any(n => n.WorksOrder == 2))
            {
                return (RightToRepairResult.Invalid("ContractorId", "The tenant has asked for a second contractor: issue a further works order to another contractor instead"), null);
            }

            repair.ContractorId = contractor.Id;
            if (defect is not { } qualifying || repair.TenancyId is null)
            {
                return new Change(RightToRepairResult.Done, $"Contractor: {contractor.Name}", Visible: false);
            }

            c ??= AddCase(repair, qualifying);
            var order = c.Notices.Count == 0 ? 1 : c.Notices.Max(n => n.WorksOrder);
            var lastDay = LastDayOf(c, order);
            await IssueNoticeAsync(repair, c, contractor, order, lastDay, officer.DisplayName(), ct);
            return (RightToRepairResult.Done, NoticeSentNote(contractor.Name, lastDay));
        }, ct);

    /// <summary>The tenant asks online for a second contractor: only once the first period has passed with the repair not done.</summary>
    public async Task<RightToRepairResult> RequestSecondContractorAsync(int repairId, int tenancyId, ClaimsPrincipal tenant, CancellationToken ct = default)
    {
        var reference = await housing.Repairs.AsNoTracking().Where(r => r.Id == repairId && r.TenancyId == tenancyId).Select(r => r.Reference).SingleOrDefaultAsync(ct);
        return reference is null
            ? new RightToRepairResult(RightToRepairOutcome.NotFound)
            : await ApplyAsync(reference, version: null, tenant, "repair.r2r-second-contractor-requested",
                (repair, defect, c, now) => Task.FromResult(RecordRequest(repair, defect, c, UkTime.DateOf(now), online: true, tenant.DisplayName(), now)), ct, RepairChannel.Portal);
    }

    /// <summary>An officer records the tenant's request for a second contractor from a phone call or letter, with the UK
    /// date it was received (the second period counts from the next working day).</summary>
    public Task<RightToRepairResult> RecordSecondContractorRequestAsync(string reference, Guid version, DateOnly receivedOn, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.r2r-second-contractor-requested", (repair, defect, c, now) =>
        {
            var today = UkTime.DateOf(now);
            return Task.FromResult(receivedOn > today
                ? new Change(RightToRepairResult.Invalid("ReceivedOn", "The date the tenant asked must be today or in the past"), null)
                : RecordRequest(repair, defect, c, receivedOn, online: false, officer.DisplayName(), now));
        }, ct);

    /// <summary>The further works order: another contractor, a new notice, and the second period's last day.</summary>
    public Task<RightToRepairResult> IssueFurtherWorksOrderAsync(string reference, Guid version, int contractorId, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.r2r-further-works-order", async (repair, defect, c, now) =>
        {
            if (c?.SecondContractorRequestedOn is null || defect is null)
            {
                return (RightToRepairResult.Invalid("ContractorId", "Record the tenant's request for a second contractor first"), null);
            }

            if (c.Notices.Any(n => n.WorksOrder == 2))
            {
                return (RightToRepairResult.Invalid("ContractorId", "A further works order has already been issued"), null);
            }

            var contractor = await ActiveContractorAsync(contractorId, ct);
            if (contractor is null)
            {
                return (RightToRepairResult.Invalid("ContractorId", "Select a contractor"), null);
            }

            if (c.Notices.Any(n => n.WorksOrder == 1 && n.ContractorId == contractor.Id) || repair.ContractorId == contractor.Id)
            {
                return (RightToRepairResult.Invalid("ContractorId", "Select a different contractor from the first one"), null);
            }

            repair.ContractorId = contractor.Id;
            var lastDay = LastDayOf(c, 2);
            await IssueNoticeAsync(repair, c, contractor, 2, lastDay, officer.DisplayName(), ct);
            return (RightToRepairResult.Done, $"We have asked a different contractor, {contractor.Name}, to do this repair by {RepairWording.Date(lastDay)}. We sent you a new repair notice.");
        }, ct);

    /// <summary>An officer records the landlord's estimate of the repair's cost (or clears it with null). Above £250 the
    /// repair is not a qualifying repair (<see cref="RightToRepair.IsQualifying"/>): no notice is issued from then on,
    /// and if one was already sent the tenants are told, once, that the Right to Repair does not cover it.</summary>
    public Task<RightToRepairResult> RecordEstimatedCostAsync(string reference, Guid version, decimal? estimatedCost, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, EstimatedCostAction, async (repair, defect, c, now) =>
        {
            if (defect is not { } scheduleDefect || repair.TenancyId is not int tenancyId)
            {
                return (RightToRepairResult.Invalid("EstimatedCost", "This repair is not a defect in the Right to Repair Schedule"), null);
            }

            c ??= AddCase(repair, scheduleDefect);
            var wasQualifying = RightToRepair.IsQualifying(scheduleDefect, c.EstimatedCost);
            c.EstimatedCost = estimatedCost;
            var recorded = estimatedCost is { } cost ? $"Estimated cost: {Money(cost)}" : "Estimated cost cleared";
            if (!wasQualifying || RightToRepair.IsQualifying(scheduleDefect, estimatedCost) || c.Notices.Count == 0)
            {
                return new Change(RightToRepairResult.Done, recorded, Visible: false);
            }

            var l = landlord.Value;
            var sentence = $"Repair {repair.Reference} is not covered by the Right to Repair because we estimate it will cost more than {RightToRepair.QualifyingCostLimitText}.";
            await notifier.TellTenancyAsync(portal, tenancyId, new Notifications.TenantMessage(
                $"Repair {repair.Reference}: not covered by the Right to Repair",
                $"""
                {sentence} This replaces the repair notice we sent you: you cannot ask for a different contractor or compensation under the Right to Repair for this repair. We will still do the repair.

                See your repair: {messages.RepairLink(repair.Reference)}

                {l.Name}. Call us on {l.PhoneNumber} if you have a question.
                """,
                $"{l.Name}: {sentence} Questions? Call {l.PhoneNumber}."), ct);
            return (RightToRepairResult.Done, NotCoveredNote);
        }, ct, anyScheduleDefect: true);

    /// <summary>Pays the compensation once: credited to the rent account (a <see cref="RentTransactionType.Compensation"/>
    /// line) or recorded as paid another way (with how). A second attempt pays nothing.</summary>
    public Task<RightToRepairResult> PayCompensationAsync(string reference, Guid version, CompensationMethod method, string? note, ClaimsPrincipal officer, CancellationToken ct = default) =>
        ApplyAsync(reference, version, officer, "repair.r2r-compensation-paid", async (repair, defect, c, now) =>
        {
            if (c is null || defect is null || repair.TenancyId is not int tenancyId)
            {
                return (RightToRepairResult.Invalid("Method", "No compensation is due on this repair"), null);
            }

            var state = State(c, defect.Value, repair.ReportedAt, repair.Status, repair.CompletedAt);
            if (!state.MayPayCompensation)
            {
                return (RightToRepairResult.Invalid("Method", state.CompensationDue == 0 ? "No compensation is due on this repair"
                    : "The compensation is still growing: pay it when the repair is done, or once it reaches £50"), null);
            }

            if (method == CompensationMethod.Other && string.IsNullOrWhiteSpace(note))
            {
                return (RightToRepairResult.Invalid("Note", "Say how the compensation was paid"), null);
            }

            var amount = state.CompensationDue;
            if (method == CompensationMethod.RentAccount)
            {
                c.CompensationRentTransactionId = await ledger.PostAsync(tenancyId, -amount, RentTransactionType.Compensation,
                    $"Right to Repair compensation, repair {repair.Reference}", repair.Reference, CompensationProviderReference(repair.Id), ct);
            }

            c.CompensationPaid = amount;
            c.CompensationPaidAt = now;
            c.CompensationPaidBy = officer.DisplayName();
            c.CompensationMethod = method;
            c.CompensationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            var how = method == CompensationMethod.RentAccount ? "We have put it into your rent account." : $"Paid: {c.CompensationNote}";
            var sentence = $"We have paid you {Money(amount)} compensation because repair {repair.Reference} was not done in time. {how}";
            await notifier.TellTenancyAsync(portal, tenancyId, new Notifications.TenantMessage(
                $"Repair {repair.Reference}: we have paid you {Money(amount)} compensation",
                $"""
                {sentence}

                See your repair: {messages.RepairLink(repair.Reference)}

                {landlord.Value.Name}. Call us on {landlord.Value.PhoneNumber} if you have a question.
                """,
                $"{landlord.Value.Name}: we have paid you {Money(amount)} compensation for repair {repair.Reference}. {messages.RepairLink(repair.Reference)}"), ct);
            return (RightToRepairResult.Done, $"We have paid you {Money(amount)} compensation because this repair was not done in time. {how}");
        }, ct, alreadyDone: c => c?.CompensationPaid is not null);

    /// <summary>The state from the stored case, or (no case yet: no contractor) from the repair alone.</summary>
    public RightToRepairState State(RightToRepairCase? c, RightToRepairDefect defect, DateTime reportedAt, RepairStatus status, DateTime? completedAt)
    {
        var today = UkTime.Today(clock);
        var receivedOn = c?.ReceivedOn ?? UkTime.DateOf(reportedAt);
        var days = c?.PrescribedWorkingDays ?? RightToRepair.PrescribedWorkingDays(defect, receivedOn);
        var firstLastDay = rules.LastDay(receivedOn, days);
        var open = Repair.IsOpenStatus(status);
        DateOnly? doneOn = status == RepairStatus.Completed && completedAt is { } done ? UkTime.DateOf(done) : null;
        var until = doneOn ?? today;
        var requestedOn = c?.SecondContractorRequestedOn;
        DateOnly? secondLastDay = requestedOn is { } asked ? rules.LastDay(asked, days) : null;
        var qualifying = RightToRepair.IsQualifying(defect, c?.EstimatedCost);
        var due = qualifying && secondLastDay is { } second && status != RepairStatus.Cancelled ? RightToRepair.Compensation(second, until) : 0m;
        var notices = c?.Notices.OrderBy(n => n.IssuedAt).ThenBy(n => n.Id)
            .Select(n => new RightToRepairNoticeView(n.WorksOrder, n.ContractorName, n.ContractorAddress, n.ContractorPhone, n.LastDay, n.IssuedAt, n.Text)).ToList() ?? [];
        return new RightToRepairState(
            RightToRepair.Describe(defect),
            days,
            firstLastDay,
            notices,
            open,
            FirstPeriodMissed: until > firstLastDay && status != RepairStatus.Cancelled,
            MayAskForSecondContractor: qualifying && open && today > firstLastDay && requestedOn is null,
            requestedOn,
            c?.SecondContractorRequestedOnline ?? false,
            secondLastDay,
            notices.Any(n => n.WorksOrder == 2),
            due,
            CompensationFinal: due > 0 && (doneOn is not null || due >= RightToRepair.CompensationCap),
            c?.CompensationPaid,
            c?.CompensationPaidAt,
            c?.CompensationMethod,
            c?.CompensationNote,
            c?.EstimatedCost,
            qualifying);
    }

    /// <summary>The repair notice (regulation 5 and the Schedule): the qualifying repair, the contractor's name, address
    /// and phone, the last day of the prescribed period and the tenant's rights.</summary>
    public string ComposeNotice(string reference, string what, RightToRepairCase c, Contractor contractor, int worksOrder, DateOnly lastDay)
    {
        var l = landlord.Value;
        var days = RightToRepairState.Days(c.PrescribedWorkingDays);
        var counted = worksOrder == 1
            ? $"counted from the first working day after we received your report on {RepairWording.Date(c.ReceivedOn)}"
            : $"counted from the first working day after you asked us for a different contractor on {RepairWording.Date(c.SecondContractorRequestedOn!.Value)}";
        var rights = worksOrder == 1
            ? $"If it is not done by {RepairWording.Date(lastDay)}, tell us (on your repair's page or by calling {l.PhoneNumber}) and we will send a different contractor, who will have another {days}. If they don't do it in time either, we will pay you £10, plus £2 for every day it is still not done, up to £50."
            : $"If it is not done by {RepairWording.Date(lastDay)}, we will pay you £10, plus £2 for every day it is still not done, up to £50.";
        return $"""
            Repair notice: repair {reference}
            Right to Repair (Secure Tenants of Local Housing Authorities (Right to Repair) Regulations 1994){(worksOrder == 2 ? "\nFurther works order: the first contractor did not do the repair in time, so we have asked a different contractor." : "")}

            The repair: {RightToRepair.Describe(c.Defect)} ({what})

            The contractor:
            {contractor.Name}
            {contractor.Address}
            Phone: {contractor.PhoneNumber}

            The last day: {RepairWording.Date(lastDay)}. The contractor must do the repair within {days}, {counted}.

            Your rights: {rights}

            {l.Name}. Call us on {l.PhoneNumber} if you have a question.
            """;
    }

    private const string EstimatedCostAction = "repair.r2r-estimated-cost-recorded";

    /// <summary>What the tenant's timeline says when a repair estimated above £250 leaves the Right to Repair.</summary>
    public static readonly string NotCoveredNote =
        $"This repair is not covered by the Right to Repair because we estimate it will cost more than {RightToRepair.QualifyingCostLimitText}.";

    private static string Money(decimal amount) => Payments.Money.Format(amount);

    private static string NoticeSentNote(string contractor, DateOnly lastDay) =>
        $"We sent you a repair notice: {contractor} will do this repair by {RepairWording.Date(lastDay)}.";

    private DateOnly LastDayOf(RightToRepairCase c, int worksOrder) =>
        rules.LastDay(worksOrder == 1 ? c.ReceivedOn : c.SecondContractorRequestedOn!.Value, c.PrescribedWorkingDays);

    private RightToRepairCase NewCase(Repair repair, RightToRepairDefect defect)
    {
        var receivedOn = UkTime.DateOf(repair.ReportedAt);
        return new RightToRepairCase
        {
            RepairId = repair.Id,
            TenancyId = repair.TenancyId!.Value,
            Defect = defect,
            ReceivedOn = receivedOn,
            PrescribedWorkingDays = RightToRepair.PrescribedWorkingDays(defect, receivedOn),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    private RightToRepairCase AddCase(Repair repair, RightToRepairDefect defect)
    {
        var c = NewCase(repair, defect);
        portal.RightToRepairCases.Add(c);
        return c;
    }

    private Task<Contractor?> ActiveContractorAsync(int id, CancellationToken ct) =>
        housing.Contractors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.IsActive, ct);

    private Change RecordRequest(Repair repair, RightToRepairDefect? defect, RightToRepairCase? c, DateOnly receivedOn, bool online, string by, DateTime now)
    {
        if (defect is not { } qualifying || repair.TenancyId is null)
        {
            return (RightToRepairResult.Invalid("ReceivedOn", "This is not a qualifying repair under the Right to Repair"), null);
        }

        if (c?.SecondContractorRequestedOn is not null)
        {
            return (RightToRepairResult.Invalid("ReceivedOn", $"The tenant already asked for a second contractor on {RepairWording.Date(c.SecondContractorRequestedOn.Value)}"), null);
        }

        c ??= AddCase(repair, qualifying);
        var state = State(c, qualifying, repair.ReportedAt, repair.Status, repair.CompletedAt);
        if (receivedOn <= state.FirstLastDay)
        {
            return (RightToRepairResult.Invalid("ReceivedOn", $"A second contractor can be asked for only after the last day of the period, {RepairWording.Date(state.FirstLastDay)}"), null);
        }

        if (!state.Open)
        {
            return (RightToRepairResult.Invalid("ReceivedOn", "The repair is closed, so a second contractor can't be asked for"), null);
        }

        c.SecondContractorRequestedOn = receivedOn;
        c.SecondContractorRequestRecordedAt = now;
        c.SecondContractorRequestedBy = by;
        c.SecondContractorRequestedOnline = online;
        var secondLastDay = LastDayOf(c, 2);
        return (RightToRepairResult.Done, online
            ? $"You asked us for a different contractor. They must do the repair by {RepairWording.Date(secondLastDay)}."
            : $"You asked us for a different contractor on {RepairWording.Date(receivedOn)}. They must do the repair by {RepairWording.Date(secondLastDay)}.");
    }

    private async Task IssueNoticeAsync(Repair repair, RightToRepairCase c, Contractor contractor, int worksOrder, DateOnly lastDay, string by, CancellationToken ct)
    {
        var what = await housing.RepairCatalogue.AsNoTracking().Where(i => i.Id == repair.CatalogueItemId)
            .Select(i => i.Item + ": " + i.Problem.ToLower()).SingleAsync(ct);
        var text = ComposeNotice(repair.Reference, what, c, contractor, worksOrder, lastDay);
        c.Notices.Add(new RightToRepairNotice
        {
            WorksOrder = worksOrder,
            ContractorId = contractor.Id,
            ContractorName = contractor.Name,
            ContractorAddress = contractor.Address,
            ContractorPhone = contractor.PhoneNumber,
            LastDay = lastDay,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            IssuedBy = by,
            Text = text,
        });
        c.Version = Guid.NewGuid();
        var l = landlord.Value;
        var name = contractor.Name.Length <= 40 ? contractor.Name : contractor.Name[..37] + "...";
        await notifier.TellTenancyAsync(portal, repair.TenancyId!.Value, new Notifications.TenantMessage(
            $"Repair {repair.Reference}: your repair notice (Right to Repair)",
            $"""
            {text}

            You can read this notice at any time on your repair's page: {messages.RepairLink(repair.Reference)}
            """,
            $"{l.Name}: repair {repair.Reference}: {name} will do it by {lastDay.ToString("d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} (Right to Repair). Your notice: {messages.RepairLink(repair.Reference)}"), ct);
    }

    private async Task<RightToRepairResult> ApplyAsync(string reference, Guid? version, ClaimsPrincipal actor, string action,
        Func<Repair, RightToRepairDefect?, RightToRepairCase?, DateTime, Task<Change>> change,
        CancellationToken ct, RepairChannel channel = RepairChannel.Officer, Func<RightToRepairCase?, bool>? alreadyDone = null, bool anyScheduleDefect = false)
    {
        try
        {
            return await unitOfWork.ExecuteAsync(async tx =>
            {
                var repair = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference, tx);
                if (repair is null)
                {
                    return UnitOfWork.Rollback(new RightToRepairResult(RightToRepairOutcome.NotFound));
                }

                var defect = rules.Applies
                    ? await housing.RepairCatalogue.AsNoTracking().Where(i => i.Id == repair.CatalogueItemId).Select(i => i.RightToRepairDefect).SingleAsync(tx)
                    : null;
                var c = await portal.RightToRepairCases.Include(x => x.Notices).SingleOrDefaultAsync(x => x.RepairId == repair.Id, tx);
                if (alreadyDone?.Invoke(c) == true)
                {
                    // Already done (a second click, a retry): nothing more is written.
                    return UnitOfWork.Rollback(RightToRepairResult.Done);
                }

                if (version is { } expected && repair.Version != expected)
                {
                    return UnitOfWork.Rollback(new RightToRepairResult(RightToRepairOutcome.Stale));
                }

                if (!repair.IsOpen && action != "repair.r2r-compensation-paid")
                {
                    return UnitOfWork.Rollback(RightToRepairResult.Invalid(action switch
                    {
                        "repair.r2r-second-contractor-requested" => "ReceivedOn",
                        EstimatedCostAction => "EstimatedCost",
                        _ => "ContractorId",
                    }, "The repair is closed, so it can't be changed"));
                }

                var before = Snapshot(repair, c);
                var now = clock.GetUtcNow().UtcDateTime;
                // Every action but the estimate itself sees a repair estimated above £250 as no qualifying repair at all.
                var (result, note, visible) = await change(repair, anyScheduleDefect || RightToRepair.IsQualifying(defect, c?.EstimatedCost) ? defect : null, c, now);
                if (result.Outcome != RightToRepairOutcome.Done)
                {
                    housing.ChangeTracker.Clear();
                    portal.ChangeTracker.Clear();
                    return UnitOfWork.Rollback(result);
                }

                c = portal.RightToRepairCases.Local.SingleOrDefault(x => x.RepairId == repair.Id) ?? c;
                if (c is not null)
                {
                    c.Version = Guid.NewGuid();
                }

                housing.Touch(repair);
                housing.RepairStatusHistory.Add(new RepairStatusChange
                {
                    RepairId = repair.Id,
                    Status = repair.Status,
                    At = now,
                    Note = note,
                    NoteVisibleToTenant = note is not null && visible,
                    ChangedBy = actor.DisplayName(),
                    Channel = channel,
                });
                audit.Record(portal, actor, action, "Repair", repair.Reference, before, Snapshot(repair, c));
                await housing.SaveChangesAsync(tx);
                await portal.SaveChangesAsync(tx);
                return UnitOfWork.Commit(RightToRepairResult.Done);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // A racing writer changed the repair or the case, or posted the compensation first (unique ProviderReference).
            housing.ChangeTracker.Clear();
            portal.ChangeTracker.Clear();
            return new RightToRepairResult(RightToRepairOutcome.Stale);
        }
    }

    /// <summary>What an action did: its result and the line on the repair's timeline (for the tenant unless not <see cref="Visible"/>).</summary>
    private readonly record struct Change(RightToRepairResult Result, string? Note, bool Visible = true)
    {
        public static implicit operator Change((RightToRepairResult Result, string? Note) t) => new(t.Result, t.Note);
    }

    private static object Snapshot(Repair r, RightToRepairCase? c) => new
    {
        r.ContractorId,
        Case = c is null ? null : new
        {
            c.ReceivedOn,
            c.PrescribedWorkingDays,
            Notices = c.Notices.Select(n => new { n.WorksOrder, n.ContractorId, n.LastDay }).ToList(),
            c.SecondContractorRequestedOn,
            c.SecondContractorRequestedOnline,
            c.CompensationPaid,
            c.CompensationMethod,
            c.CompensationRentTransactionId,
            c.EstimatedCost,
        },
    };
}
