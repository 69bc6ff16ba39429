using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Letters;

public sealed record LetterRow(long Id, DateTime QueuedAt, string Subject, string Addressee);

public sealed record LettersPage(IReadOnlyList<LetterRow> Letters, string? Message);

public sealed record LetterPage(long Id, IReadOnlyList<string> From, IReadOnlyList<string> To, DateOnly Date, string Heading, IReadOnlyList<string> Paragraphs, DateTime? SentAt);

/// <summary>Letters to send: messages for tenants who asked for letters (or have no other way we may use). Officers
/// print each one (a print-ready page with the landlord's address block) and mark it sent; with GOV.UK Notify
/// letters configured, the outbox posts them instead and they never wait here.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/letters")]
public sealed class LettersController(PortalDbContext portal, PortalUnitOfWork unitOfWork, AuditTrail audit, IOptions<LandlordOptions> landlord, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await portal.EmailOutbox.AsNoTracking()
            .Where(m => m.Channel == MessageChannel.Letter && m.SentAt == null && m.FailedAt == null)
            .OrderBy(m => m.Id).Take(200)
            .Select(m => new { m.Id, m.CreatedAt, m.Subject, m.To })
            .ToListAsync(ct);
        return View(new LettersPage(rows.Select(r => new LetterRow(r.Id, r.CreatedAt, r.Subject, r.To.Split('\n')[0])).ToList(), TempData["LettersMessage"] as string));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var letter = await portal.EmailOutbox.AsNoTracking().Where(m => m.Id == id && m.Channel == MessageChannel.Letter)
            .Select(m => new { m.To, m.Subject, m.Body, m.CreatedAt, m.SentAt })
            .SingleOrDefaultAsync(ct);
        if (letter is null)
        {
            return NotFound();
        }

        var l = landlord.Value;
        return View(new LetterPage(
            id,
            l.Address.Count > 0 ? l.Address : [l.Name],
            letter.To.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            UkTime.Today(clock),
            letter.Subject,
            letter.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            letter.SentAt));
    }

    [HttpPost("{id}/sent")]
    public async Task<IActionResult> MarkSent(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await unitOfWork.ExecuteAsync(async c =>
        {
            var changed = await portal.EmailOutbox
                .Where(m => m.Id == id && m.Channel == MessageChannel.Letter && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), c);
            if (changed == 1)
            {
                audit.Record(portal, User, "letter.sent", "Letter", id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { SentAt = (DateTime?)null }, new { SentAt = now });
                await portal.SaveChangesAsync(c);
            }

            return changed == 1;
        }, ct);
        TempData["LettersMessage"] = marked ? "Letter marked as sent." : "That letter was already marked as sent.";
        return RedirectToAction(nameof(Index));
    }
}
