using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.ContactDetails;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.TenantContacts;

/// <summary>Officers see a tenant's contact details and history and change them on the tenant's behalf (channel
/// Officer, audited). Email changes still go through the link sent to the new address.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/tenants/{tenantId:int}/contact-details")]
public sealed class TenantContactsController(
    ContactDetailsService contacts,
    EmailChangeService emailChanges,
    PortalDbContext portal,
    AuditTrail audit) : Controller
{
    private const string NoticeKey = "TenantContacts.Notice";

    [HttpGet("")]
    public async Task<IActionResult> Index(int tenantId, CancellationToken ct)
    {
        var details = await LoadAsync(tenantId, ct);
        return details is null ? NotFound() : View("Index", new TenantContactsPage { Details = details, Notice = TempData[NoticeKey] as string });
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int tenantId, CancellationToken ct)
    {
        var record = await contacts.FindAsync(tenantId, ct);
        return record is null ? NotFound() : View(OfficerContactForm.From(record));
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int tenantId, OfficerContactForm form, CancellationToken ct)
    {
        var record = await contacts.FindAsync(tenantId, ct);
        if (record is null)
        {
            return NotFound();
        }

        form.Record = record;
        ModelState.Clear();
        if (form.Version is null || form.Version != record.Version)
        {
            return await ConflictAsync(tenantId, ct);
        }

        var (snapshot, newEmail) = form.Validate(record.Details, ModelState);
        if (snapshot is null)
        {
            return View(form);
        }

        var actor = new ChangeActor($"{User.DisplayName()} (officer)", ChangeChannel.Officer, User);
        var result = await contacts.SaveAsync(tenantId, form.Version, _ => snapshot, actor, ct: ct);
        switch (result.Outcome)
        {
            case SaveOutcome.Conflict:
                return await ConflictAsync(tenantId, ct);
            case SaveOutcome.Invalid:
                ModelState.AddModelError(nameof(form.PreferredContactMethod), result.Error!);
                return View(form);
            case SaveOutcome.NotFound:
                return NotFound();
        }

        var notice = result.Outcome == SaveOutcome.Saved ? "Contact details saved." : "Nothing was changed.";
        if (newEmail is not null)
        {
            var current = (await contacts.FindAsync(tenantId, ct))!;
            audit.Record(portal, User, "contact-details.email-change-requested", "Tenant", tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { Email = record.Details.Email }, new { Email = newEmail });
            await emailChanges.RequestAsync(tenantId, current.Version, newEmail, actor, ct);
            notice = (result.Outcome == SaveOutcome.Saved ? "Contact details saved. " : "")
                + "We have emailed a link to the new email address. It changes when the tenant follows the link.";
        }

        TempData[NoticeKey] = notice;
        return RedirectToAction(nameof(Index), new { tenantId });
    }

    private async Task<ContactDetailsAndHistory?> LoadAsync(int tenantId, CancellationToken ct)
    {
        var record = await contacts.FindAsync(tenantId, ct);
        return record is null ? null : new ContactDetailsAndHistory { Record = record, History = await contacts.HistoryAsync(tenantId, ct: ct) };
    }

    private async Task<IActionResult> ConflictAsync(int tenantId, CancellationToken ct)
    {
        var details = await LoadAsync(tenantId, ct);
        return details is null ? NotFound() : View("Index", new TenantContactsPage { Details = details, Conflict = true });
    }
}
