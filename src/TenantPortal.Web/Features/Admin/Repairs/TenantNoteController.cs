using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Repairs;

public sealed class TenantNoteForm
{
    public const int MaxLength = 1000;

    [Required(ErrorMessage = "Enter the note for the tenant")]
    [StringLength(MaxLength, ErrorMessage = "The note must be 1,000 characters or fewer")]
    public string? Note { get; set; }
}

/// <summary>The "Add a note for the tenant" form, on the repair page and (after a mistake) on a page of its own.</summary>
public sealed class TenantNotePage
{
    public required string Reference { get; init; }
    public TenantNoteForm TenantNote { get; set; } = new();
}

/// <summary>An officer adds a note the tenant sees, without changing the repair's status: a history row the tenant
/// sees on their repair's timeline ("A note from us: ..."), an audit entry, and a message to every tenant on the
/// tenancy by the way each asked to be told (<see cref="TenantNotifier"/>). One unit of work. Internal notes still go
/// with a status change ("Staff only").</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/repairs/{reference}/note")]
public sealed class TenantNoteController(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    RepairNotifications notifications,
    TimeProvider clock) : Controller
{
    /// <summary>How a tenant's timeline heads the note.</summary>
    public const string TimelinePrefix = "A note from us: ";

    /// <summary>A history row for a note an officer records without changing the status (the status stays).</summary>
    public static RepairStatusChange OfficerNote(int repairId, RepairStatus status, TimeProvider clock, System.Security.Claims.ClaimsPrincipal officer, string note, bool visibleToTenant) => new()
    {
        RepairId = repairId,
        Status = status,
        At = clock.GetUtcNow().UtcDateTime,
        ChangedBy = officer.DisplayName(),
        Channel = RepairChannel.Officer,
        Note = note,
        NoteVisibleToTenant = visibleToTenant,
    };

    [HttpGet("")]
    public async Task<IActionResult> Add(Reference reference, CancellationToken ct) =>
        await StatusAsync(reference, ct) switch
        {
            null => NotFound(),
            { } s when !Repair.IsOpenStatus(s) => Closed(reference),
            _ => View("TenantNote", new TenantNotePage { Reference = reference.Value }),
        };

    [HttpPost("")]
    public async Task<IActionResult> Add(Reference reference, [Bind(Prefix = nameof(TenantNotePage.TenantNote))] TenantNoteForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(form.Note))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("TenantNote.Note", "Enter the note for the tenant");
            }

            return await StatusAsync(reference, ct) is null
                ? NotFound()
                : View("TenantNote", new TenantNotePage { Reference = reference.Value, TenantNote = form });
        }

        var note = form.Note.Trim();
        var outcome = await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await housing.Repairs.Where(r => r.Reference == reference.Value).Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(c);
            if (repair is null || !Repair.IsOpenStatus(repair.Status))
            {
                return UnitOfWork.Rollback(new NoteOutcome(repair is not null, []));
            }

            housing.RepairStatusHistory.Add(OfficerNote(repair.Id, repair.Status, clock, User, TimelinePrefix + note, visibleToTenant: true));
            audit.Record(portal, User, "repair.note-added", "Repair", reference.Value, null, new { Note = note, VisibleToTenant = true });
            await housing.SaveChangesAsync(c);
            var told = await notifications.TellTenancyAsync(repair.Id, f => notifications.Messages.NoteAdded(f.Reference, f.What, note), c);
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(new NoteOutcome(true, told, Added: true));
        }, ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (!outcome.Added)
        {
            return Closed(reference);
        }

        TempData["RepairMessage"] = $"Note added. {TenantMessages.HowTenantsHear(outcome.Told)}";
        return RedirectToAction("Show", "Repairs", new { area = "Admin", reference = reference.Value });
    }

    private sealed record NoteOutcome(bool Found, IReadOnlyList<MessageChannel> Told, bool Added = false);

    private Task<RepairStatus?> StatusAsync(Reference reference, CancellationToken ct) =>
        housing.Repairs.AsNoTracking().Where(r => r.Reference == reference.Value).Select(r => (RepairStatus?)r.Status).SingleOrDefaultAsync(ct);

    /// <summary>Completed and cancelled repairs take no more notes, as they take no other change.</summary>
    private RedirectToActionResult Closed(Reference reference)
    {
        TempData["RepairMessage"] = "This repair is completed or cancelled, so no note can be added.";
        return RedirectToAction("Show", "Repairs", new { area = "Admin", reference = reference.Value });
    }
}
