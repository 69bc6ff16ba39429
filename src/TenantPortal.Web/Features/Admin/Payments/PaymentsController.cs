using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Payments;

/// <summary>Officers' view of portal payments; administrators can refund (posted when Stripe confirms).</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class PaymentsController(
    PortalDbContext portal,
    HousingDbContext housing,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    PaymentGateways gateways,
    RentPaymentPoster poster,
    TimeProvider clock,
    ILogger<PaymentsController> logger) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/admin/payments")]
    public async Task<IActionResult> Index([FromQuery] PaymentsFilter filter, CancellationToken ct)
    {
        var query = portal.PaymentAttempts.AsNoTracking();
        if (filter.Status is PaymentStatus status)
        {
            query = query.Where(a => a.Status == status);
        }

        DateRangeFilter.Validate(ModelState, filter.From, filter.To, nameof(filter.From), nameof(filter.To));
        var (fromUtc, beforeUtc) = DateRangeFilter.Bounds(filter.From, filter.To);
        if (fromUtc is not null)
        {
            query = query.Where(a => a.CreatedAt >= fromUtc);
        }

        if (beforeUtc is not null)
        {
            query = query.Where(a => a.CreatedAt < beforeUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tenancy))
        {
            // By the tenancy's id (indexed with CreatedAt), found from its unique reference in the housing database.
            var reference = filter.Tenancy.Trim().ToUpperInvariant();
            var tenancyId = await housing.Tenancies.Where(t => t.Reference == reference).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct) ?? -1;
            query = query.Where(a => a.TenancyId == tenancyId);
        }

        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderByDescending(a => a.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new { a.Id, a.TenancyReference, a.Amount, a.Status, a.Provider, a.CreatedAt, a.RefundedAmount, a.RentTransactionId })
            .ToListAsync(ct);
        var transactionIds = rows.Where(r => r.RentTransactionId != null).Select(r => r.RentTransactionId!.Value).ToList();
        var posted = await housing.RentTransactions.AsNoTracking().Where(t => transactionIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Date }).ToDictionaryAsync(t => t.Id, t => t.Date, ct);

        return View(new PaymentsListViewModel
        {
            Filter = filter,
            Page = page,
            HasNext = rows.Count > PageSize,
            Rows = rows.Take(PageSize).Select(r => new PaymentRow(r.Id, Money.PaymentReference(r.Id), r.TenancyReference, r.Amount, r.Status, r.Provider,
                UkTime.ToUk(r.CreatedAt), r.RefundedAmount, r.RentTransactionId,
                r.RentTransactionId is long id && posted.TryGetValue(id, out var date) ? date : null)).ToList(),
        });
    }

    [HttpGet("/admin/payments/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var model = await DetailAsync(id, new RefundForm(), ct);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>Refund part or all of a payment through the provider. The refund reaches the rent account when the
    /// provider confirms it (charge.refunded), through the same once-only posting path.</summary>
    [HttpPost("/admin/payments/{id:guid}/refund")]
    [Authorize(Policy = PortalPolicies.Administrator)]
    public async Task<IActionResult> Refund(Guid id, RefundForm form, CancellationToken ct)
    {
        var model = await DetailAsync(id, form, ct);
        if (model is null)
        {
            return NotFound();
        }

        decimal amount = 0;
        if (!model.CanRefund)
        {
            ModelState.AddModelError("Form.Amount", "This payment cannot be refunded");
        }
        else if (!PaymentAmount.TryParse(form.Amount, 0.01m, model.Refundable, "Enter how much to refund", out amount, out var error))
        {
            ModelState.AddModelError("Form.Amount", error!);
        }

        if (!ModelState.IsValid)
        {
            return View("Details", model);
        }

        var refund = new PaymentRefund
        {
            Id = Guid.NewGuid(),
            PaymentAttemptId = id,
            Amount = amount,
            Status = RefundStatus.Requested,
            RequestedBy = User.DisplayName(),
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        await unitOfWork.ExecuteAsync(async c =>
        {
            portal.PaymentRefunds.Add(refund);
            audit.Record(portal, User, "payment.refund-requested", "PaymentAttempt", id.ToString(), null, new { Amount = amount.ToString("0.00", CultureInfo.InvariantCulture), RefundId = refund.Id });
            await portal.SaveChangesAsync(c);
        }, ct);

        try
        {
            var started = await gateways.For(model.Attempt.Provider).RefundAsync(model.Attempt, refund, ct);
            refund.ProviderRefundId = started.ProviderRefundId;
            await portal.SaveChangesAsync(ct);
            if (started.Immediate)
            {
                await poster.PostRefundAsync(id, started.ProviderRefundId, Money.ToPence(amount), ct);
            }

            TempData["Notice"] = started.Immediate
                ? $"Refund of {Money.Format(amount)} made and posted to the rent account."
                : $"Refund of {Money.Format(amount)} requested. It will be posted to the rent account when Stripe confirms it.";
        }
        catch (Stripe.StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused refund {RefundId}", refund.Id);
            refund.Status = RefundStatus.Failed;
            await portal.SaveChangesAsync(ct);
            TempData["Notice"] = "Stripe did not accept the refund: " + ex.StripeError?.Message;
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<PaymentDetailViewModel?> DetailAsync(Guid id, RefundForm form, CancellationToken ct)
    {
        var attempt = await portal.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attempt is null)
        {
            return null;
        }

        var refunds = await portal.PaymentRefunds.AsNoTracking().Where(r => r.PaymentAttemptId == id)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new { r.Amount, r.Status, r.RequestedBy, r.RequestedAt, r.ProviderRefundId })
            .ToListAsync(ct);
        var line = attempt.RentTransactionId is long tid
            ? await housing.RentTransactions.AsNoTracking().Where(t => t.Id == tid).Select(t => new { t.Date, t.Description }).SingleOrDefaultAsync(ct)
            : null;
        var committed = refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.Amount);
        var refundable = Math.Max(0, attempt.Amount - committed);
        return new PaymentDetailViewModel
        {
            Attempt = attempt,
            Refunds = refunds.Select(r => new RefundRow(r.Amount, r.Status, r.RequestedBy, UkTime.ToUk(r.RequestedAt), r.ProviderRefundId)).ToList(),
            PostedOn = line?.Date,
            PostedDescription = line?.Description,
            Refundable = refundable,
            CanRefund = attempt.Status == PaymentStatus.Succeeded && refundable > 0 && attempt.ProviderPaymentIntentId is not null,
            Form = form,
        };
    }
}
