using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

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
    Notifications.TenantNotifier notifier,
    Notifications.TenantMessages messages,
    TimeProvider clock,
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
                // the unit of work forgot what this context saw, so read again. The next pass returns the existing posting.
                logger.LogInformation(ex, "Posting payment attempt {AttemptId} met a concurrent writer; re-reading (try {Try})", attemptId, attemptNumber);
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
            rentTransactionId = await PostAsync(attempt, -amount, RentTransactionType.Payment, "Payment online, thank you", paymentIntentId, ct);
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

    /// <summary>The receipt goes to the tenant who paid, the way their contact record asks (one address per person:
    /// the contact record's email, which the sign-in follows when changed on "Your contact details").</summary>
    private async Task QueueReceiptAsync(PaymentAttempt attempt, decimal amount, CancellationToken ct)
    {
        if (await PayerAsync(attempt, ct) is not int tenantId)
        {
            return;
        }

        var date = UkTime.Today(clock).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await notifier.TellAsync(portal, tenantId, messages.PaymentReceived(Money.Format(amount), date, attempt.TenancyReference, Money.PaymentReference(attempt.Id)), ct);
    }

    private async Task<int?> PayerAsync(PaymentAttempt attempt, CancellationToken ct) => attempt.UserId is null ? null
        : await portal.Users.Where(u => u.Id == attempt.UserId).Select(u => u.TenantId).SingleOrDefaultAsync(ct);

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
            PaymentStatus.Expired => [PaymentStatus.Created, PaymentStatus.Open],
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

    /// <summary>Posts a refund the provider says has succeeded: one Refund line (positive: money back to the tenant
    /// raises what they owe) per provider refund id, the refund row marked Succeeded, and the tenant told.</summary>
    public Task<bool> PostRefundAsync(Guid refundId, CancellationToken ct = default) =>
        WithRetriesAsync(c => PostLineAsync(refundId, reversal: false, c), refundId, ct);

    /// <summary>A refund that had been posted failed later at Stripe (e.g. the card account was closed): the money
    /// stayed with the landlord, so a line takes the refund back out of the rent account.</summary>
    public Task<bool> ReverseRefundAsync(Guid refundId, CancellationToken ct = default) =>
        WithRetriesAsync(c => PostLineAsync(refundId, reversal: true, c), refundId, ct);

    private async Task<bool> WithRetriesAsync(Func<CancellationToken, Task<bool>> work, Guid id, CancellationToken ct)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await unitOfWork.ExecuteAsync(work, ct);
            }
            catch (DbUpdateException ex) when (attemptNumber < MaxTries)
            {
                logger.LogInformation(ex, "Posting {Id} met a concurrent writer; re-reading (try {Try})", id, attemptNumber);
            }
        }
    }

    private async Task<bool> PostLineAsync(Guid refundId, bool reversal, CancellationToken ct)
    {
        var refund = await portal.PaymentRefunds.SingleAsync(r => r.Id == refundId, ct);
        var attempt = await portal.PaymentAttempts.SingleAsync(a => a.Id == refund.PaymentAttemptId, ct);
        var providerRefundId = refund.ProviderRefundId ?? throw new InvalidOperationException("A refund is posted only once the provider has given it an id.");
        var reference = reversal ? providerRefundId + ":reversed" : providerRefundId;
        if ((reversal ? refund.ReversalTransactionId : refund.RentTransactionId) is not null
            || await housing.RentTransactions.AnyAsync(t => t.ProviderReference == reference, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var line = await PostAsync(attempt, reversal ? -refund.Amount : refund.Amount, reversal ? RentTransactionType.Adjustment : RentTransactionType.Refund,
            reversal ? "Refund of online payment failed" : "Refund of online payment", reference, ct);
        if (reversal)
        {
            refund.Status = RefundStatus.Reversed;
            refund.ReversalTransactionId = line;
            attempt.RefundedAmount -= refund.Amount;
        }
        else
        {
            refund.Status = RefundStatus.Succeeded;
            refund.RentTransactionId = line;
            attempt.RefundedAmount += refund.Amount;
        }

        refund.CompletedAt = now;
        attempt.Version = Guid.NewGuid();
        await QueueRefundEmailAsync(attempt, refund.Amount, reversal, ct);
        await portal.SaveChangesAsync(ct);
        logger.LogInformation("Refund {RefundId} of payment attempt {AttemptId} {What} as rent transaction {RentTransactionId}", refund.Id, attempt.Id, reversal ? "reversed" : "posted", line);
        return true;
    }

    /// <summary>A dispute: the money taken back (reversal, positive) or given back when the landlord won (re-credit,
    /// negative). One line per dispute and direction (ProviderReference "{dp}:reversal" / "{dp}:won").</summary>
    public Task<bool> PostDisputeAsync(string disputeId, bool recredit, CancellationToken ct = default) =>
        WithRetriesAsync(c => PostDisputeOnceAsync(disputeId, recredit, c), Guid.Empty, ct);

    private async Task<bool> PostDisputeOnceAsync(string disputeId, bool recredit, CancellationToken ct)
    {
        var dispute = await portal.PaymentDisputes.SingleAsync(d => d.Id == disputeId, ct);
        var reference = disputeId + (recredit ? ":won" : ":reversal");
        if ((recredit ? dispute.RecreditTransactionId : dispute.ReversalTransactionId) is not null
            || (recredit && dispute.ReversalTransactionId is null)
            || await housing.RentTransactions.AnyAsync(t => t.ProviderReference == reference, ct))
        {
            return false;
        }

        var attempt = await portal.PaymentAttempts.SingleAsync(a => a.Id == dispute.PaymentAttemptId, ct);
        var line = await PostAsync(attempt, recredit ? -dispute.Amount : dispute.Amount, RentTransactionType.Adjustment,
            recredit ? "Disputed online payment returned to you" : "Online payment disputed with your bank", reference, ct);
        if (recredit)
        {
            dispute.RecreditTransactionId = line;
        }
        else
        {
            dispute.ReversalTransactionId = line;
        }

        dispute.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await portal.SaveChangesAsync(ct);
        logger.LogInformation("Dispute {DisputeId} of payment attempt {AttemptId}: {What} posted as rent transaction {RentTransactionId}", disputeId, attempt.Id, recredit ? "re-credit" : "reversal", line);
        return true;
    }

    /// <summary>Writes one portal line and moves the balance (inside the caller's transaction). The balance moves by a
    /// relative UPDATE, which takes the tenancy row's lock first: concurrent postings to one rent account queue behind
    /// each other on a server database (SQL Server, PostgreSQL), where transactions interleave, instead of failing a
    /// compare-and-set again and again. A second posting of the same payment still fails on the unique
    /// ProviderReference and rolls back with its balance change.</summary>
    private async Task<long> PostAsync(PaymentAttempt attempt, decimal amount, RentTransactionType type, string description, string providerReference, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await housing.Tenancies
            .Where(t => t.Id == attempt.TenancyId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Balance, t => t.Balance + amount).SetProperty(t => t.BalanceUpdatedAt, (DateTime?)now), ct);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Tenancy {attempt.TenancyId} of payment attempt {attempt.Id} is not in the housing database.");
        }

        var line = new RentTransaction
        {
            TenancyId = attempt.TenancyId,
            Date = UkTime.Today(clock),
            Type = type,
            Amount = amount,
            Description = description,
            Reference = Money.PaymentReference(attempt.Id),
            Source = "Portal",
            ProviderReference = providerReference,
            CreatedAt = now,
        };
        housing.RentTransactions.Add(line);
        await housing.SaveChangesAsync(ct);
        return line.Id;
    }

    private async Task QueueRefundEmailAsync(PaymentAttempt attempt, decimal amount, bool reversal, CancellationToken ct)
    {
        if (await PayerAsync(attempt, ct) is not int tenantId)
        {
            return;
        }

        var reference = Money.PaymentReference(attempt.Id);
        await notifier.TellAsync(portal, tenantId, reversal
            ? messages.RefundFailed(Money.Format(amount), reference, attempt.TenancyReference)
            : messages.Refunded(Money.Format(amount), reference, attempt.TenancyReference), ct);
    }
}
