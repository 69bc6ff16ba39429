using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Shared.Journeys;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>The tenant's own contact details: a summary, one short page per item, check your answers, save.
/// The tenant is always the signed-in one (from the sign-in cookie); nothing in the request chooses the record.
/// The answer waiting on the check page is kept by the shared <see cref="JourneyStore"/> (any instance can show it),
/// and every POST redirects, so Back and refresh never resubmit.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
[Route("contact-details")]
public sealed class ContactDetailsController(
    ContactDetailsService contacts,
    EmailChangeService emailChanges,
    RecentPassword recentPassword,
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> users,
    JourneyStore journeys) : Controller
{
    private const string Journey = "contact-details";
    private const string NoticeKey = "ContactDetails.Notice";
    private const string SentToKey = "ContactDetails.SentTo";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var record = await contacts.FindAsync(User.TenantId(), ct);
        if (record is null)
        {
            return NotFound();
        }

        return View("Index", new ContactDetailsPage { Record = record, Notice = TempData[NoticeKey] as string });
    }

    [HttpGet("confirm-password")]
    public IActionResult ConfirmPassword(string? returnUrl) => View(new ConfirmPasswordForm { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("confirm-password")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> ConfirmPassword(ConfirmPasswordForm form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, form.Password!, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            recentPassword.Remember(HttpContext);
            return LocalRedirect(form.ReturnUrl);
        }

        ModelState.AddModelError(nameof(form.Password), result.IsLockedOut
            ? "Your account is locked for 15 minutes because the password was entered wrongly too many times"
            : "The password is not right");
        return View(form);
    }

    private const string InvalidLinkMessage = "This link has expired, has already been used, or is not valid. Links last 24 hours and work once. Sign in and ask for a new one, or call us.";

    [HttpGet("email/check-your-email")]
    public IActionResult EmailSent()
    {
        ViewData["SentTo"] = TempData[SentToKey] as string;
        return View();
    }

    /// <summary>The link in the email. Opening it only shows a button (mail scanners open links); the change
    /// happens on the POST. The token is the proof, so it also works when signed out.</summary>
    [AllowAnonymous]
    [HttpGet("email/confirm")]
    public IActionResult ConfirmEmail(string? token)
    {
        var request = emailChanges.Read(token);
        return View(request is null
            ? new ConfirmEmailPage { Error = InvalidLinkMessage }
            : new ConfirmEmailPage { Token = token, NewEmail = request.NewEmail });
    }

    [AllowAnonymous]
    [HttpPost("email/confirm")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmailPage form, CancellationToken ct)
    {
        var result = await emailChanges.ConfirmAsync(form.Token, ct);
        switch (result.Outcome)
        {
            case EmailConfirmOutcome.Changed or EmailConfirmOutcome.AlreadyDone:
                if (result.User is not null && User.IsTenant() && User.TenantId() == result.User.TenantId)
                {
                    // The sign-in's security stamp changed with the email: renew this session's cookie.
                    await signInManager.RefreshSignInAsync(result.User);
                }

                return View("EmailConfirmed");
            case EmailConfirmOutcome.InvalidLink:
                return View(new ConfirmEmailPage { Error = InvalidLinkMessage });
            default:
                return View(new ConfirmEmailPage { Token = form.Token, NewEmail = emailChanges.Read(form.Token)?.NewEmail, Error = result.Error });
        }
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Question(string slug, bool change, CancellationToken ct)
    {
        var item = ContactItems.Find(slug);
        if (item is null)
        {
            return NotFound();
        }

        if (item.RequiresPassword && !recentPassword.IsRecent(HttpContext))
        {
            return AskForPassword(item);
        }

        var record = await contacts.FindAsync(User.TenantId(), ct);
        if (record is null)
        {
            return NotFound();
        }

        // "Change" on the check page comes back here with the answer given, not the one on record.
        if (change && await journeys.LoadAsync<PendingContactChange>(KeyFor(item), ct) is { } pending)
        {
            return QuestionView(new ContactItemForm { Item = item, Value = pending.Value, Version = pending.Version });
        }

        var value = item.Kind == ContactItemKind.Email ? null : item.FormValue(item.Current(record.Details));
        return QuestionView(new ContactItemForm { Item = item, Value = value, Version = record.Version });
    }

    [HttpPost("{slug}")]
    public async Task<IActionResult> Question(string slug, ContactItemForm form, CancellationToken ct)
    {
        var item = ContactItems.Find(slug);
        if (item is null)
        {
            return NotFound();
        }

        if (item.RequiresPassword && !recentPassword.IsRecent(HttpContext))
        {
            return AskForPassword(item);
        }

        var tenantId = User.TenantId();
        var record = await contacts.FindAsync(tenantId, ct);
        if (record is null)
        {
            return NotFound();
        }

        form.Item = item;
        ModelState.Clear();
        if (form.Version is null)
        {
            return ConflictView(record);
        }

        var (stored, error) = item.Parse(form.Value);
        if (error is null && item.With(record.Details, stored).CrossFieldProblem() is { } problem)
        {
            error = problem.Error;
        }

        if (error is null && item.Kind == ContactItemKind.Email && string.Equals(stored, record.Details.Email, StringComparison.OrdinalIgnoreCase))
        {
            error = "This is already your email address. Enter a different one";
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(form.Value), error);
            return QuestionView(form);
        }

        if (string.Equals(stored, item.Current(record.Details), StringComparison.Ordinal) && item.Kind != ContactItemKind.Email)
        {
            await journeys.DiscardAsync(KeyFor(item), ct);
            TempData[NoticeKey] = $"Nothing changed. {item.Label}: {item.Display(stored)}";
            return RedirectToAction(nameof(Index));
        }

        await journeys.SaveAsync(KeyFor(item), new PendingContactChange(item.FormValue(stored), stored, form.Version.Value), ct);
        return RedirectToAction(nameof(Check), new { slug = item.Slug });
    }

    [HttpGet("{slug}/check")]
    public async Task<IActionResult> Check(string slug, CancellationToken ct)
    {
        var (item, pending, redirect) = await PendingAsync(slug, ct);
        return redirect ?? View("Check", new ContactItemForm { Item = item!, Value = pending!.Value, Stored = pending.Stored, Version = pending.Version });
    }

    [HttpPost("{slug}/check")]
    public async Task<IActionResult> Check(string slug, string? step, CancellationToken ct)
    {
        var (item, pending, redirect) = await PendingAsync(slug, ct);
        if (redirect is not null)
        {
            return redirect;
        }

        if (step == "change")
        {
            return RedirectToAction(nameof(Question), new { slug = item!.Slug, change = true });
        }

        var tenantId = User.TenantId();
        var stored = pending!.Stored;
        var actor = new ChangeActor(User.DisplayName(), ChangeChannel.Portal);
        if (item!.Kind == ContactItemKind.Email)
        {
            var outcome = await emailChanges.RequestAsync(tenantId, pending.Version, stored!, actor, ct);
            await journeys.DiscardAsync(KeyFor(item), ct);
            switch (outcome)
            {
                case EmailRequestOutcome.Sent:
                    TempData[SentToKey] = stored;
                    return RedirectToAction(nameof(EmailSent));
                case EmailRequestOutcome.Conflict:
                    return ConflictView((await contacts.FindAsync(tenantId, ct))!);
                default:
                    return RedirectToAction(nameof(Index));
            }
        }

        var result = await contacts.SaveAsync(tenantId, pending.Version, s => item.With(s, stored), actor, ct: ct);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await journeys.DiscardAsync(KeyFor(item), ct);
                TempData[NoticeKey] = $"Saved. {item.Label}: {item.Display(stored)}";
                return RedirectToAction(nameof(Index));
            case SaveOutcome.Conflict:
                await journeys.DiscardAsync(KeyFor(item), ct);
                return ConflictView((await contacts.FindAsync(tenantId, ct))!);
            case SaveOutcome.Invalid:
                ModelState.AddModelError(nameof(ContactItemForm.Value), result.Error!);
                return QuestionView(new ContactItemForm { Item = item, Value = pending.Value, Version = pending.Version });
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                return RedirectToAction(nameof(Index));
        }
    }

    /// <summary>The item and the answer waiting on its check page; or where to go instead (the question, when there
    /// is no answer waiting; the password page for items that need it).</summary>
    private async Task<(ContactItem? Item, PendingContactChange? Pending, IActionResult? Redirect)> PendingAsync(string slug, CancellationToken ct)
    {
        var item = ContactItems.Find(slug);
        if (item is null)
        {
            return (null, null, NotFound());
        }

        if (item.RequiresPassword && !recentPassword.IsRecent(HttpContext))
        {
            return (item, null, AskForPassword(item));
        }

        var pending = await journeys.LoadAsync<PendingContactChange>(KeyFor(item), ct);
        return pending is null ? (item, null, RedirectToAction(nameof(Question), new { slug = item.Slug })) : (item, pending, null);
    }

    private JourneyKey KeyFor(ContactItem item) =>
        new(Journey, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", item.Slug);

    private ViewResult QuestionView(ContactItemForm form) => View(form.Item.Kind switch
    {
        ContactItemKind.ContactMethod => "ContactMethodQuestion",
        ContactItemKind.YesNo => "YesNoQuestion",
        _ => "TextQuestion",
    }, form);

    private ViewResult ConflictView(ContactRecord current) =>
        View("Index", new ContactDetailsPage { Record = current, Conflict = true });

    private RedirectToActionResult AskForPassword(ContactItem item) =>
        RedirectToAction(nameof(ConfirmPassword), new { returnUrl = $"/contact-details/{item.Slug}" });

    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && ContactItems.All.Any(i => returnUrl == $"/contact-details/{i.Slug}") ? returnUrl : "/contact-details";
}
