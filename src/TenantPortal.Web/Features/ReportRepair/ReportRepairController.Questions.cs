using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>The questions of report-a-repair: where, what, what is wrong, describe, access and appointment. Each GET
/// and POST first passes the steps' guard; each saved answer continues with <see cref="Next"/>.</summary>
public sealed partial class ReportRepairController
{
    [HttpGet("where")]
    public async Task<IActionResult> Where(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Where));
        return redirect ?? await WhereViewAsync(draft.Area, change, ct);
    }

    [HttpPost("where")]
    public async Task<IActionResult> Where(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Where));
        if (redirect is not null)
        {
            return redirect;
        }

        if (form.Choice is null || !(await catalogue.AreasAsync(ct)).Contains(form.Choice))
        {
            ModelState.AddModelError(nameof(form.Choice), "Select where the problem is");
            return await WhereViewAsync(draft.Area, form.Change, ct);
        }

        if (draft.Area != form.Choice)
        {
            draft.Area = form.Choice;
            draft.Item = null;
            ReportRepairSteps.ForgetProblem(draft);
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Where), form.Change);
    }

    [HttpGet("what")]
    public async Task<IActionResult> What(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(What));
        return redirect ?? await WhatViewAsync(draft, draft.Item, change, ct);
    }

    [HttpPost("what")]
    public async Task<IActionResult> What(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(What));
        if (redirect is not null)
        {
            return redirect;
        }

        if (form.Choice is null || (await catalogue.ItemsAsync(draft.Area!, ct)).All(o => o.Value != form.Choice))
        {
            ModelState.AddModelError(nameof(form.Choice), "Select what needs repairing");
            return await WhatViewAsync(draft, form.Choice ?? draft.Item, form.Change, ct);
        }

        if (draft.Item != form.Choice)
        {
            draft.Item = form.Choice;
            ReportRepairSteps.ForgetProblem(draft);
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(What), form.Change);
    }

    [HttpGet("problem")]
    public async Task<IActionResult> Problem(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Problem));
        return redirect ?? await ProblemViewAsync(draft, draft.CatalogueItemId?.ToString(CultureInfo.InvariantCulture), change, ct);
    }

    [HttpPost("problem")]
    public async Task<IActionResult> Problem(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Problem));
        if (redirect is not null)
        {
            return redirect;
        }

        var chosen = (await catalogue.ProblemsAsync(draft, ct)).FirstOrDefault(i => i.Id.ToString(CultureInfo.InvariantCulture) == form.Choice);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(form.Choice), "Select what is wrong");
            return await ProblemViewAsync(draft, null, form.Change, ct);
        }

        if (chosen.IsTenantResponsibility)
        {
            return RedirectToAction(nameof(YourResponsibility), journey.RouteValues(new { item = chosen.Id }));
        }

        if (!journey.ForOfficer && RepairReporting.IsEmergency(chosen.Priority, chosen.Hazard))
        {
            return RedirectToAction(nameof(CallUs), journey.RouteValues(new { item = chosen.Id }));
        }

        if (draft.CatalogueItemId != chosen.Id)
        {
            ReportRepairSteps.ForgetProblem(draft);
            draft.CatalogueItemId = chosen.Id;
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Problem), form.Change);
    }

    [HttpGet("your-responsibility")]
    public async Task<IActionResult> YourResponsibility(int item, CancellationToken ct)
    {
        var entry = await catalogue.AdviceAsync(item, ct);
        ViewData["BackLink"] = Url.JourneyStep(journey, nameof(Problem));
        return entry is null ? NotFound() : View("Responsibility", entry);
    }

    /// <summary>Emergencies are not reported online: the journey ends with the 24-hour line (and the gas emergency
    /// number for gas). Officers taking the call report them through their own journey.</summary>
    [HttpGet("call-us")]
    public async Task<IActionResult> CallUs(int item, CancellationToken ct)
    {
        var entry = await db.RepairCatalogue.AsNoTracking()
            .Where(i => i.Id == item && i.IsActive && (i.Priority == RepairPriority.Emergency || i.Hazard == HazardType.Emergency))
            .Select(i => new CallUsPage { Item = i.Item, Problem = i.Problem, IsGas = i.IsGas })
            .SingleOrDefaultAsync(ct);
        ViewData["BackLink"] = Url.JourneyStep(journey, nameof(Problem));
        return entry is null ? NotFound() : View("CallUs", entry);
    }

    [HttpGet("describe")]
    public async Task<IActionResult> Describe(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Describe));
        if (redirect is not null)
        {
            return redirect;
        }

        SetBackLink(nameof(Describe), change);
        return View("Describe", new DescribeForm { Description = draft.Description, Change = change, Summary = await catalogue.SummaryAsync(draft, ct) });
    }

    [HttpPost("describe")]
    public async Task<IActionResult> Describe(DescribeForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Describe));
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
            form.Summary = await catalogue.SummaryAsync(draft, ct);
            SetBackLink(nameof(Describe), form.Change);
            return View("Describe", form);
        }

        draft.Description = form.Description!.Trim();
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Describe), form.Change);
    }

    [HttpGet("access")]
    public async Task<IActionResult> Access(bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Access));
        if (redirect is not null)
        {
            return redirect;
        }

        var phone = draft.ContactPhone;
        if (!draft.AccessDone && phone is null)
        {
            phone = (await queries.TenancyAsync(draft.TenancyId, journey.ReporterTenantId ?? 0, ct))?.ContactPhone;
        }

        SetBackLink(nameof(Access), change);
        return View("Access", new AccessForm { WhoWillBeHome = draft.WhoWillBeHome, AccessNotes = draft.AccessNotes, ContactPhone = phone, Change = change });
    }

    [HttpPost("access")]
    public async Task<IActionResult> Access(AccessForm form)
    {
        var (redirect, draft) = await GuardAsync(nameof(Access));
        if (redirect is not null)
        {
            return redirect;
        }

        if (!ModelState.IsValid)
        {
            SetBackLink(nameof(Access), form.Change);
            return View("Access", form);
        }

        draft.WhoWillBeHome = form.WhoWillBeHome!.Trim();
        draft.AccessNotes = string.IsNullOrWhiteSpace(form.AccessNotes) ? null : form.AccessNotes.Trim();
        draft.ContactPhone = form.ContactPhone!.Trim();
        draft.AccessDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Access), form.Change);
    }

    [HttpGet("appointment")]
    public async Task<IActionResult> Appointment(bool change, int? week, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Appointment));
        if (redirect is not null)
        {
            return redirect;
        }

        if (draft.Notice is { } notice)
        {
            draft.Notice = null;
            await drafts.SaveAsync(draft, HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(ChoiceForm.Choice), notice);
        }

        return await AppointmentViewAsync(draft, draft.CallToArrange ? RepairAppointmentChoices.NoneSuit : draft.SlotId?.ToString(CultureInfo.InvariantCulture), week, change, ct);
    }

    [HttpPost("appointment")]
    public async Task<IActionResult> Appointment(ChoiceForm form, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Appointment));
        if (redirect is not null)
        {
            return redirect;
        }

        var options = await appointments.ForAsync(draft, journey, ct);
        draft.CallToArrange = options.CanChoose && form.Choice == RepairAppointmentChoices.NoneSuit;
        if (options.CanChoose && !draft.CallToArrange)
        {
            var slot = options.Slots!.FirstOrDefault(s => s.Id.ToString(CultureInfo.InvariantCulture) == form.Choice);
            if (slot is null)
            {
                ModelState.AddModelError(nameof(form.Choice), form.Choice is null ? "Select a time for the repair, or \"None of these times suit me\"" : "Sorry, that time is no longer available. Choose another time");
                return await AppointmentViewAsync(draft, null, null, form.Change, ct);
            }

            draft.SlotId = slot.Id;
        }
        else
        {
            draft.SlotId = null;
        }

        draft.AppointmentDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Appointment), form.Change);
    }

    private async Task<IActionResult> WhereViewAsync(string? selected, bool change, CancellationToken ct) =>
        ChoiceView(nameof(Where), change, new ChoicePage
        {
            Title = "Where is the problem?",
            Hint = journey.ForOfficer
                ? "Damp or mould? Choose the room the tenant says it is in, or \"Anywhere in the home\"."
                : "Damp or mould? Choose the room it is in, or \"Anywhere in the home\".",
            Action = Url.JourneyStep(journey, nameof(Where)),
            Options = (await catalogue.AreasAsync(ct)).Select(a => new ChoiceOption(a, a)).ToList(),
            Selected = selected,
            Change = change,
        });

    private async Task<IActionResult> WhatViewAsync(RepairDraft draft, string? selected, bool change, CancellationToken ct) =>
        ChoiceView(nameof(What), change, new ChoicePage
        {
            Title = $"What needs repairing? ({draft.Area})",
            Action = Url.JourneyStep(journey, nameof(What)),
            Options = await catalogue.ItemsAsync(draft.Area!, ct),
            Selected = selected,
            Change = change,
        });

    private async Task<IActionResult> ProblemViewAsync(RepairDraft draft, string? selected, bool change, CancellationToken ct) =>
        ChoiceView(nameof(Problem), change, new ChoicePage
        {
            Caption = draft.Item,
            Title = journey.ForOfficer ? "What best describes the problem the tenant has?" : "What best describes the problem?",
            Action = Url.JourneyStep(journey, nameof(Problem)),
            Options = (await catalogue.ProblemsAsync(draft, ct)).Select(RepairCatalogueChoices.Option).ToList(),
            Selected = selected,
            Change = change,
        });

    /// <summary>"When can we come?": one week of times at a time (<see cref="SlotWeekPage"/>), and "None of these times
    /// suit me" (reported without a booking, the repairs team calls).</summary>
    private async Task<IActionResult> AppointmentViewAsync(RepairDraft draft, string? selected, int? week, bool change, CancellationToken ct)
    {
        var options = await appointments.ForAsync(draft, journey, ct);
        if (!options.CanChoose)
        {
            SetBackLink(nameof(Appointment), change);
            return View("NoBooking", new NoBookingPage { Message = options.Message!, Change = change });
        }

        int? chosen = int.TryParse(selected, CultureInfo.InvariantCulture, out var id) ? id : null;
        return ChoiceView(nameof(Appointment), change, new ChoicePage
        {
            Title = "When can we come?",
            Hint = journey.ForOfficer
                ? "Agree a morning or afternoon with the tenant. Someone aged 18 or over needs to be at home."
                : "Choose a morning or afternoon. Someone aged 18 or over needs to be at home.",
            Action = Url.JourneyStep(journey, nameof(Appointment)),
            Week = new(SlotWeekPage.For(options.Slots!, week, chosen), nameof(ChoiceForm.Choice), chosen,
                w => Url.Action(nameof(Appointment), journey.RouteValues(change ? new { change = "true", week = w } : (object)new { week = w }))!),
            Options = [new(RepairAppointmentChoices.NoneSuit, "None of these times suit me", journey.ForOfficer ? "The repairs team will call the tenant to arrange a time." : "We'll call you to arrange a time.")],
            Selected = selected,
            Change = change,
        });
    }

    private ViewResult ChoiceView(string step, bool change, ChoicePage page)
    {
        SetBackLink(step, change);
        return View("Choice", page);
    }
}
