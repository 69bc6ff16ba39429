using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Audit;

[Area("Admin")]
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class AuditController(PortalDbContext portal, UserManager<PortalUser> users, AuditLogView entries) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var q = portal.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            q = q.Where(a => a.ActorUserId == filter.Actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            q = q.Where(a => a.RecordType == filter.RecordType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordId))
        {
            q = q.Where(a => a.RecordId == filter.RecordId.Trim());
        }

        DateRangeFilter.Validate(ModelState, filter.From, filter.To, nameof(filter.From), nameof(filter.To));
        var (fromUtc, beforeUtc) = DateRangeFilter.Bounds(filter.From, filter.To);
        if (fromUtc is not null)
        {
            q = q.Where(a => a.At >= fromUtc);
        }

        if (beforeUtc is not null)
        {
            q = q.Where(a => a.At < beforeUtc);
        }

        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.At, a.ActorName, a.Action, a.RecordType, a.RecordId, a.Before, a.After))
            .ToListAsync(ct);

        var staff = (await users.GetUsersInRoleAsync(PortalRoles.Officer)).Concat(await users.GetUsersInRoleAsync(PortalRoles.Administrator))
            .DistinctBy(u => u.Id).OrderBy(u => u.DisplayName).Select(u => new ActorOption(u.Id, u.DisplayName)).ToList();
        var recordTypes = await portal.AuditLog.AsNoTracking().Select(a => a.RecordType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return View(new AuditPage(filter, await entries.BuildAsync(rows, Url, ct), total, page, pages, staff, recordTypes));
    }
}

public sealed class AuditFilter
{
    /// <summary>The officer's user id.</summary>
    public string? Actor { get; set; }
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;

    public string ToQueryString(int page) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["recordType"] = RecordType,
        ["recordId"] = RecordId,
        ["from"] = From?.ToString("yyyy-MM-dd", AdminDisplay.EnGb),
        ["to"] = To?.ToString("yyyy-MM-dd", AdminDisplay.EnGb),
        ["page"] = page.ToString(AdminDisplay.EnGb),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}

public sealed record AuditRow(DateTime At, string ActorName, string Action, string RecordType, string RecordId, string? Before, string? After);

public sealed record ActorOption(string Id, string Name);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditEntryView> Rows, int Total, int Page, int Pages, IReadOnlyList<ActorOption> Actors, IReadOnlyList<string> RecordTypes);
