using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Security;

using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Tenancies;

[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/tenancies")]
public sealed class TenanciesController(HousingDbContext housing, PortalDbContext portal, PortalAccountActions accounts, TimeProvider clock) : Controller
{
    public const int PageSize = 25;
    public const int StatementPageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default) => View(await SearchAsync(q, page, ct));

    /// <summary>Tenancies matching a name, tenancy reference, address or postcode; all tenancies when there is no term.</summary>
    private async Task<TenancySearchPage> SearchAsync(string? q, int page, CancellationToken ct)
    {
        var query = housing.Tenancies.AsNoTracking();
        var term = q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var contains = $"%{EscapeLike(term)}%";
            var prefix = $"{EscapeLike(term.ToUpperInvariant())}%";
            var postcode = $"{EscapeLike(term.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal))}%";
            query = query.Where(t =>
                EF.Functions.Like(t.Reference, prefix, "\\")
                || EF.Functions.Like(t.Property.Postcode.Replace(" ", ""), postcode, "\\")
                || EF.Functions.Like(t.Property.AddressLine1, contains, "\\")
                || t.Tenants.Any(p => EF.Functions.Like(p.FirstName + " " + p.LastName, contains, "\\") || EF.Functions.Like(p.LastName, contains, "\\")));
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(t => t.Reference)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(t => new TenancySearchRow(
                t.Reference,
                t.Property.AddressLine1 + ", " + t.Property.Town,
                t.Property.Postcode,
                t.Status,
                t.Tenants.OrderBy(p => p.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(p => p.Id).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault()))
            .ToListAsync(ct);
        return new TenancySearchPage(term, rows, total, page, pages);
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(Reference reference, CancellationToken ct)
    {
        var header = await HeaderAsync(reference, ct);
        if (header is null)
        {
            return NotFound();
        }

        var tenants = await housing.Tenants.AsNoTracking().Where(t => t.TenancyId == header.Id).OrderBy(t => t.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => new TenancyTenantRow(t.Id, t.Role, t.FirstName + " " + t.LastName, t.DateOfBirth, t.MobilePhone, t.HomePhone, t.Email,
                t.PreferredContactMethod, t.HasCautionaryAlert, t.InterpreterLanguage, t.NeedsLargePrint))
            .ToListAsync(ct);
        var household = await housing.HouseholdMembers.AsNoTracking().Where(m => m.TenancyId == header.Id).OrderBy(m => m.Id)
            .Select(m => new HouseholdRow(m.FirstName + " " + m.LastName, m.Relationship, m.DateOfBirth, m.HasCautionaryAlert))
            .ToListAsync(ct);
        var tenantIds = tenants.Select(t => (int?)t.Id).ToList();
        var accountRows = await portal.Users.AsNoTracking().Where(u => tenantIds.Contains(u.TenantId))
            .Select(u => new PortalAccountRow(u.TenantId!.Value, u.Id, u.EmailConfirmed, u.LockoutEnd, u.AccessFailedCount, u.IsDisabled, u.CreatedAt, u.LastSignInAt))
            .ToListAsync(ct);
        var transactions = await housing.RentTransactions.AsNoTracking().Where(t => t.TenancyId == header.Id)
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id).Take(10)
            .Select(t => new TransactionRow(t.Date, t.Type, t.Description, t.Amount, t.Reference))
            .ToListAsync(ct);
        var repairs = await housing.Repairs.AsNoTracking().Where(r => r.TenancyId == header.Id)
            .OrderByDescending(r => r.ReportedAt).Take(50)
            .Select(r => new TenancyRepairRow(r.Reference, r.CatalogueItem.Area + ": " + r.CatalogueItem.Item + ", " + r.CatalogueItem.Problem, r.Priority, r.Status, r.ReportedAt, r.TargetDate))
            .ToListAsync(ct);

        var undelivered = await Notifications.DeliveryFailures.ForTenantsAsync(portal, tenants.Select(t => t.Id).ToList(), ct);

        return View(new TenancyPageModel
        {
            Undelivered = undelivered,
            Tenancy = header,
            Tenants = tenants,
            Household = household,
            Accounts = accountRows.ToDictionary(a => a.TenantId),
            RecentTransactions = transactions,
            Repairs = repairs,
            Now = clock.GetUtcNow().UtcDateTime,
            Message = TempData["TenancyMessage"] as string,
        });
    }

    [HttpGet("{reference}/statement")]
    public async Task<IActionResult> Statement(Reference reference, int page = 1, CancellationToken ct = default)
    {
        var header = await HeaderAsync(reference, ct);
        if (header is null)
        {
            return NotFound();
        }

        var lines = housing.RentTransactions.AsNoTracking().Where(t => t.TenancyId == header.Id);
        var total = await lines.CountAsync(ct);
        var pages = Math.Max(1, (total + StatementPageSize - 1) / StatementPageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await lines.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .Skip((page - 1) * StatementPageSize).Take(StatementPageSize)
            .Select(t => new TransactionRow(t.Date, t.Type, t.Description, t.Amount, t.Reference))
            .ToListAsync(ct);
        return View(new StatementPage(header.Reference, header.Address, header.Balance, header.BalanceUpdatedAt, rows, total, page, pages));
    }

    [HttpPost("{reference}/tenants/{tenantId:int}/unlock")]
    public async Task<IActionResult> Unlock(Reference reference, int tenantId, CancellationToken ct)
    {
        if (!await TenantBelongsAsync(reference, tenantId, ct))
        {
            return NotFound();
        }

        var outcome = await accounts.UnlockAsync(tenantId, User, ct);
        TempData["TenancyMessage"] = outcome == AccountActionOutcome.Done ? "Account unlocked. The tenant can sign in again now." : "This tenant has no online account.";
        return RedirectToAction(nameof(Show), new { reference = reference.Value });
    }

    [HttpPost("{reference}/tenants/{tenantId:int}/resend-confirmation")]
    public async Task<IActionResult> ResendConfirmation(Reference reference, int tenantId, CancellationToken ct)
    {
        if (!await TenantBelongsAsync(reference, tenantId, ct))
        {
            return NotFound();
        }

        var outcome = await accounts.ResendConfirmationAsync(tenantId, User, ct);
        TempData["TenancyMessage"] = outcome switch
        {
            AccountActionOutcome.Done => "We have emailed the tenant a new confirmation link.",
            AccountActionOutcome.NothingToDo => "This tenant's email address is already confirmed.",
            _ => "This tenant has no online account.",
        };
        return RedirectToAction(nameof(Show), new { reference = reference.Value });
    }

    private Task<bool> TenantBelongsAsync(string reference, int tenantId, CancellationToken ct) =>
        housing.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.Tenancy.Reference == reference, ct);

    private Task<TenancyHeader?> HeaderAsync(string reference, CancellationToken ct) =>
        housing.Tenancies.AsNoTracking().Where(t => t.Reference == reference)
            .Select(t => new TenancyHeader(t.Id, t.Reference, t.Status, t.StartDate, t.EndDate,
                t.Property.AddressLine1 + ", " + (t.Property.AddressLine2 != null ? t.Property.AddressLine2 + ", " : "") + t.Property.Town + ", " + t.Property.Postcode,
                t.Property.Patch.Name, t.Property.PropertyType, t.Property.Bedrooms, t.Balance, t.BalanceUpdatedAt, t.BenefitType, t.WeeklyBenefitAmount))
            .SingleOrDefaultAsync(ct);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
