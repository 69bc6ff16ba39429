using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>The tenant's journey at /repairs/report.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("repairs/report")]
public sealed class ReportRepairController(
    HousingDbContext db,
    RepairDraftStore drafts,
    RepairPhotoStore photos,
    RepairQueries queries,
    RepairTargets targets,
    AppointmentBooking booking,
    RepairReporting reporting,
    TimeProvider clock,
    ILogger<ReportRepairController> logger) : RepairJourneyController(db, drafts, photos, queries, targets, booking, reporting, clock, logger)
{
    protected override string BasePath => "/repairs/report";

    protected override int TenancyId => User.TenancyId();

    protected override int? ReporterTenantId => User.TenantId();
}

/// <summary>Report a repair, one question per page. Answers are kept in a server-side draft
/// (<see cref="RepairDraftStore"/>) until <see cref="RepairReporting.SubmitAsync"/> turns them into a job. The tenant's
/// journey (<see cref="ReportRepairController"/>) and the officers' assisted-digital journey (Admin area, for a chosen
/// tenancy) are the same pages and rules; the subclasses say whose tenancy it is, where the pages live and the channel.</summary>
public abstract class RepairJourneyController(
    HousingDbContext db,
    RepairDraftStore drafts,
    RepairPhotoStore photos,
    RepairQueries queries,
    RepairTargets targets,
    AppointmentBooking booking,
    RepairReporting reporting,
    TimeProvider clock,
    ILogger logger) : Controller
{
    /// <summary>The housing database and the repairs core, for the officer's subclass (its own constructor passes them
    /// here rather than keeping a second copy).</summary>
    protected HousingDbContext Db => db;

    protected RepairReporting Reporting => reporting;

    /// <summary>Where the journey's pages live, e.g. "/repairs/report" (no trailing slash).</summary>
    protected abstract string BasePath { get; }

    /// <summary>The tenancy the repair is for.</summary>
    protected abstract int TenancyId { get; }

    /// <summary>The tenant reporting it (their phone is offered; the confirmation email goes to them).</summary>
    protected abstract int? ReporterTenantId { get; }

    /// <summary>True for officers: they choose the channel (officer or phone) on the first page.</summary>
    protected virtual bool StaffJourney => false;

    /// <summary>Where "your repairs" and a repair's page are.</summary>
    protected virtual string RepairsHome => "/repairs";

    /// <summary>Whether a household alert stops choosing a time (tenants: yes; officers may book).</summary>
    protected virtual bool AlertStopsBooking => true;

    protected virtual Task<SubmitResult> SubmitDraftAsync(RepairDraft draft, CancellationToken ct) =>
        reporting.SubmitAsync(draft, RepairChannel.Portal, new RepairActor(User.DisplayName(), ReporterTenantId), ct);

    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        ViewData["JourneyBase"] = BasePath;
        ViewData["JourneyStaff"] = StaffJourney;
        ViewData["RepairsHome"] = RepairsHome;
        base.OnActionExecuting(context);
    }

    /// <summary>The journey's views live in Features/ReportRepair whichever controller shows them.</summary>
    public override ViewResult View(string? viewName, object? model) =>
        base.View(viewName is null || viewName.StartsWith('~') ? viewName : $"~/Features/ReportRepair/{viewName}.cshtml", model);

    private static readonly string[] Steps = ["where", "what", "problem", "describe", "photos", "access", "appointment", "check"];
    private const string DampItem = "Damp or mould";

    [HttpGet("")]
    public IActionResult Start() => View("Emergency");

    [HttpPost("")]
    public async Task<IActionResult> StartPost(RepairChannel? channel)
    {
        if (StaffJourney && channel is not (RepairChannel.Officer or RepairChannel.Phone))
        {
            ModelState.AddModelError("channel", "Select how the tenant is reporting this repair");
            return View("Emergency");
        }

        // The start page always starts a new report ("start again"); an unfinished one is replaced and its photos
        // deleted. A tenant who comes back to a step's address (Back, or signing in again) carries on instead.
        if (await LoadDraftAsync() is { SubmittedReference: null } unfinished)
        {
            foreach (var photo in unfinished.Photos)
            {
                await photos.DeleteAsync(photo.StoredFileName, HttpContext.RequestAborted);
            }
        }

        var draft = new RepairDraft
        {
            OwnerUserId = UserId,
            TenancyId = TenancyId,
            ReportedByTenantId = ReporterTenantId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (StaffJourney)
        {
            draft.Channel = channel!.Value;
        }

        draft.EmergencyChecked = true;
        await drafts.StartAsync(draft, HttpContext.RequestAborted);
        return GoTo(NextStep(draft), change: false);
    }

    [HttpGet("where")]
    public async Task<IActionResult> Where(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("where");
        if (redirect is not null)
        {
            return redirect;
        }

        return View("Choice", await WherePageAsync(draft, draft.Area, change, ct));
    }

    [HttpPost("where")]
    public async Task<IActionResult> Where(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("where");
        if (redirect is not null)
        {
            return redirect;
        }

        var areas = await AreasAsync(ct);
        if (form.Choice is null || !areas.Contains(form.Choice))
        {
            ModelState.AddModelError(nameof(form.Choice), "Select where the problem is");
            return View("Choice", await WherePageAsync(draft, null, form.Change, ct));
        }

        if (draft.Area != form.Choice)
        {
            draft.Area = form.Choice;
            draft.Item = null;
            ClearProblem(draft);
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "where", form.Change);
    }

    [HttpGet("what")]
    public async Task<IActionResult> What(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("what");
        if (redirect is not null)
        {
            return redirect;
        }

        return View("Choice", await WhatPageAsync(draft, draft.Item, change, ct));
    }

    [HttpPost("what")]
    public async Task<IActionResult> What(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("what");
        if (redirect is not null)
        {
            return redirect;
        }

        var page = await WhatPageAsync(draft, form.Choice, form.Change, ct);
        if (form.Choice is null || page.Options.All(o => o.Value != form.Choice))
        {
            ModelState.AddModelError(nameof(form.Choice), "Select what needs repairing");
            return View("Choice", page);
        }

        if (draft.Item != form.Choice)
        {
            draft.Item = form.Choice;
            ClearProblem(draft);
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "what", form.Change);
    }

    [HttpGet("problem")]
    public async Task<IActionResult> Problem(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("problem");
        if (redirect is not null)
        {
            return redirect;
        }

        return View("Choice", await ProblemPageAsync(draft, draft.CatalogueItemId?.ToString(System.Globalization.CultureInfo.InvariantCulture), change, ct));
    }

    [HttpPost("problem")]
    public async Task<IActionResult> Problem(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("problem");
        if (redirect is not null)
        {
            return redirect;
        }

        var items = await ProblemsAsync(draft, ct);
        var chosen = items.FirstOrDefault(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == form.Choice);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(form.Choice), "Select what is wrong");
            return View("Choice", await ProblemPageAsync(draft, null, form.Change, ct));
        }

        if (chosen.IsTenantResponsibility)
        {
            return RedirectToAction(nameof(YourResponsibility), new { item = chosen.Id });
        }

        if (draft.CatalogueItemId != chosen.Id)
        {
            ClearProblem(draft);
            draft.CatalogueItemId = chosen.Id;
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "problem", form.Change);
    }

    [HttpGet("your-responsibility")]
    public async Task<IActionResult> YourResponsibility(int item, CancellationToken ct)
    {
        var entry = await db.RepairCatalogue.AsNoTracking().Where(i => i.Id == item && i.IsTenantResponsibility && i.IsActive)
            .Select(i => new AdvicePage { Item = i.Item, Problem = i.Problem, Advice = i.TenantAdvice ?? "" })
            .SingleOrDefaultAsync(ct);
        return entry is null ? NotFound() : View("Responsibility", entry);
    }

    [HttpGet("describe")]
    public async Task<IActionResult> Describe(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("describe");
        if (redirect is not null)
        {
            return redirect;
        }

        return View("Describe", new DescribeForm { Description = draft.Description, Change = change, Summary = await ProblemSummaryAsync(draft, ct) });
    }

    [HttpPost("describe")]
    public async Task<IActionResult> Describe(DescribeForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("describe");
        if (redirect is not null)
        {
            return redirect;
        }

        if (string.IsNullOrWhiteSpace(form.Description) && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(form.Description), "Describe the problem");
        }

        if (!ModelState.IsValid)
        {
            form.Summary = await ProblemSummaryAsync(draft, ct);
            return View("Describe", form);
        }

        draft.Description = form.Description!.Trim();
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "describe", form.Change);
    }

    [HttpGet("photos")]
    public async Task<IActionResult> Photos(bool change)
    {
        var (redirect, draft) = await GuardAsync("photos");
        if (redirect is not null)
        {
            return redirect;
        }

        return View("Photos", new PhotosPage { Photos = draft.Photos, MaxPhotos = photos.MaxPhotos, Change = change });
    }

    [HttpPost("photos")]
    [RequestSizeLimit(45_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = 45_000_000)]
    public async Task<IActionResult> Photos(List<IFormFile>? upload, string? button, bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("photos");
        if (redirect is not null)
        {
            return redirect;
        }

        var errors = new List<string>();
        var files = (upload ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (draft.Photos.Count + files.Count > photos.MaxPhotos)
        {
            // Refuse the whole batch rather than keep some: the tenant chooses which photos to send.
            errors.Add($"You can add up to {photos.MaxPhotos} photos");
            files.Clear();
        }
        else if (await photos.QuotaErrorAsync(TenancyId, files.Count, ct) is { } quota)
        {
            errors.Add(quota);
            files.Clear();
        }

        var owner = new PhotoOwner(TenancyId, draft.Id, draft.CreatedAt + RepairDraftStore.MaxAge);
        foreach (var file in files)
        {
            var (photo, error) = await photos.SaveAsync(file, owner, ct);
            if (photo is not null)
            {
                draft.Photos.Add(photo);
            }
            else
            {
                errors.Add(error!);
            }
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        if (errors.Count > 0 || button != "continue")
        {
            foreach (var error in errors.Distinct())
            {
                ModelState.AddModelError("upload", error);
            }

            if (errors.Count == 0 && (upload is null || upload.Count == 0))
            {
                ModelState.AddModelError("upload", "Choose a photo to add, or select Continue");
            }

            return View("Photos", new PhotosPage { Photos = draft.Photos, MaxPhotos = photos.MaxPhotos, Change = change });
        }

        draft.PhotosDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "photos", change);
    }

    [HttpPost("photos/remove")]
    public async Task<IActionResult> RemovePhoto(string name, bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("photos");
        if (redirect is not null)
        {
            return redirect;
        }

        var photo = draft.Photos.FirstOrDefault(p => p.StoredFileName == name);
        if (photo is not null)
        {
            draft.Photos.Remove(photo);
            await drafts.SaveAsync(draft, ct);
            await photos.DeleteAsync(photo.StoredFileName, ct);
        }

        return RedirectToAction(nameof(Photos), new { change });
    }

    /// <summary>A photo in the tenant's own draft, before the report is sent.</summary>
    [HttpGet("photos/{name}")]
    public Task<IActionResult> DraftPhoto(string name, CancellationToken ct) => DraftPhotoAsync(name, PhotoVariant.Full, ct);

    [HttpGet("photos/{name}/thumbnail")]
    public Task<IActionResult> DraftPhotoThumbnail(string name, CancellationToken ct) => DraftPhotoAsync(name, PhotoVariant.Thumbnail, ct);

    private async Task<IActionResult> DraftPhotoAsync(string name, PhotoVariant variant, CancellationToken ct)
    {
        var photo = (await LoadDraftAsync())?.Photos.FirstOrDefault(p => p.StoredFileName == name);
        return photo is null ? NotFound() : PhotoResults.Inline(this, await photos.ReadAsync(photo.StoredFileName, variant, ct), photo.ContentType, variant);
    }

    [HttpGet("access")]
    public async Task<IActionResult> Access(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("access");
        if (redirect is not null)
        {
            return redirect;
        }

        var phone = draft.ContactPhone;
        if (!draft.AccessDone && phone is null)
        {
            phone = (await queries.TenancyAsync(draft.TenancyId, ReporterTenantId ?? 0, ct))?.ContactPhone;
        }

        return View("Access", new AccessForm { WhoWillBeHome = draft.WhoWillBeHome, AccessNotes = draft.AccessNotes, ContactPhone = phone, Change = change });
    }

    [HttpPost("access")]
    public async Task<IActionResult> Access(AccessForm form)
    {
        var (redirect, draft) = await GuardAsync("access");
        if (redirect is not null)
        {
            return redirect;
        }

        if (!ModelState.IsValid)
        {
            return View("Access", form);
        }

        draft.WhoWillBeHome = form.WhoWillBeHome!.Trim();
        draft.AccessNotes = string.IsNullOrWhiteSpace(form.AccessNotes) ? null : form.AccessNotes.Trim();
        draft.ContactPhone = form.ContactPhone!.Trim();
        draft.AccessDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "access", form.Change);
    }

    [HttpGet("appointment")]
    public async Task<IActionResult> Appointment(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("appointment");
        if (redirect is not null)
        {
            return redirect;
        }

        var notice = draft.Notice;
        if (notice is not null)
        {
            draft.Notice = null;
            await drafts.SaveAsync(draft, HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(ChoiceForm.Choice), notice);
        }

        return await AppointmentViewAsync(draft, draft.SlotId, change, ct);
    }

    [HttpPost("appointment")]
    public async Task<IActionResult> Appointment(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("appointment");
        if (redirect is not null)
        {
            return redirect;
        }

        var options = await AppointmentOptionsAsync(draft, ct);
        if (options.Slots is not null && options.Slots.Count > 0)
        {
            var slot = options.Slots.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == form.Choice);
            if (slot is null)
            {
                ModelState.AddModelError(nameof(form.Choice), form.Choice is null ? "Select a time for the repair" : "Sorry, that time is no longer available. Choose another time");
                return await AppointmentViewAsync(draft, null, form.Change, ct);
            }

            draft.SlotId = slot.Id;
        }
        else
        {
            draft.SlotId = null;
        }

        draft.AppointmentDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, "appointment", form.Change);
    }

    [HttpGet("check")]
    public async Task<IActionResult> Check(CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync("check");
        if (redirect is not null)
        {
            return redirect;
        }

        var item = await db.RepairCatalogue.AsNoTracking().SingleAsync(i => i.Id == draft.CatalogueItemId, ct);
        string appointment;
        if (draft.SlotId is int slotId)
        {
            var slot = await db.AppointmentSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => new { s.Date, s.Period }).SingleAsync(ct);
            appointment = SlotText.Describe(slot.Date, slot.Period);
        }
        else
        {
            appointment = (await AppointmentOptionsAsync(draft, ct)).Message ?? "We will contact you to arrange a time";
        }

        var rows = new List<CheckRow>
        {
            new("Where", draft.Area!, "where"),
            new("What", item.Item, "what"),
            new("What is wrong", item.Problem, "problem"),
            new("Description", draft.Description!, "describe"),
            new("Photos", draft.Photos.Count == 0 ? "None" : $"{draft.Photos.Count} added", "photos"),
            new("Who will be at home", draft.WhoWillBeHome!, "access"),
            new("Access notes", draft.AccessNotes ?? "None", "access"),
            new("Phone number", draft.ContactPhone!, "access"),
            new("Appointment", appointment, "appointment"),
        };
        return View("Check", new CheckPage { Rows = rows, Photos = draft.Photos });
    }

    [HttpPost("check")]
    public async Task<IActionResult> Submit(CancellationToken ct)
    {
        var draft = await LoadDraftAsync();
        if (draft?.SubmittedReference is { } done)
        {
            return Redirect($"{BasePath}/confirmation/{done}");
        }

        (var redirect, draft) = await GuardAsync("check");
        if (redirect is not null)
        {
            return redirect;
        }

        SubmitResult result;
        try
        {
            result = await SubmitDraftAsync(draft, ct);
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
                return Redirect($"{BasePath}/confirmation/{result.Reference}");
            case SubmitStatus.SlotTaken:
                draft.SlotId = null;
                draft.AppointmentDone = false;
                draft.Notice = result.Error;
                await drafts.SaveAsync(draft, HttpContext.RequestAborted);
                return GoTo("appointment", change: true);
            default:
                return GoTo(NextStep(draft), change: false);
        }
    }

    [HttpGet("confirmation/{reference}")]
    public async Task<IActionResult> Confirmation(Reference reference, CancellationToken ct)
    {
        var tenancyId = TenancyId;
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
            WhatHappensNext = RepairWording.WhatHappensNext(repair.Priority, repair.HazardType, repair.TargetDate, repair.InvestigateBy, repair.HasAlert),
            HowWeTold = repair.Contact is null ? "" : Notifications.TenantMessages.HowWeTold(Notifications.ChannelChoice.Choose(repair.Contact)),
        });
    }

    // ---- helpers ----

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private Task<RepairDraft?> LoadDraftAsync() => drafts.LoadAsync(UserId, TenancyId, HttpContext.RequestAborted);

    /// <summary>Loads the draft and sends the tenant to the first unanswered question if this step is not reachable yet.</summary>
    private async Task<(IActionResult? Redirect, RepairDraft Draft)> GuardAsync(string step)
    {
        var draft = await LoadDraftAsync();
        if (draft is null || !draft.EmergencyChecked)
        {
            return (RedirectToAction(nameof(Start)), null!);
        }

        if (draft.SubmittedReference is not null)
        {
            return (Redirect($"{BasePath}/confirmation/{draft.SubmittedReference}"), draft);
        }

        var next = NextStep(draft);
        return (Array.IndexOf(Steps, next) < Array.IndexOf(Steps, step) ? GoTo(next, change: false) : null, draft);
    }

    private static string NextStep(RepairDraft d) =>
        d.Area is null ? "where"
        : d.Item is null ? "what"
        : d.CatalogueItemId is null ? "problem"
        : d.Description is null ? "describe"
        : !d.PhotosDone ? "photos"
        : !d.AccessDone ? "access"
        : !d.AppointmentDone ? "appointment"
        : "check";

    private RedirectResult Next(RepairDraft draft, string current, bool change)
    {
        if (change)
        {
            var next = NextStep(draft);
            return GoTo(next, change: next != "check");
        }

        return GoTo(Steps[Array.IndexOf(Steps, current) + 1], change: false);
    }

    private RedirectResult GoTo(string step, bool change) =>
        Redirect($"{BasePath}/{step}" + (change && step != "check" ? "?change=true" : ""));

    private static void ClearProblem(RepairDraft draft)
    {
        draft.CatalogueItemId = null;
        draft.SlotId = null;
        draft.AppointmentDone = false;
    }

    private async Task<List<string>> AreasAsync(CancellationToken ct)
    {
        var areas = await db.RepairCatalogue.AsNoTracking().Where(i => i.IsActive)
            .GroupBy(i => i.Area).Select(g => new { Area = g.Key, Order = g.Min(i => i.SortOrder) }).ToListAsync(ct);
        return areas.OrderBy(a => a.Order).Select(a => a.Area).ToList();
    }

    private async Task<ChoicePage> WherePageAsync(RepairDraft draft, string? selected, bool change, CancellationToken ct) => new()
    {
        Title = "Where is the problem?",
        Hint = "Damp or mould? Choose the room it is in, or \"Anywhere in the home\".",
        Action = $"{BasePath}/where",
        Options = (await AreasAsync(ct)).Select(a => new ChoiceOption(a, a)).ToList(),
        Selected = selected ?? draft.Area,
        Change = change,
        BackLink = change ? $"{BasePath}/check" : BasePath,
    };

    private async Task<ChoicePage> WhatPageAsync(RepairDraft draft, string? selected, bool change, CancellationToken ct)
    {
        var area = draft.Area!;
        var rows = await db.RepairCatalogue.AsNoTracking()
            .Where(i => i.IsActive && (i.Area == area || i.Hazard == HazardType.DampAndMould))
            .Select(i => new { i.Item, i.SortOrder, Damp = i.Hazard == HazardType.DampAndMould && i.Area != area })
            .ToListAsync(ct);
        var options = rows.GroupBy(r => r.Item)
            .Select(g => new { Item = g.Key, Order = g.Min(r => r.SortOrder), Damp = g.All(r => r.Damp) })
            .OrderBy(g => g.Damp).ThenBy(g => g.Order)
            .Select(g => new ChoiceOption(g.Item, g.Item, g.Item == DampItem ? "Including black mould and condensation" : null))
            .ToList();
        return new ChoicePage
        {
            Title = $"What needs repairing? ({area})",
            Action = $"{BasePath}/what",
            Options = options,
            Selected = selected ?? draft.Item,
            Change = change,
            BackLink = $"{BasePath}/where",
        };
    }

    private Task<List<RepairCatalogueItem>> ProblemsAsync(RepairDraft draft, CancellationToken ct)
    {
        var area = draft.Area!;
        var item = draft.Item!;
        return db.RepairCatalogue.AsNoTracking()
            .Where(i => i.IsActive && i.Item == item && (i.Area == area || i.Hazard == HazardType.DampAndMould))
            .OrderBy(i => i.SortOrder)
            .ToListAsync(ct);
    }

    private async Task<ChoicePage> ProblemPageAsync(RepairDraft draft, string? selected, bool change, CancellationToken ct)
    {
        var items = await ProblemsAsync(draft, ct);
        return new ChoicePage
        {
            Title = $"What is wrong with the {draft.Item!.ToLowerInvariant()}?",
            Action = $"{BasePath}/problem",
            Options = items.Select(i => new ChoiceOption(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Problem)).ToList(),
            Selected = selected,
            Change = change,
            BackLink = $"{BasePath}/what",
        };
    }

    private async Task<string?> ProblemSummaryAsync(RepairDraft draft, CancellationToken ct)
    {
        var item = await db.RepairCatalogue.AsNoTracking().Where(i => i.Id == draft.CatalogueItemId).Select(i => new { i.Item, i.Problem }).SingleOrDefaultAsync(ct);
        return item is null ? null : $"{draft.Area}: {item.Item}, {item.Problem.ToLowerInvariant()}";
    }

    private sealed record AppointmentOptions(IReadOnlyList<SlotOption>? Slots, string? Message);

    private async Task<AppointmentOptions> AppointmentOptionsAsync(RepairDraft draft, CancellationToken ct)
    {
        var item = await db.RepairCatalogue.AsNoTracking().SingleAsync(i => i.Id == draft.CatalogueItemId, ct);
        var tenancy = await queries.TenancyAsync(draft.TenancyId, ReporterTenantId ?? 0, ct) ?? throw new InvalidOperationException("Tenancy not found");
        var now = clock.GetUtcNow().UtcDateTime;
        var target = targets.TargetDate(item.Priority, item.Hazard, now);
        if (!RepairReporting.CanSelfBook(item.Priority, item.Hazard, AlertStopsBooking && tenancy.HasCautionaryAlert))
        {
            var investigate = targets.ForHazard(item.Hazard, now)?.InvestigateBy ?? (item.Priority == RepairPriority.Emergency ? now + RepairTargets.EmergencyWindow : null);
            return new AppointmentOptions(null, RepairWording.WhatHappensNext(item.Priority, item.Hazard, target, investigate, AlertStopsBooking && tenancy.HasCautionaryAlert));
        }

        var slots = await booking.AvailableSlotsAsync(item.Trade, tenancy.PatchId, target, StaffJourney ? draft.Channel : RepairChannel.Portal, ct);
        return slots.Count == 0
            ? new AppointmentOptions(slots, $"We have no times we can offer online before {RepairWording.Date(target)}. We'll call you to arrange a time.")
            : new AppointmentOptions(slots, null);
    }

    private async Task<IActionResult> AppointmentViewAsync(RepairDraft draft, int? selected, bool change, CancellationToken ct)
    {
        var options = await AppointmentOptionsAsync(draft, ct);
        if (options.Slots is null || options.Slots.Count == 0)
        {
            return View("NoBooking", new NoBookingPage { Message = options.Message!, Change = change });
        }

        return View("Choice", new ChoicePage
        {
            Title = "When can we come?",
            Hint = "Choose a morning or afternoon. Someone aged 18 or over needs to be at home.",
            Action = $"{BasePath}/appointment",
            Options = options.Slots.Select(s => new ChoiceOption(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Label)).ToList(),
            Selected = selected?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Change = change,
            BackLink = $"{BasePath}/access",
        });
    }
}
