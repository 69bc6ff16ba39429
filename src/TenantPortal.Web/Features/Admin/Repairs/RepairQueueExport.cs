using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>The filtered queue as CSV, with the queue's words (not enum names). A cell a spreadsheet would run as a
/// formula (starting =, +, -, @, tab or carriage return: a tenant's description or name) is escaped by CsvHelper's
/// <see cref="InjectionOptions.Escape"/>, so it is shown as text.</summary>
public sealed class RepairQueueExport(RepairQueue queue, PortalDbContext portal, PortalUnitOfWork unitOfWork, AuditTrail audit)
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.GetCultureInfo("en-GB")) { InjectionOptions = InjectionOptions.Escape };

    public static readonly string[] Headings =
        ["Job", "What", "Trade", "Reported by", "Address", "Postcode", "Patch", "Tenant", "Priority", "Status", "Hazard", "Reported", "Target date", "Overdue"];

    public async Task<byte[]> CsvAsync(RepairQueueFilter filter, ClaimsPrincipal officer, CancellationToken ct)
    {
        var today = UkTime.Today(queue.Clock);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        var rows = 0;
        await using (var csv = new CsvWriter(text, Csv))
        {
            foreach (var heading in Headings)
            {
                csv.WriteField(heading);
            }

            await csv.NextRecordAsync();
            await foreach (var r in queue.AllRows(filter).WithCancellation(ct))
            {
                string[] fields =
                [
                    r.Reference, r.Summary, AdminDisplay.Trade(r.Trade), AdminDisplay.Channel(r.Channel), r.AddressLine1, r.Postcode,
                    r.PatchName ?? "", r.TenantName ?? "", AdminDisplay.Priority(r.Priority), AdminDisplay.Status(r.Status),
                    r.IsHazard ? AdminDisplay.Hazard(r.HazardType) : "", AdminDisplay.Date(r.ReportedAt), AdminDisplay.Date(r.TargetDate),
                    r.IsOpen && r.TargetDate < today ? "Overdue" : "",
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                await csv.NextRecordAsync();
                rows++;
            }
        }

        await unitOfWork.ExecuteAsync(async token =>
        {
            audit.Record(portal, officer, "repairs.exported", "RepairQueue", "export", null, new { Filters = filter.ToQueryString(), Repairs = rows });
            await portal.SaveChangesAsync(token);
            return UnitOfWork.Commit(true);
        }, ct);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }
}
