using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>So a lost webhook never loses a payment: attempts still open or pending 30 minutes after they started are
/// claimed with a lease (a conditional update, so two instances never check the same one), Stripe is asked
/// about each, and the answer goes through the same posting path as the webhook.</summary>
public sealed class PaymentReconciliationService(
    IServiceScopeFactory scopes,
    IOptions<PaymentTimingOptions> options,
    PaymentModeSelector selector,
    TimeProvider clock,
    ILogger<PaymentReconciliationService> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RefundRecheckAfter = TimeSpan.FromMinutes(10);
    private const int BatchSize = 20;

    /// <summary>How long a cancelled or expired attempt whose session Stripe has not confirmed closed is still checked
    /// (Stripe sessions live at most 24 hours).</summary>
    private static readonly TimeSpan ClosedWindow = TimeSpan.FromHours(48);

    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunReconciliation || selector.Mode == PaymentMode.Unavailable)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Payment reconciliation pass failed; will retry");
            }

            try
            {
                await Task.Delay(options.Value.ReconcileInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claim a batch, ask the provider about each, release. Returns how many were checked.</summary>
    public async Task<int> ReconcileOnceAsync(CancellationToken ct)
    {
        var checkedCount = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var startedBefore = now - options.Value.ReconcileAfter;
            var checkedBefore = now - RecheckAfter;
            var leaseUntil = now + Lease;
            var claimable = new[] { PaymentStatus.Created, PaymentStatus.Open, PaymentStatus.Pending };
            var closed = new[] { PaymentStatus.Cancelled, PaymentStatus.Expired };
            var closedSince = now - ClosedWindow;

            // Open or pending ones, and recently cancelled or expired ones whose session Stripe has not confirmed
            // closed (the old tab could still be paid): a payment that succeeded anyway is posted.
            var candidates = await portal.PaymentAttempts.AsNoTracking()
                .Where(a => (claimable.Contains(a.Status) || (closed.Contains(a.Status) && a.ProviderSessionId != null && a.ProviderClosedAt == null && a.CreatedAt > closedSince))
                    && a.CreatedAt < startedBefore
                    && (a.LastCheckedAt == null || a.LastCheckedAt < checkedBefore)
                    && (a.LeaseUntil == null || a.LeaseUntil < now))
                .OrderBy(a => a.CreatedAt)
                .Select(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(ct);

            // Claimed one row at a time, with the lease condition in the UPDATE's own WHERE: under snapshot isolation
            // (READ_COMMITTED_SNAPSHOT) a batch claim's subquery can read rows another instance has just claimed, so
            // only a row whose own update still finds it unleased is this instance's.
            var claimed = 0;
            foreach (var id in candidates)
            {
                claimed += await portal.PaymentAttempts
                    .Where(a => a.Id == id && (a.LeaseUntil == null || a.LeaseUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseOwner, Instance).SetProperty(a => a.LeaseUntil, leaseUntil), ct);
            }

            if (claimed == 0)
            {
                var refunds = scope.ServiceProvider.GetRequiredService<RefundProcessor>();
                return checkedCount + await refunds.ReconcileAsync(RefundRecheckAfter, ct);
            }

            var batch = await portal.PaymentAttempts.AsNoTracking()
                .Where(a => a.LeaseOwner == Instance && a.LeaseUntil == leaseUntil)
                .ToListAsync(ct);
            var gateways = scope.ServiceProvider.GetRequiredService<PaymentGateways>();
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            var poster = scope.ServiceProvider.GetRequiredService<RentPaymentPoster>();
            foreach (var attempt in batch)
            {
                try
                {
                    if (attempt.Status == PaymentStatus.Created || attempt.ProviderSessionId is null)
                    {
                        // Never sent to the provider: the tenant stopped at "check your payment".
                        await poster.MarkAsync(attempt.Id, PaymentStatus.Expired, "The payment was not started", ct: ct);
                    }
                    else
                    {
                        var gateway = gateways.For(attempt.Provider);
                        var state = await gateway.GetStateAsync(attempt, ct);
                        if (state.Outcome == CheckoutOutcome.Open && attempt.Status is PaymentStatus.Cancelled or PaymentStatus.Expired)
                        {
                            // Cancelled here while Stripe could not be reached: close it at Stripe now.
                            state = await gateway.CancelCheckoutAsync(attempt, ct);
                        }

                        if (state.Outcome == CheckoutOutcome.Open && attempt.Provider == PaymentProvider.TestGateway)
                        {
                            state = new CheckoutState(CheckoutOutcome.Expired, Reason: "The payment was not finished in time");
                        }

                        await payments.ApplyAsync(attempt.Id, state, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Reconciling payment attempt {AttemptId} failed; it will be tried again", attempt.Id);
                }

                checkedCount++;
            }

            // Release the lease and note the check, whatever happened (a Succeeded row was already released).
            var ids = batch.Select(a => a.Id).ToList();
            await portal.PaymentAttempts
                .Where(a => ids.Contains(a.Id) && a.LeaseOwner == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseOwner, (string?)null).SetProperty(a => a.LeaseUntil, (DateTime?)null).SetProperty(a => a.LastCheckedAt, now), ct);
        }
    }
}
