using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>Report a repair, one question per page (<see cref="ReportRepairSteps"/>): the tenant's own at
/// /repairs/report and an officer's for a tenancy at /admin/tenancies/{tenancy}/report-repair. Both run the same steps;
/// what differs is the <see cref="RepairJourneyContext"/> worked out from the address (<see cref="RepairJourneyContexts"/>
/// also checks the Tenant or Staff policy). Answers are kept in the portal database (<see cref="RepairDraftStore"/>)
/// until <see cref="RepairJourneySubmission"/> turns them into a job. This file: start, guard, check and submit; the
/// questions are in ReportRepairController.Questions.cs and the photos in ReportRepairController.Photos.cs.</summary>
/// <remarks>The officer's address is tried first when generating links (Order -1): it needs the tenancy, so a tenant's
/// links (no tenancy) fall through to /repairs/report and an officer's never lose the tenancy to a query string.</remarks>
[Authorize]
[Route("repairs/report")]
[Route("admin/tenancies/{" + RepairJourneyContexts.TenancyRouteValue + "}/report-repair", Order = -1)]
public sealed partial class ReportRepairController : Controller
{
    private readonly HousingDbContext db;
    private readonly RepairDraftStore drafts;
    private readonly RepairPhotoStore photos;
    private readonly RepairQueries queries;
    private readonly RepairCatalogueChoices catalogue;
    private readonly RepairAppointmentChoices appointments;
    private readonly RepairJourneySubmission submission;
    private readonly RepairJourneyContexts contexts;
    private readonly TimeProvider clock;
    private readonly ILogger<ReportRepairController> logger;
    private RepairJourneyContext journey = null!;

    public ReportRepairController(
        HousingDbContext db,
        RepairDraftStore drafts,
        RepairPhotoStore photos,
        RepairQueries queries,
        RepairCatalogueChoices catalogue,
        RepairAppointmentChoices appointments,
        RepairJourneySubmission submission,
        RepairJourneyContexts contexts,
        TimeProvider clock,
        ILogger<ReportRepairController> logger)
    {
        (this.db, this.drafts, this.photos, this.queries, this.catalogue) = (db, drafts, photos, queries, catalogue);
        (this.appointments, this.submission, this.contexts, this.clock, this.logger) = (appointments, submission, contexts, clock, logger);
    }

    private static Shared.Journeys.JourneySteps<RepairDraft> Steps => ReportRepairSteps.All;

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var (found, refusal) = await contexts.ForRequestAsync(this, context.HttpContext.RequestAborted);
        if (found is null)
        {
            context.Result = refusal;
            return;
        }

        journey = found;
        ViewData[nameof(RepairJourneyContext)] = journey;
        await base.OnActionExecutionAsync(context, next);
    }

    /// <summary>The journey's views live in Features/ReportRepair whichever address shows them.</summary>
    public override ViewResult View(string? viewName, object? model) =>
        base.View(viewName is null || viewName.StartsWith('~') ? viewName : $"~/Features/ReportRepair/{viewName}.cshtml", model);

    [HttpGet("")]
    public IActionResult Start() => View("Emergency");

    [HttpPost("")]
    public async Task<IActionResult> StartPost(RepairChannel? channel)
    {
        if (journey.ForOfficer && channel is not (RepairChannel.Officer or RepairChannel.Phone))
        {
            ModelState.AddModelError("channel", "Select how the tenant is reporting this repair");
            return View("Emergency");
        }

        // The start page always starts a new report ("start again"); an unfinished one is replaced and its photos
        // deleted. A user who comes back to a step's address (Back, or signing in again) carries on instead.
        if (await LoadDraftAsync() is { SubmittedReference: null } unfinished)
        {
            foreach (var photo in unfinished.Photos)
            {
                await photos.DeleteAsync(photo.StoredFileName, HttpContext.RequestAborted);
            }
        }

        var draft = new RepairDraft
        {
            OwnerUserId = journey.OwnerUserId,
            TenancyId = journey.TenancyId,
            ReportedByTenantId = journey.ReporterTenantId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Channel = journey.ForOfficer ? channel!.Value : RepairChannel.Portal,
            EmergencyChecked = true,
        };
        await drafts.StartAsync(draft, HttpContext.RequestAborted);
        return GoTo(Steps.FirstUnanswered(draft), change: false);
    }

    [HttpGet("check")]
    public async Task<IActionResult> Check(CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Check));
        return redirect ?? await CheckViewAsync(draft, new ReportPriorityForm { Priority = draft.PriorityOverride, PriorityReason = draft.PriorityReason }, ct);
    }

    [HttpPost("check")]
    public async Task<IActionResult> Submit(ReportPriorityForm officerPriority, CancellationToken ct)
    {
        var draft = await LoadDraftAsync();
        if (draft?.SubmittedReference is { } done)
        {
            return RedirectToAction(nameof(Confirmation), journey.RouteValues(new { reference = done }));
        }

        (var redirect, draft) = await GuardAsync(nameof(Check));
        if (redirect is not null)
        {
            return redirect;
        }

        if (journey.ForOfficer && !await SetPriorityAsync(draft, officerPriority, ct))
        {
            return await CheckViewAsync(draft, officerPriority, ct);
        }

        SubmitResult result;
        try
        {
            result = await submission.SubmitAsync(draft, journey, User, ct);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            logger.LogError(ex, "Repair report could not be saved: database unavailable");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("Unavailable");
        }

        switch (result.Status)
        {
            case SubmitStatus.Created or SubmitStatus.AlreadySubmitted:
                draft.SubmittedReference = result.Reference;
                await drafts.SaveAsync(draft, HttpContext.RequestAborted);
                return RedirectToAction(nameof(Confirmation), journey.RouteValues(new { reference = result.Reference }));
            case SubmitStatus.SlotTaken:
                draft.SlotId = null;
                draft.AppointmentDone = false;
                draft.Notice = result.Error;
                await drafts.SaveAsync(draft, HttpContext.RequestAborted);
                return GoTo(nameof(Appointment), change: true);
            default:
                return GoTo(Steps.FirstUnanswered(draft), change: false);
        }
    }

    [HttpGet("confirmation/{reference}")]
    public async Task<IActionResult> Confirmation(Reference reference, CancellationToken ct)
    {
        var tenancyId = journey.TenancyId;
        var repair = await db.Repairs.AsNoTracking().Where(r => r.Reference == reference && r.TenancyId == tenancyId)
            .Select(r => new
            {
                r.Reference,
                r.CatalogueItem.Item,
                r.CatalogueItem.Problem,
                r.Priority,
                r.HazardType,
                r.TargetDate,
                r.InvestigateBy,
                Slot = r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => new { a.Slot.Date, a.Slot.Period }).FirstOrDefault(),
                CallToArrange = r.History.Any(h => h.Status == RepairStatus.Reported && h.Note == RepairReporting.CallToArrangeNote),
                HasAlert = db.Tenancies.Where(t => t.Id == r.TenancyId).Any(Household.HasCautionaryAlert),
                Contact = r.Tenancy!.Tenants.Where(t => t.Id == r.ReportedByTenantId)
                    .Select(t => new Notifications.ContactPreferences(t.PreferredContactMethod, t.AgreesToEmails, t.AgreesToTexts, t.Email, t.MobilePhone)).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (repair is null)
        {
            return NotFound();
        }

        return View("Confirmation", new ConfirmationPage
        {
            Reference = repair.Reference,
            What = $"{repair.Item}: {repair.Problem.ToLowerInvariant()}",
            Appointment = repair.Slot is null ? null : SlotText.Describe(repair.Slot.Date, repair.Slot.Period),
            CallToArrange = repair.Slot is null && repair.CallToArrange,
            WhatHappensNext = RepairWording.WhatHappensNext(repair.Priority, repair.HazardType, repair.TargetDate, repair.InvestigateBy, repair.HasAlert),
            HowWeTold = repair.Contact is null ? "" : Notifications.TenantMessages.HowWeTold(Notifications.ChannelChoice.Choose(repair.Contact)),
        });
    }

    private async Task<IActionResult> CheckViewAsync(RepairDraft draft, ReportPriorityForm priority, CancellationToken ct)
    {
        var item = await catalogue.ChosenAsync(draft, ct);
        var appointment = await appointments.DescribeAsync(draft, journey, ct);
        var rows = new List<CheckRow>
        {
            new("Where", draft.Area!, nameof(Where)),
            new("What", item.Item, nameof(What)),
            new("What is wrong", item.Problem, nameof(Problem)),
            new("Description", draft.Description!, nameof(Describe)),
            new("Photos", draft.Photos.Count == 0 ? "None" : $"{draft.Photos.Count} added", nameof(Photos)),
            new("Who will be at home", draft.WhoWillBeHome!, nameof(Access)),
            new("Access notes", draft.AccessNotes ?? "None", nameof(Access)),
            new("Phone number", ContactDetails.UkPhoneNumbers.Display(draft.ContactPhone), nameof(Access)),
            new("Appointment", appointment.Answer, appointment.CanChoose ? nameof(Appointment) : null),
        };
        SetBackLink(nameof(Check), change: false);
        return View("Check", new CheckPage { Rows = rows, Photos = draft.Photos, CataloguePriority = item.Priority, Priority = priority.Priority, PriorityReason = priority.PriorityReason });
    }

    /// <summary>An officer may set another priority than the catalogue's, with a reason (kept in the draft, used by the
    /// report and audited with it). False, with the errors in the model state, when the form is not valid.</summary>
    private async Task<bool> SetPriorityAsync(RepairDraft draft, ReportPriorityForm form, CancellationToken ct)
    {
        var item = await catalogue.ChosenAsync(draft, ct);
        var changed = form.Priority is { } p && p != item.Priority;
        var reason = form.PriorityReason?.Trim();
        if (changed && string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(ReportPriorityForm.PriorityReason), "Enter why you are setting a different priority");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        draft.PriorityOverride = changed ? form.Priority : null;
        draft.PriorityReason = changed ? reason : null;
        draft.CataloguePriority = changed ? item.Priority : null;
        await drafts.SaveAsync(draft, ct);
        return true;
    }

    private Task<RepairDraft?> LoadDraftAsync() => drafts.LoadAsync(journey.OwnerUserId, journey.TenancyId, HttpContext.RequestAborted);

    /// <summary>Loads the draft and sends the user to the start, the confirmation, or the first unanswered question
    /// when <paramref name="step"/> can't be shown yet.</summary>
    private async Task<(IActionResult? Redirect, RepairDraft Draft)> GuardAsync(string step)
    {
        var draft = await LoadDraftAsync();
        if (draft is null || !draft.EmergencyChecked)
        {
            return (RedirectToAction(nameof(Start), journey.RouteValues()), null!);
        }

        if (draft.SubmittedReference is not null)
        {
            return (RedirectToAction(nameof(Confirmation), journey.RouteValues(new { reference = draft.SubmittedReference })), draft);
        }

        return (Steps.Redirect(step, draft) is { } first ? GoTo(first, change: false) : null, draft);
    }

    /// <summary>Continue after answering <paramref name="current"/> (see <see cref="Shared.Journeys.JourneySteps{TState}.After"/>).</summary>
    private RedirectToActionResult Next(RepairDraft draft, string current, bool change)
    {
        var next = Steps.After(current, draft, change);
        return GoTo(next.Step, next.Change);
    }

    private RedirectToActionResult GoTo(string step, bool change) =>
        RedirectToAction(step, journey.RouteValues(change && step != Steps.Check ? new { change = "true" } : null));

    /// <summary>The page's Back link, from the steps: the check page when changing an answer, else the previous question
    /// (the start page from the first).</summary>
    private void SetBackLink(string step, bool change) =>
        ViewData["BackLink"] = Url.JourneyStep(journey, Steps.Back(step, change) ?? nameof(Start));
}
