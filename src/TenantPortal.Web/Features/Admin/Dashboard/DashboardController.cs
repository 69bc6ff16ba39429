using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Dashboard;

[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class DashboardController(ServiceMeasures measures, TimeProvider clock) : Controller
{
    /// <summary>The dashboard; <paramref name="month"/> (yyyy-MM) chooses the month shown beside the two reporting years.</summary>
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(string? month, [FromQuery] int hazardPage, CancellationToken ct)
    {
        DateOnly? chosen = null;
        if (!string.IsNullOrEmpty(month))
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            {
                ModelState.AddModelError("month", "Enter a month like 2026-06");
            }
            else
            {
                chosen = m;
            }
        }

        return View(await measures.DashboardAsync(chosen, Math.Max(1, hazardPage), ct));
    }

    /// <summary>A reporting year's measures as CSV, one row per measure (this reporting year when none is given).</summary>
    [HttpGet("/admin/measures.csv")]
    public async Task<IActionResult> Csv(int? year, CancellationToken ct)
    {
        var reportingYear = year is { } y and >= 2000 and <= 2100 ? ReportingYear.Starting(y) : ReportingYear.Containing(UkTime.Today(clock));
        var figures = await measures.PeriodAsync(reportingYear.Label, reportingYear.From, reportingYear.To, ct);
        var csv = TenantSatisfactionMeasures.Csv(reportingYear, figures);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"measures-{reportingYear.From.Year}-{reportingYear.To.Year % 100:00}.csv");
    }
}
