using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Payments;

/// <summary>Officers' view of portal payments, refunds and disputes; administrators can refund (checked, then
/// confirmed; posted when Stripe says it succeeded).</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class PaymentsController(
    PortalDbContext portal,
    HousingDbContext housing,
    RefundProcessor refunds,
    ILogger<PaymentsController> logger) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/admin/payments")]
    public async Task<IActionResult> Index([FromQuery] PaymentsFilter filter, CancellationToken ct)
    {
        ModelState.Clear();
        var query = portal.PaymentAttempts.AsNoTracking();
        if (string.IsNullOrEmpty(filter.Status))
        {
            // Abandoned attempts (never started, cancelled, expired) are noise for an officer: hidden unless asked for.
            query = query.Where(a => !PaymentsFilter.Abandoned.Contains(a.Status));
        }
        else if (Enum.TryParse<PaymentStatus>(filter.Status, ignoreCase: true, out var status))
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

        if (filter.Disputed)
        {
            query = query.Where(a => portal.PaymentDisputes.Any(d => d.PaymentAttemptId == a.Id));
        }

        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderByDescending(a => a.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new { a.Id, a.TenancyReference, a.TenantId, a.Amount, a.Status, a.Provider, a.CreatedAt, a.RefundedAmount, a.RentTransactionId })
            .ToListAsync(ct);
        var transactionIds = rows.Where(r => r.RentTransactionId != null).Select(r => r.RentTransactionId!.Value).ToList();
        var posted = await housing.RentTransactions.AsNoTracking().Where(t => transactionIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Date }).ToDictionaryAsync(t => t.Id, t => t.Date, ct);
        var names = await TenantNamesAsync(rows.Where(r => r.TenantId != null).Select(r => r.TenantId!.Value).Distinct().ToList(), ct);
        var attemptIds = rows.Select(r => r.Id).ToList();
        var disputes = (await portal.PaymentDisputes.AsNoTracking().Where(d => attemptIds.Contains(d.PaymentAttemptId))
            .Select(d => new { d.PaymentAttemptId, d.Status, d.UpdatedAt }).ToListAsync(ct))
            .GroupBy(d => d.PaymentAttemptId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.UpdatedAt).First().Status);

        return View(new PaymentsListViewModel
        {
            Filter = filter,
            Page = page,
            HasNext = rows.Count > PageSize,
            Rows = rows.Take(PageSize).Select(r => new PaymentRow(r.Id, Money.PaymentReference(r.Id), r.TenancyReference,
                r.TenantId is int tid && names.TryGetValue(tid, out var name) ? name : null, r.Amount, r.Status, r.Provider,
                UkTime.ToUk(r.CreatedAt), r.RefundedAmount, r.RentTransactionId,
                r.RentTransactionId is long id && posted.TryGetValue(id, out var date) ? date : null,
                disputes.GetValueOrDefault(r.Id))).ToList(),
        });
    }

    private async Task<Dictionary<int, string>> TenantNamesAsync(List<int> tenantIds, CancellationToken ct) =>
        await housing.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .Select(t => new { t.Id, t.FirstName, t.LastName }).ToDictionaryAsync(t => t.Id, t => $"{t.FirstName} {t.LastName}", ct);

    [HttpGet("/admin/payments/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var model = await DetailAsync(id, new RefundForm(), ct);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>Step 1 of a refund: amount and reason checked, then "Check the refund" before anything is sent.</summary>
    [HttpPost("/admin/payments/{id:guid}/refund")]
    [Authorize(Policy = PortalPolicies.Administrator)]
    public async Task<IActionResult> Refund(Guid id, RefundForm form, CancellationToken ct)
    {
        var model = await DetailAsync(id, form, ct);
        if (model is null)
        {
            return NotFound();
        }

        var amount = Validate(model, form);
        if (!ModelState.IsValid)
        {
            return View("Details", model);
        }

        form.RefundId = Guid.NewGuid();
        return View("ConfirmRefund", new ConfirmRefundViewModel { Attempt = model.Attempt, Form = form, Amount = amount, ReasonText = RefundProcessor.Reasons[form.Reason!] });
    }

    /// <summary>Step 2: the administrator confirmed. The refund row is written and audited before Stripe is asked
    /// (idempotency key = the refund id); it reaches the rent account when Stripe says it succeeded.</summary>
    [HttpPost("/admin/payments/{id:guid}/refund/confirm")]
    [Authorize(Policy = PortalPolicies.Administrator)]
    public async Task<IActionResult> ConfirmRefund(Guid id, RefundForm form, CancellationToken ct)
    {
        var model = await DetailAsync(id, form, ct);
        if (model is null || form.RefundId == Guid.Empty)
        {
            return NotFound();
        }

        var existing = await portal.PaymentRefunds.AsNoTracking().Where(r => r.Id == form.RefundId).Select(r => (Guid?)r.PaymentAttemptId).SingleOrDefaultAsync(ct);
        if (existing is Guid owner)
        {
            // A resubmitted confirmation: the refund was already requested.
            return owner == id ? RedirectToAction(nameof(Details), new { id }) : NotFound();
        }

        var amount = Validate(model, form);
        if (!ModelState.IsValid)
        {
            return View("Details", model);
        }

        try
        {
            var refund = await refunds.RequestAsync(id, form.RefundId, amount, form.Reason!, form.Note, User, ct);
            TempData["Notice"] = refund.Status switch
            {
                RefundStatus.Succeeded => $"Refund of {Money.Format(amount)} made and posted to the rent account. The tenant is told the way they asked (email, text or letter).",
                RefundStatus.Failed => $"Stripe did not accept the refund: {refund.FailureReason}",
                _ => $"Refund of {Money.Format(amount)} requested. It will be posted to the rent account when Stripe confirms it.",
            };
        }
        catch (Exception ex) when (PaymentProviderFailure.Classify(ex, ct) == ProviderFailure.Unreachable)
        {
            logger.LogWarning(ex, "Stripe did not answer refund {RefundId}; reconciliation will send it again", form.RefundId);
            TempData["Notice"] = $"Stripe did not answer. The refund of {Money.Format(amount)} is recorded and will be sent again automatically (never twice).";
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private decimal Validate(PaymentDetailViewModel model, RefundForm form)
    {
        decimal amount = 0;
        if (!model.CanRefund)
        {
            ModelState.AddModelError("Form.Amount", "This payment cannot be refunded");
            return 0;
        }

        if (!PaymentAmount.TryParse(form.Amount, 0.01m, model.Refundable, "Enter how much to refund", out amount, out var error))
        {
            ModelState.AddModelError("Form.Amount", error!);
        }

        if (string.IsNullOrEmpty(form.Reason) || !RefundProcessor.Reasons.ContainsKey(form.Reason))
        {
            ModelState.AddModelError("Form.Reason", "Select why you are refunding this payment");
        }

        if (form.Note?.Length > 500)
        {
            ModelState.AddModelError("Form.Note", "The note must be 500 characters or fewer");
        }
        else if (form.Reason == "other" && string.IsNullOrWhiteSpace(form.Note))
        {
            ModelState.AddModelError("Form.Note", "Say why you are refunding this payment");
        }

        return amount;
    }

    private async Task<PaymentDetailViewModel?> DetailAsync(Guid id, RefundForm form, CancellationToken ct)
    {
        var attempt = await portal.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attempt is null)
        {
            return null;
        }

        var refundRows = await portal.PaymentRefunds.AsNoTracking().Where(r => r.PaymentAttemptId == id)
            .OrderBy(r => r.RequestedAt)
            .ToListAsync(ct);
        var disputes = await portal.PaymentDisputes.AsNoTracking().Where(d => d.PaymentAttemptId == id).OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var line = attempt.RentTransactionId is long tid
            ? await housing.RentTransactions.AsNoTracking().Where(t => t.Id == tid).Select(t => new { t.Date, t.Description }).SingleOrDefaultAsync(ct)
            : null;
        var committed = refundRows.Where(r => r.Status is not (RefundStatus.Failed or RefundStatus.Reversed)).Sum(r => r.Amount);
        var refundable = Math.Max(0, attempt.Amount - committed);
        var openDispute = disputes.Any(d => d.Status is not ("won" or "warning_closed"));
        var names = attempt.TenantId is int tenantId ? await TenantNamesAsync([tenantId], ct) : [];
        return new PaymentDetailViewModel
        {
            Attempt = attempt,
            TenantName = names.Values.FirstOrDefault(),
            Refunds = refundRows.Select(r => new RefundRow(r.Amount, r.Status, r.Reason, r.Note, r.RequestedBy, UkTime.ToUk(r.RequestedAt), r.ProviderRefundId, r.FailureReason)).ToList(),
            Disputes = disputes.Select(d => new DisputeRow(d.Id, d.Amount, d.Status, d.Reason, UkTime.ToUk(d.CreatedAt), d.ReversalTransactionId is not null, d.RecreditTransactionId is not null)).ToList(),
            PostedOn = line?.Date,
            PostedDescription = line?.Description,
            Refundable = refundable,
            CanRefund = attempt.Status == PaymentStatus.Succeeded && refundable > 0 && attempt.ProviderPaymentIntentId is not null && !openDispute,
            Form = form,
        };
    }
}
