using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Writes one line to a rent account and moves its balance, inside the caller's transaction: the posting code
/// payments, refunds, disputes and Right to Repair compensation share. The balance moves by a relative UPDATE, which
/// takes the tenancy row's lock first: concurrent postings to one rent account queue behind each other on a server
/// database (SQL Server, PostgreSQL), where transactions interleave, instead of failing a compare-and-set again and
/// again. A second posting with the same provider reference fails on the unique
/// <c>RentTransactions.ProviderReference</c> and rolls back with its balance change.</summary>
public sealed class RentLedger(HousingDbContext housing, TimeProvider clock)
{
    public async Task<long> PostAsync(int tenancyId, decimal amount, RentTransactionType type, string description, string reference, string providerReference, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await housing.Tenancies
            .Where(t => t.Id == tenancyId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Balance, t => t.Balance + amount).SetProperty(t => t.BalanceUpdatedAt, (DateTime?)now), ct);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Tenancy {tenancyId} is not in the housing database.");
        }

        var line = new RentTransaction
        {
            TenancyId = tenancyId,
            Date = UkTime.Today(clock),
            Type = type,
            Amount = amount,
            Description = description,
            Reference = reference,
            Source = "Portal",
            ProviderReference = providerReference,
            CreatedAt = now,
        };
        housing.RentTransactions.Add(line);
        await housing.SaveChangesAsync(ct);
        return line.Id;
    }
}
