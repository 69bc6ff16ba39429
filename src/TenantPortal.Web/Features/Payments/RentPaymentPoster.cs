using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Features.Payments;

public sealed record PostingResult(Guid AttemptId, long RentTransactionId, bool AlreadyPosted);

/// <summary>The one place a portal payment becomes money in the rent account. The webhook, the return page,
/// the test gateway and reconciliation all call <see cref="PostPaymentAsync"/>; however often and in whatever order,
/// one rent transaction is written (the unique index on ProviderReference backs the code up), in the same
/// database transaction that marks the attempt paid, updates the balance and queues the receipt.</summary>
public sealed class RentPaymentPoster(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    EmailOutbox outbox,
    TimeProvider clock,
    IOptions<LandlordOptions> landlord,
    ILogger<RentPaymentPoster> logger)
{
    private const int MaxTries = 4;

    public async Task<PostingResult> PostPaymentAsync(Guid attemptId, string paymentIntentId, long amountPence, string? paymentMethodType, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(c => PostOnceAsync(attemptId, paymentIntentId, amountPence, paymentMethodType, c), ct);
            }
            catch (DbUpdateException ex) when (attemptNumber < MaxTries)
            {
                // A racing caller posted first (unique ProviderReference, attempt version) or the balance moved:
                // forget what this context saw, then read again. The next pass returns the existing posting.
                logger.LogInformation(ex, "Posting payment attempt {AttemptId} met a concurrent writer; re-reading (try {Try})", attemptId, attemptNumber);
                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
            }
        }
    }

    private async Task<PostingResult> PostOnceAsync(Guid attemptId, string paymentIntentId, long amountPence, string? paymentMethodType, CancellationToken ct)
    {
        var attempt = await portal.PaymentAttempts.SingleAsync(a => a.Id == attemptId, ct);
        if (attempt.Status == PaymentStatus.Succeeded && attempt.RentTransactionId is long posted)
        {
            return new PostingResult(attempt.Id, posted, AlreadyPosted: true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await housing.RentTransactions.AsNoTracking()
            .Where(t => t.ProviderReference == paymentIntentId)
            .Select(t => (long?)t.Id)
            .SingleOrDefaultAsync(ct);
        var alreadyInRentAccount = existing is not null;
        var amount = Money.FromPence(amountPence);
        if (amount != attempt.Amount)
        {
            logger.LogWarning("Payment attempt {AttemptId}: the provider took {Paid} but the attempt was for {Expected}; posting what was paid", attempt.Id, amount, attempt.Amount);
        }

        long rentTransactionId;
        if (existing is long id)
        {
            rentTransactionId = id;
        }
        else
        {
            var balance = await housing.Tenancies.Where(t => t.Id == attempt.TenancyId).Select(t => t.Balance).SingleAsync(ct);
            var line = new RentTransaction
            {
                TenancyId = attempt.TenancyId,
                Date = UkTime.Today(clock),
                Type = RentTransactionType.Payment,
                Amount = -amount,
                Description = "Payment online, thank you",
                Reference = Money.PaymentReference(attempt.Id),
                Source = "Portal",
                ProviderReference = paymentIntentId,
                CreatedAt = now,
            };
            housing.RentTransactions.Add(line);
            // Compare-and-set: if anything else moved the balance since we read it, no row matches and we start again.
            var updated = await housing.Tenancies
                .Where(t => t.Id == attempt.TenancyId && t.Balance == balance)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Balance, balance - amount).SetProperty(t => t.BalanceUpdatedAt, now), ct);
            if (updated != 1)
            {
                throw new DbUpdateConcurrencyException("The rent account balance changed while posting the payment.");
            }

            await housing.SaveChangesAsync(ct);
            rentTransactionId = line.Id;
        }

        attempt.Status = PaymentStatus.Succeeded;
        attempt.RentTransactionId = rentTransactionId;
        attempt.ProviderPaymentIntentId = paymentIntentId;
        attempt.PaymentMethodType = paymentMethodType ?? attempt.PaymentMethodType;
        attempt.CompletedAt ??= now;
        attempt.FailureReason = null;
        attempt.LeaseOwner = null;
        attempt.LeaseUntil = null;
        attempt.Version = Guid.NewGuid();
        if (attempt.ReceiptSentAt is null)
        {
            await QueueReceiptAsync(attempt, amount, ct);
            attempt.ReceiptSentAt = now;
        }

        await portal.SaveChangesAsync(ct);
        logger.LogInformation("Payment attempt {AttemptId} posted to the rent account as transaction {RentTransactionId}", attempt.Id, rentTransactionId);
        return new PostingResult(attempt.Id, rentTransactionId, AlreadyPosted: alreadyInRentAccount);
    }

    private async Task QueueReceiptAsync(PaymentAttempt attempt, decimal amount, CancellationToken ct)
    {
        var email = attempt.UserId is null ? null
            : await portal.Users.Where(u => u.Id == attempt.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var date = UkTime.Today(clock).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        outbox.Enqueue(portal, new EmailMessage(email, $"We have received your rent payment of {Money.Format(amount)}",
            $"Thank you. We have received your payment of {Money.Format(amount)} on {date}.\n\n" +
            $"Tenancy reference: {attempt.TenancyReference}\nPayment reference: {Money.PaymentReference(attempt.Id)}\n\n" +
            $"It is already in your rent account. You can see it in your rent statement online.\n\n" +
            $"If you did not make this payment, call us on {landlord.Value.PhoneNumber}."));
    }

    /// <summary>Moves an attempt that is not yet paid to a new status. Never undoes a payment: a late "expired" or
    /// "failed" for a Succeeded attempt changes nothing.</summary>
    public async Task<bool> MarkAsync(Guid attemptId, PaymentStatus status, string? reason = null, string? sessionId = null, CancellationToken ct = default)
    {
        PaymentStatus[] from = status switch
        {
            PaymentStatus.Open => [PaymentStatus.Created],
            PaymentStatus.Pending => [PaymentStatus.Created, PaymentStatus.Open, PaymentStatus.Cancelled, PaymentStatus.Expired],
            PaymentStatus.Failed => [PaymentStatus.Created, PaymentStatus.Open, PaymentStatus.Pending, PaymentStatus.Cancelled],
            PaymentStatus.Cancelled => [PaymentStatus.Created, PaymentStatus.Open],
            PaymentStatus.Expired => [PaymentStatus.Created, PaymentStatus.Open, PaymentStatus.Cancelled],
            _ => throw new ArgumentOutOfRangeException(nameof(status), "Use PostPaymentAsync for a paid attempt."),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var final = status is PaymentStatus.Failed or PaymentStatus.Expired or PaymentStatus.Cancelled;
        var rows = await portal.PaymentAttempts
            .Where(a => a.Id == attemptId && from.Contains(a.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, status)
                .SetProperty(a => a.FailureReason, a => reason ?? a.FailureReason)
                .SetProperty(a => a.ProviderSessionId, a => sessionId ?? a.ProviderSessionId)
                .SetProperty(a => a.CompletedAt, a => final ? now : a.CompletedAt)
                .SetProperty(a => a.LeaseOwner, (string?)null)
                .SetProperty(a => a.LeaseUntil, (DateTime?)null)
                .SetProperty(a => a.Version, Guid.NewGuid()), ct);
        return rows == 1;
    }

    /// <summary>Posts a refund the provider has confirmed: one Refund line (positive: money back to the tenant
    /// raises what they owe) per provider refund id, and the refund row marked done.</summary>
    public async Task<bool> PostRefundAsync(Guid attemptId, string providerRefundId, long amountPence, CancellationToken ct = default)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(c => PostRefundOnceAsync(attemptId, providerRefundId, amountPence, c), ct);
            }
            catch (DbUpdateException ex) when (attemptNumber < MaxTries)
            {
                logger.LogInformation(ex, "Posting refund for attempt {AttemptId} met a concurrent writer; re-reading", attemptId);
                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> PostRefundOnceAsync(Guid attemptId, string providerRefundId, long amountPence, CancellationToken ct)
    {
        if (await housing.RentTransactions.AnyAsync(t => t.ProviderReference == providerRefundId, ct))
        {
            return false;
        }

        var attempt = await portal.PaymentAttempts.SingleAsync(a => a.Id == attemptId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var amount = Money.FromPence(amountPence);
        var balance = await housing.Tenancies.Where(t => t.Id == attempt.TenancyId).Select(t => t.Balance).SingleAsync(ct);
        var line = new RentTransaction
        {
            TenancyId = attempt.TenancyId,
            Date = UkTime.Today(clock),
            Type = RentTransactionType.Refund,
            Amount = amount,
            Description = "Refund of online payment",
            Reference = Money.PaymentReference(attempt.Id),
            Source = "Portal",
            ProviderReference = providerRefundId,
            CreatedAt = now,
        };
        housing.RentTransactions.Add(line);
        var updated = await housing.Tenancies
            .Where(t => t.Id == attempt.TenancyId && t.Balance == balance)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Balance, balance + amount).SetProperty(t => t.BalanceUpdatedAt, now), ct);
        if (updated != 1)
        {
            throw new DbUpdateConcurrencyException("The rent account balance changed while posting the refund.");
        }

        await housing.SaveChangesAsync(ct);

        var refund = await portal.PaymentRefunds.SingleOrDefaultAsync(r => r.ProviderRefundId == providerRefundId, ct);
        if (refund is null)
        {
            // Made in Stripe's dashboard rather than the portal: record it so the officers' list shows it.
            refund = new PaymentRefund { Id = Guid.NewGuid(), PaymentAttemptId = attempt.Id, Amount = amount, ProviderRefundId = providerRefundId, RequestedBy = "Stripe", RequestedAt = now };
            portal.PaymentRefunds.Add(refund);
        }

        refund.Status = RefundStatus.Succeeded;
        refund.CompletedAt = now;
        refund.RentTransactionId = line.Id;
        attempt.RefundedAmount += amount;
        attempt.Version = Guid.NewGuid();
        await portal.SaveChangesAsync(ct);
        logger.LogInformation("Refund for payment attempt {AttemptId} posted as rent transaction {RentTransactionId}", attempt.Id, line.Id);
        return true;
    }
}
