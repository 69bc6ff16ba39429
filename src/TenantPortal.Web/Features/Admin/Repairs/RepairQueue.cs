using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>The officers' repairs queue: one query for the page's rows (a projection) and one count.</summary>
public sealed class RepairQueue(HousingDbContext housing, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly RepairStatus[] Closed = [RepairStatus.Completed, RepairStatus.Cancelled];

    /// <summary>"Open" is asked as <c>Status IN (...)</c>, not <c>NOT IN (closed)</c>: an index seek over the few open
    /// repairs instead of a walk over every repair ever reported (most are completed).</summary>
    private static readonly RepairStatus[] Open = Enum.GetValues<RepairStatus>().Except(Closed).ToArray();

    public async Task<RepairQueuePage> GetPageAsync(RepairQueueFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await PageRows(query, filter, page).ToListAsync(ct);
        return new RepairQueuePage(filter, rows, total, page, pages, UkTime.Today(clock));
    }

    /// <summary>The page query, for tests that inspect the SQL and its plan.</summary>
    public IQueryable<RepairQueueRow> PageQuery(RepairQueueFilter filter) => PageRows(Filtered(filter), filter, Math.Max(1, filter.Page));

    /// <summary>The page's 25 ids are chosen first (sorted and paged from an index alone, no table rows read), then
    /// only those 25 repairs are read and projected: sorting every open repair's full row cost milliseconds per page.</summary>
    private IQueryable<RepairQueueRow> PageRows(IQueryable<Repair> filtered, RepairQueueFilter filter, int page)
    {
        var ids = Sorted(filtered, filter).Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id);
        return Project(Sorted(housing.Repairs.AsNoTracking().Where(r => ids.Contains(r.Id)), filter));
    }

    public IQueryable<Repair> Filtered(RepairQueueFilter filter)
    {
        var q = housing.Repairs.AsNoTracking();
        q = filter.Status switch
        {
            null or "" or RepairQueueFilter.OpenStatuses => q.Where(r => Open.Contains(r.Status)),
            RepairQueueFilter.AllStatuses => q,
            var s when Enum.TryParse<RepairStatus>(s, ignoreCase: true, out var status) => q.Where(r => r.Status == status),
            _ => q.Where(r => Open.Contains(r.Status)),
        };
        if (filter.Priority is { } priority)
        {
            q = q.Where(r => r.Priority == priority);
        }

        if (filter.Trade is { } trade)
        {
            q = q.Where(r => r.Trade == trade);
        }

        if (filter.Channel is { } channel)
        {
            q = q.Where(r => r.Channel == channel);
        }

        if (filter.Patch is { } patch)
        {
            q = q.Where(r => r.Property.PatchId == patch);
        }

        if (filter.Hazard == true)
        {
            q = q.Where(r => r.IsHazard);
        }

        if (filter.Overdue == true)
        {
            var today = UkTime.Today(clock);
            q = q.Where(r => Open.Contains(r.Status) && r.TargetDate < today);
        }

        var (fromUtc, beforeUtc) = DateRangeFilter.Bounds(filter.From, filter.To);
        if (fromUtc is not null)
        {
            q = q.Where(r => r.ReportedAt >= fromUtc);
        }

        if (beforeUtc is not null)
        {
            q = q.Where(r => r.ReportedAt < beforeUtc);
        }

        var term = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var upper = term.ToUpperInvariant();
            var compactPostcode = upper.Replace(" ", "", StringComparison.Ordinal);
            var contains = $"%{EscapeLike(term)}%";
            var postcodePrefix = $"{EscapeLike(compactPostcode)}%";
            // Each alternative is answered from an index (so SQLite can OR them without reading every repair): homes
            // and tenants are matched in their own (much smaller) tables, then repairs found by PropertyId/TenancyId.
            var properties = housing.Properties
                .Where(p => EF.Functions.Like(p.Postcode.Replace(" ", ""), postcodePrefix, "\\") || EF.Functions.Like(p.AddressLine1, contains, "\\"))
                .Select(p => p.Id);
            var tenancies = housing.Tenants
                .Where(t => EF.Functions.Like(t.FirstName + " " + t.LastName, contains, "\\") || EF.Functions.Like(t.LastName, contains, "\\"))
                .Select(t => (int?)t.TenancyId);
            if (ReferenceRange(upper) is var (referenceFrom, referenceBefore))
            {
                var referencePrefix = $"{EscapeLike(upper)}%";
                q = q.Where(r =>
                    (string.Compare(r.Reference, referenceFrom) >= 0 && string.Compare(r.Reference, referenceBefore) < 0 && EF.Functions.Like(r.Reference, referencePrefix, "\\"))
                    || properties.Contains(r.PropertyId)
                    || tenancies.Contains(r.TenancyId));
            }
            else
            {
                q = q.Where(r => properties.Contains(r.PropertyId) || tenancies.Contains(r.TenancyId));
            }
        }

        return q;
    }

    private static IQueryable<Repair> Sorted(IQueryable<Repair> q, RepairQueueFilter filter)
    {
        var descending = filter.Direction == "desc";
        return filter.Sort switch
        {
            "target" => descending
                ? q.OrderByDescending(r => r.TargetDate).ThenByDescending(r => r.Id)
                : q.OrderBy(r => r.TargetDate).ThenBy(r => r.Id),
            // Enums are stored as text: order by the priority's rank, not its name.
            "priority" => descending
                ? q.OrderByDescending(r => r.Priority == RepairPriority.Emergency ? 0 : r.Priority == RepairPriority.Urgent ? 1 : 2).ThenByDescending(r => r.TargetDate).ThenByDescending(r => r.Id)
                : q.OrderBy(r => r.Priority == RepairPriority.Emergency ? 0 : r.Priority == RepairPriority.Urgent ? 1 : 2).ThenBy(r => r.TargetDate).ThenBy(r => r.Id),
            "reference" => descending ? q.OrderByDescending(r => r.Reference) : q.OrderBy(r => r.Reference),
            _ => filter.Direction == "asc"
                ? q.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
                : q.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id),
        };
    }

    private IQueryable<RepairQueueRow> Project(IQueryable<Repair> q) => q.Select(r => new RepairQueueRow(
        r.Reference,
        r.CatalogueItem.Area + ": " + r.CatalogueItem.Item + ", " + r.CatalogueItem.Problem,
        r.Priority,
        r.Status,
        r.Trade,
        r.Channel,
        r.ReportedAt,
        r.TargetDate,
        r.IsHazard,
        r.HazardType,
        r.Property.AddressLine1,
        r.Property.Postcode,
        housing.Patches.Where(p => p.Id == r.Property.PatchId).Select(p => p.Name).FirstOrDefault(),
        housing.Tenants.Where(t => t.TenancyId == r.TenancyId).OrderBy(t => t.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => t.FirstName + " " + t.LastName).FirstOrDefault(),
        r.Photos.Count()));

    /// <summary>References (R2026-00042) are searched by prefix as a range of the unique index: [prefix, prefix with its
    /// last character incremented). A term that cannot start a reference has no range.</summary>
    internal static (string From, string Before)? ReferenceRange(string upperTerm) =>
        upperTerm.Length > 0 && upperTerm.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
            ? (upperTerm, upperTerm[..^1] + (char)(upperTerm[^1] + 1))
            : null;

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>The queue's filters, bound from the query string (a GET form), so a filtered view can be bookmarked.</summary>
public sealed class RepairQueueFilter
{
    public const string OpenStatuses = "open";
    public const string AllStatuses = "all";

    public string? Status { get; set; } = OpenStatuses;
    public RepairPriority? Priority { get; set; }
    public Trade? Trade { get; set; }
    public int? Patch { get; set; }
    public bool? Hazard { get; set; }
    public bool? Overdue { get; set; }
    public RepairChannel? Channel { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Q { get; set; }

    /// <summary>reported (default), target, priority or reference.</summary>
    public string? Sort { get; set; }

    /// <summary>asc or desc; reported date defaults to newest first.</summary>
    public string? Direction { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The query string for this filter with some values changed (paging and sort links).</summary>
    public string ToQueryString(int? page = null, string? sort = null, string? direction = null)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("status", Status == OpenStatuses ? null : Status),
            new("priority", Priority?.ToString()),
            new("trade", Trade?.ToString()),
            new("patch", Patch?.ToString(AdminDisplay.EnGb)),
            new("hazard", Hazard == true ? "true" : null),
            new("overdue", Overdue == true ? "true" : null),
            new("channel", Channel?.ToString()),
            new("from", From?.ToString("yyyy-MM-dd", AdminDisplay.EnGb)),
            new("to", To?.ToString("yyyy-MM-dd", AdminDisplay.EnGb)),
            new("q", Q),
            new("sort", sort ?? Sort),
            new("direction", direction ?? Direction),
            new("page", (page ?? Page) == 1 ? null : (page ?? Page).ToString(AdminDisplay.EnGb)),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();
    }
}

public sealed record RepairQueueRow(
    string Reference,
    string Summary,
    RepairPriority Priority,
    RepairStatus Status,
    Trade Trade,
    RepairChannel Channel,
    DateTime ReportedAt,
    DateOnly TargetDate,
    bool IsHazard,
    HazardType HazardType,
    string AddressLine1,
    string Postcode,
    string? PatchName,
    string? TenantName,
    int PhotoCount)
{
    public bool IsOpen => Repair.IsOpenStatus(Status);
}

public sealed record RepairQueuePage(RepairQueueFilter Filter, IReadOnlyList<RepairQueueRow> Rows, int Total, int Page, int Pages, DateOnly Today);
