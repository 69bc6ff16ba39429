using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>The choices of the first questions of report-a-repair, from the active catalogue: where in the home, what
/// needs repairing there (damp and mould is offered in every room) and what is wrong with it.</summary>
public sealed class RepairCatalogueChoices(HousingDbContext db)
{
    private const string DampItem = "Damp or mould";

    public async Task<List<string>> AreasAsync(CancellationToken ct)
    {
        var areas = await db.RepairCatalogue.AsNoTracking().Where(i => i.IsActive)
            .GroupBy(i => i.Area).Select(g => new { Area = g.Key, Order = g.Min(i => i.SortOrder) }).ToListAsync(ct);
        return areas.OrderBy(a => a.Order).Select(a => a.Area).ToList();
    }

    public async Task<List<ChoiceOption>> ItemsAsync(string area, CancellationToken ct)
    {
        var rows = await db.RepairCatalogue.AsNoTracking()
            .Where(i => i.IsActive && (i.Area == area || i.Hazard == HazardType.DampAndMould))
            .Select(i => new { i.Item, i.SortOrder, Damp = i.Hazard == HazardType.DampAndMould && i.Area != area })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Item)
            .Select(g => new { Item = g.Key, Order = g.Min(r => r.SortOrder), Damp = g.All(r => r.Damp) })
            .OrderBy(g => g.Damp).ThenBy(g => g.Order)
            .Select(g => new ChoiceOption(g.Item, g.Item, g.Item == DampItem ? "Including black mould and condensation" : null))
            .ToList();
    }

    public Task<List<RepairCatalogueItem>> ProblemsAsync(RepairDraft draft, CancellationToken ct)
    {
        var area = draft.Area!;
        var item = draft.Item!;
        return db.RepairCatalogue.AsNoTracking()
            .Where(i => i.IsActive && i.Item == item && (i.Area == area || i.Hazard == HazardType.DampAndMould))
            .OrderBy(i => i.SortOrder)
            .ToListAsync(ct);
    }

    public static ChoiceOption Option(RepairCatalogueItem item) => new(item.Id.ToString(CultureInfo.InvariantCulture), item.Problem);

    public Task<RepairCatalogueItem> ChosenAsync(RepairDraft draft, CancellationToken ct) =>
        db.RepairCatalogue.AsNoTracking().SingleAsync(i => i.Id == draft.CatalogueItemId, ct);

    /// <summary>"Kitchen: Tap, dripping or leaking", shown above the description.</summary>
    public async Task<string?> SummaryAsync(RepairDraft draft, CancellationToken ct)
    {
        var item = await db.RepairCatalogue.AsNoTracking().Where(i => i.Id == draft.CatalogueItemId).Select(i => new { i.Item, i.Problem }).SingleOrDefaultAsync(ct);
        return item is null ? null : $"{draft.Area}: {item.Item}, {item.Problem.ToLowerInvariant()}";
    }

    public Task<AdvicePage?> AdviceAsync(int item, CancellationToken ct) =>
        db.RepairCatalogue.AsNoTracking().Where(i => i.Id == item && i.IsTenantResponsibility && i.IsActive)
            .Select(i => new AdvicePage { Item = i.Item, Problem = i.Problem, Advice = i.TenantAdvice ?? "" })
            .SingleOrDefaultAsync(ct);
}
