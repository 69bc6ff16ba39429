using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Repair references: R + year + sequence (R2026-00042), from the RepairReferenceCounters table. Call inside
/// the use case's transaction: the counter row is incremented by one UPDATE (which takes the row lock), so two
/// reports never get the same number and a rolled-back report gives its number back.</summary>
public sealed class RepairReferenceGenerator(HousingDbContext db)
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"R{year}-{sequence:D5}");

    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Repair references must be taken inside the report's transaction.");
        }

        var updated = await db.RepairReferenceCounters.Where(c => c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), ct);
        if (updated == 0)
        {
            // First report of the year. The insert and the update both write the row inside the transaction, so a
            // concurrent first report waits (SQLite: one writer; SQL Server: key lock) or fails on the primary key.
            var counter = new RepairReferenceCounter { Year = year, LastSequence = 1 };
            db.RepairReferenceCounters.Add(counter);
            await db.SaveChangesAsync(ct);
            db.Entry(counter).State = EntityState.Detached;
            return Format(year, 1);
        }

        var sequence = await db.RepairReferenceCounters.Where(c => c.Year == year).Select(c => c.LastSequence).SingleAsync(ct);
        return Format(year, sequence);
    }
}
