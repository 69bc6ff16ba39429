using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.ContactDetails;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>The officers' repairs queue: one query for the page's rows (a projection) with the count of what the filter finds.</summary>
public sealed class RepairQueue(HousingDbContext housing, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public const int PageSize = 25;

    /// <summary>"Open" is asked as <c>Status IN (...)</c>, not <c>NOT IN (closed)</c>: an index seek over the few open
    /// repairs instead of a walk over every repair ever reported (most are completed).</summary>
    private static readonly RepairStatus[] Open = [.. Repair.OpenStatuses];

    /// <summary>A queue row, through navigations only, so the compiled default view and every other view share it (declared before the
    /// compiled queries that use it: static fields are set in order). Whether the tenant added information no officer
    /// has seen is part of the row (<see cref="TenantInformation.IsUnseen"/>, the rule written once), not a second
    /// query for the page's references.</summary>
    private static readonly Expression<Func<Repair, RepairQueueRow>> Projection = ExpressionParameters.Inline<Repair, bool, RepairQueueRow>((r, tenantAdded) => new RepairQueueRow(
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
        r.Property.Patch.Name,
        r.Tenancy!.Tenants.OrderBy(t => t.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => t.FirstName + " " + t.LastName).FirstOrDefault(),
        r.Photos.Count(),
        tenantAdded), TenantInformation.IsUnseen);

    /// <summary>The page's rows and the number of repairs the filter finds, in one statement: the count is a scalar
    /// subquery of the row query, which the database works out once (one prepare and one round trip a visit fewer
    /// than asking for it apart; issue 23). Only a page past the last (a bookmark from when there were more) counts
    /// apart, to show the last page instead.</summary>
    public async Task<RepairQueuePage> GetPageAsync(RepairQueueFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var counted = await CountedPageAsync(filter, page, ct);
        if (counted.Count == 0 && page > 1)
        {
            var found = await Filtered(filter).CountAsync(ct);
            page = Math.Max(1, (found + PageSize - 1) / PageSize);
            counted = found == 0 ? [] : await CountedPageAsync(filter, page, ct);
        }

        var total = counted.Count > 0 ? counted[0].Total : 0;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new RepairQueuePage(filter, [.. counted.Select(c => c.Row)], total, page, pages, UkTime.Today(clock));
    }

    /// <summary>The default view (every open repair, due first) is what officers open all day: its query is compiled once.</summary>
    private async Task<List<CountedRow>> CountedPageAsync(RepairQueueFilter filter, int page, CancellationToken ct)
    {
        if (filter.IsDefaultView)
        {
            return await DefaultViewPage.For(housing)(housing, (page - 1) * PageSize).ToListAsync(ct);
        }

        var filtered = Filtered(filter);
        return await PageRows(filtered, filter, page).Select(row => new CountedRow(row, filtered.Count())).ToListAsync(ct);
    }

    /// <summary>A row of the page with the number of repairs the filter finds (the same on every row).</summary>
    private sealed record CountedRow(RepairQueueRow Row, int Total);

    /// <summary>The default view's page and count, as <see cref="CountedPageAsync"/> builds them for the default filter and order.</summary>
    private static readonly CompiledQuery<Func<HousingDbContext, int, IAsyncEnumerable<CountedRow>>> DefaultViewPage = new(() =>
        EF.CompileAsyncQuery((HousingDbContext db, int skip) =>
            db.Repairs.AsNoTracking()
                .Where(r => db.Repairs.Where(x => Open.Contains(x.Status))
                    .OrderBy(x => x.TargetDate).ThenBy(x => EF.Property<int>(x, SearchKeys.PriorityRank)).ThenBy(x => x.Id)
                    .Skip(skip).Take(PageSize).Select(x => x.Id).Contains(r.Id))
                .OrderBy(r => r.TargetDate).ThenBy(r => EF.Property<int>(r, SearchKeys.PriorityRank)).ThenBy(r => r.Id)
                .Select(Projection)
                .Select(row => new CountedRow(row, db.Repairs.Count(x => Open.Contains(x.Status))))));

    /// <summary>Every repair the filter finds, in the queue's order (the CSV export).</summary>
    public IAsyncEnumerable<RepairQueueRow> AllRows(RepairQueueFilter filter) => Project(Sorted(Filtered(filter), filter)).AsAsyncEnumerable();

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
        var q = WithStatus(housing.Repairs.AsNoTracking(), filter);
        var term = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var ids = Search(filter, term);
            q = q.Where(r => ids.Contains(r.Id));
        }

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

        if (filter.Emergency == true)
        {
            q = q.Where(r => r.Priority == RepairPriority.Emergency);
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

        return q;
    }

    private static IQueryable<Repair> WithStatus(IQueryable<Repair> q, RepairQueueFilter filter) =>
        OneStatus(filter) is { } status ? q.Where(r => r.Status == status)
        : filter.Status == RepairQueueFilter.AllStatuses ? q
        : q.Where(r => Open.Contains(r.Status));

    /// <summary>The one status the filter asks for; null for open (the default, and anything not a status) or all.</summary>
    private static RepairStatus? OneStatus(RepairQueueFilter filter) =>
        filter.Status is not (null or "" or RepairQueueFilter.OpenStatuses or RepairQueueFilter.AllStatuses)
        && Enum.TryParse<RepairStatus>(filter.Status, ignoreCase: true, out var status) ? status : null;

    /// <summary>Open repairs whose description is like <paramref name="pattern"/>, under the status filter (all open
    /// ones for "open" and "all", one open status, none for a closed status), asked in the form the open repairs'
    /// description index serves (<see cref="SearchKeys.OpenDescriptionsIndex"/>): on SQLite the virtual column that is
    /// NULL once a repair closes, elsewhere exactly <c>Status IN (open)</c>.</summary>
    private IQueryable<Repair>? OpenDescribedAs(RepairQueueFilter filter, string pattern)
    {
        var only = OneStatus(filter);
        if (only is { } closed && !Repair.IsOpenStatus(closed))
        {
            return null;
        }

        var open = housing.Database.IsSqlite()
            ? housing.Repairs.Where(r => EF.Property<string?>(r, SearchKeys.OpenDescription) != null
                && EF.Functions.Like(EF.Property<string>(r, SearchKeys.OpenDescription), pattern, "\\"))
            : housing.Repairs.Where(r => Open.Contains(r.Status) && EF.Functions.Like(r.Description, pattern, "\\"));
        return only is { } s ? open.Where(r => r.Status == s) : open;
    }

    private static IQueryable<Repair> Sorted(IQueryable<Repair> q, RepairQueueFilter filter)
    {
        var descending = filter.Direction == "desc";
        return filter.Sort switch
        {
            // Enums are stored as text: order by the priority's rank (an indexed computed column), not its name.
            "priority" => descending
                ? q.OrderByDescending(r => EF.Property<int>(r, SearchKeys.PriorityRank)).ThenByDescending(r => r.TargetDate).ThenByDescending(r => r.Id)
                : q.OrderBy(r => EF.Property<int>(r, SearchKeys.PriorityRank)).ThenBy(r => r.TargetDate).ThenBy(r => r.Id),
            "reference" => descending ? q.OrderByDescending(r => r.Reference) : q.OrderBy(r => r.Reference),
            "reported" => filter.Direction == "asc"
                ? q.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
                : q.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id),
            // The default: what is due first, and the most serious of those first.
            _ => descending
                ? q.OrderByDescending(r => r.TargetDate).ThenByDescending(r => EF.Property<int>(r, SearchKeys.PriorityRank)).ThenByDescending(r => r.Id)
                : q.OrderBy(r => r.TargetDate).ThenBy(r => EF.Property<int>(r, SearchKeys.PriorityRank)).ThenBy(r => r.Id),
        };
    }

    private static IQueryable<RepairQueueRow> Project(IQueryable<Repair> q) => q.Select(Projection);

    /// <summary>One search box for everything an officer might have to hand. Every alternative is an equality or a
    /// prefix range on an index (job and tenancy references, phone numbers, the normalised postcode, name and address
    /// keys of <see cref="SearchKeys"/>), so no part reads every repair and SQL Server seeks under its case- and
    /// accent-insensitive collations too. Words in the description are the one contains search: no index can seek
    /// it, so it looks only at open repairs, in an index of only their descriptions.</summary>
    private IQueryable<int> Search(RepairQueueFilter filter, string term)
    {
        var upper = term.ToUpperInvariant();
        var lower = term.ToLowerInvariant();
        var references = ReferenceSearch.For(upper, UkTime.Today(clock).Year);
        var postcode = upper.Replace(" ", "", StringComparison.Ordinal);
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var properties = housing.Properties.Where(StartsWith<Property>(SearchKeys.PostcodeKey, postcode)).Select(p => p.Id)
            .Concat(housing.Properties.Where(StartsWith<Property>(SearchKeys.AddressKey, string.Join(' ', words))).Select(p => p.Id))
            .Concat(housing.Properties.Where(StartsWith<Property>(SearchKeys.StreetKey, string.Join(' ', words))).Select(p => p.Id));

        var tenancies = housing.Tenants.Where(StartsWith<Tenant>(SearchKeys.LastNameKey, string.Join(' ', words))).Select(t => (int?)t.TenancyId)
            .Concat(housing.Tenancies.Where(t => t.Reference == upper).Select(t => (int?)t.Id));
        if (words.Length == 1)
        {
            tenancies = tenancies.Concat(housing.Tenants.Where(StartsWith<Tenant>(SearchKeys.FirstNameKey, words[0])).Select(t => (int?)t.TenancyId));
        }
        else
        {
            tenancies = tenancies.Concat(housing.Tenants.Where(StartsWith<Tenant>(SearchKeys.FirstNameKey, words[0]))
                .Where(StartsWith<Tenant>(SearchKeys.LastNameKey, words[^1])).Select(t => (int?)t.TenancyId));
        }

        var phones = PhoneForms(term);
        if (phones.Count > 0)
        {
            tenancies = tenancies.Concat(housing.Tenants.Where(t => phones.Contains(t.MobilePhone!) || phones.Contains(t.HomePhone!)).Select(t => (int?)t.TenancyId));
        }

        var exact = references.Exact;
        var (from, to) = references.Range ?? (upper, upper);
        var searchDescription = term.Length >= 3;
        // The matching repairs' ids, one index seek per kind of match, put together with UNION ALL: an OR of IN
        // (subquery) conditions makes PostgreSQL read every repair, and a plain UNION makes SQLite sort each part by
        // id for its merge, which it does by scanning the whole table in id order. Duplicates do not matter to IN.
        // Homes' and tenancies' repairs are sought with the status, as (PropertyId, Status) and (TenancyId, Status)
        // give it, so a search for a postcode of 3,000 homes reads their open repairs, not their 20,000 repairs.
        // References are sought without it: a status there lures SQLite from the reference range to the status index.
        var withStatus = WithStatus(housing.Repairs, filter);
        var ids = housing.Repairs.Where(r => exact.Contains(r.Reference)).Select(r => r.Id)
            .Concat(housing.Repairs.Where(r => string.Compare(r.Reference, from) >= 0 && string.Compare(r.Reference, to) <= 0).Select(r => r.Id))
            .Concat(withStatus.Where(r => properties.Contains(r.PropertyId)).Select(r => r.Id))
            .Concat(withStatus.Where(r => tenancies.Contains(r.TenancyId)).Select(r => r.Id));
        if (searchDescription && OpenDescribedAs(filter, $"%{EscapeLike(term)}%") is { } described)
        {
            ids = ids.Concat(described.Select(r => r.Id));
        }

        return ids;
    }

    /// <summary>A phone number however it was typed ("07700 900456", "+44 7700 900456", "(07700) 900456"), in the forms
    /// it may be stored in: E.164 (what the portal writes), national digits and national format.</summary>
    private static List<string> PhoneForms(string term)
    {
        if (term.Count(char.IsDigit) < 7 || term.Any(char.IsLetter))
        {
            return [];
        }

        var normalised = UkPhoneNumbers.Normalise(term, PhoneKind.Any, "phone number");
        if (normalised.E164 is not { } e164)
        {
            return [];
        }

        var national = UkPhoneNumbers.Display(e164);
        return [e164, national, national.Replace(" ", "", StringComparison.Ordinal)];
    }

    /// <summary>"Starts with" on a normalised key column: LIKE 'prefix%' on SQL Server (a seek that honours its
    /// collation), a range [prefix, prefix with its last character incremented) elsewhere (SQLite's LIKE is
    /// case-insensitive and cannot use a BINARY index; the keys are already one case).</summary>
    private Expression<Func<T, bool>> StartsWith<T>(string column, string prefix)
        where T : class
    {
        if (prefix.Length == 0)
        {
            return e => false;
        }

        if (housing.Database.IsSqlServer())
        {
            var like = EscapeLike(prefix) + "%";
            return e => EF.Functions.Like(EF.Property<string>(e, column), like, "\\");
        }

        var before = prefix[..^1] + (char)(prefix[^1] + 1);
        return e => string.Compare(EF.Property<string>(e, column), prefix) >= 0 && string.Compare(EF.Property<string>(e, column), before) < 0;
    }

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
    public bool? Emergency { get; set; }
    public bool? Overdue { get; set; }

    /// <summary>The signed-in officer's own patch (<see cref="Data.Portal.PortalUser.PatchId"/>).</summary>
    public bool? Mine { get; set; }
    public RepairChannel? Channel { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Q { get; set; }

    /// <summary>target (default: target date, then priority), reported, priority or reference.</summary>
    public string? Sort { get; set; }

    /// <summary>asc or desc; the reported date defaults to newest first, the others to ascending.</summary>
    public string? Direction { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>Every open repair, due first, with no other filter: the page officers open all day (any page of it).</summary>
    public bool IsDefaultView =>
        Status is null or "" or OpenStatuses
        && Priority is null && Trade is null && Patch is null && Hazard != true && Emergency != true && Overdue != true
        && Mine != true && Channel is null && From is null && To is null && string.IsNullOrWhiteSpace(Q)
        && Sort is null or "" or "target" && Direction != "desc";

    /// <summary>The query string for this filter with some values changed (paging and sort links).</summary>
    public string ToQueryString(int? page = null, string? sort = null, string? direction = null) =>
        Microsoft.AspNetCore.Http.QueryString.Create(Values(page, sort, direction)).ToString();

    /// <summary>The filter as route values for typed links (Url.Action, RedirectToAction); the default open queue
    /// says <c>status=open</c> so it is not mistaken for "show the remembered filters".</summary>
    public Dictionary<string, object?> ToRouteValues(int? page = null, string? sort = null, string? direction = null)
    {
        var values = Values(page, sort, direction).ToDictionary(v => v.Key, v => (object?)v.Value);
        values.TryAdd("status", OpenStatuses);
        return values;
    }

    public RepairQueueFilter WithPatch(int patch)
    {
        var copy = (RepairQueueFilter)MemberwiseClone();
        copy.Patch = patch;
        return copy;
    }

    private IEnumerable<KeyValuePair<string, string?>> Values(int? page, string? sort, string? direction)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("status", Status == OpenStatuses ? null : Status),
            new("priority", Priority?.ToString()),
            new("trade", Trade?.ToString()),
            new("patch", Patch?.ToString(AdminDisplay.EnGb)),
            new("hazard", Hazard == true ? "true" : null),
            new("emergency", Emergency == true ? "true" : null),
            new("overdue", Overdue == true ? "true" : null),
            new("mine", Mine == true ? "true" : null),
            new("channel", Channel?.ToString()),
            new("from", From?.ToString("yyyy-MM-dd", AdminDisplay.EnGb)),
            new("to", To?.ToString("yyyy-MM-dd", AdminDisplay.EnGb)),
            new("q", Q),
            new("sort", sort ?? Sort),
            new("direction", direction ?? Direction),
            new("page", (page ?? Page) == 1 ? null : (page ?? Page).ToString(AdminDisplay.EnGb)),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value));
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
    int PhotoCount,
    bool TenantAddedInformation)
{
    public bool IsOpen => Repair.IsOpenStatus(Status);
}

public sealed record RepairQueuePage(RepairQueueFilter Filter, IReadOnlyList<RepairQueueRow> Rows, int Total, int Page, int Pages, DateOnly Today);
