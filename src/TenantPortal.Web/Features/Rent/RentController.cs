using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Rent;

/// <summary>The tenant's rent account, statement and paying rent. Every query is scoped to the signed-in tenancy.</summary>
[Authorize(Policy = PortalPolicies.Tenant)]
public sealed class RentController(RentAccountQueries queries, PaymentService payments, PaymentModeSelector selector, RentPaymentPoster poster, Notifications.TenantNotifier notifier, IOptions<AccountOptions> accounts, TimeProvider clock, ILogger<RentController> logger) : Controller
{
    [HttpGet("/rent")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = await queries.AccountAsync(User.TenancyId(), selector.Mode != PaymentMode.Unavailable, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("/rent/statement")]
    public async Task<IActionResult> Statement([FromQuery] StatementFilter filter, CancellationToken ct)
    {
        ModelState.Clear();
        var (from, to) = ReadRange(filter);
        if (!ModelState.IsValid)
        {
            from = null;
            to = null;
        }

        var model = await queries.StatementAsync(User.TenancyId(), filter, from, to, ct);
        return View(model);
    }

    /// <summary>The statement as a CSV file. Only dates are in the URL.</summary>
    [HttpGet("/rent/statement/download")]
    public async Task<IActionResult> Download(string? from, string? to, CancellationToken ct)
    {
        DateOnly? fromDate = null, toDate = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
            {
                return BadRequest();
            }

            fromDate = f;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return BadRequest();
            }

            toDate = t;
        }

        var lines = await queries.AllLinesAsync(User.TenancyId(), fromDate, toDate, ct);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', StatementLine.Columns)).Append("\r\n");
        foreach (var line in lines)
        {
            // Numbers without the pound sign so a spreadsheet can add them up; otherwise the screen's words.
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(line.Date.ToString(StatementLine.DateFormat, Money.EnGb))},{Cell(line.Description)},{Number(line.Charge)},{Number(line.Paid)},{Cell(StatementLine.Balance(line.BalanceAfter).Replace("£", "", StringComparison.Ordinal))}\r\n");
        }

        var name = "rent-statement" + (fromDate is null ? "" : $"-from-{fromDate:yyyy-MM-dd}") + (toDate is null ? "" : $"-to-{toDate:yyyy-MM-dd}") + ".csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    [HttpGet("/rent/pay")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Pay(CancellationToken ct)
    {
        var (balance, weekly) = await queries.BalanceAsync(User.TenancyId(), ct);
        var suggested = balance > 0 ? balance : weekly;
        suggested = Math.Clamp(suggested, PaymentAmount.Minimum, PaymentAmount.Maximum);
        return View(new PayPageViewModel { Form = new PayForm { Amount = suggested.ToString("0.00", CultureInfo.InvariantCulture) }, Balance = balance, Mode = selector.Mode });
    }

    [HttpPost("/rent/pay")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Pay(PayForm form, CancellationToken ct)
    {
        if (selector.Mode == PaymentMode.Unavailable)
        {
            return RedirectToAction(nameof(Pay));
        }

        if (!PaymentAmount.TryParse(form.Amount, out var amount, out var error))
        {
            ModelState.AddModelError("Form.Amount", error!);
            var (balance, _) = await queries.BalanceAsync(User.TenancyId(), ct);
            return View(new PayPageViewModel { Form = form, Balance = balance, Mode = selector.Mode });
        }

        // The amount is fixed here, server-side, in the attempt: nothing later in the journey can change it.
        var attempt = await payments.CreateAttemptAsync(User, amount, ct);
        return RedirectToAction(nameof(Check), new { attempt = attempt.Id });
    }

    [HttpGet("/rent/pay/check")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Check(Guid attempt, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status != PaymentStatus.Created)
        {
            return RedirectToAction(nameof(Complete), new { attempt });
        }

        if (selector.Mode == PaymentMode.Stripe)
        {
            // Browsers apply form-action to the redirect after the POST: Stripe's hosted page must be allowed.
            SecurityHeadersMiddleware.AllowStripeCheckout(HttpContext);
        }

        return View(new CheckPaymentViewModel { AttemptId = row.Id, Amount = row.Amount, TenancyReference = row.TenancyReference, Mode = selector.Mode });
    }

    /// <summary>"Pay": with JavaScript (pay.js sets Embedded) Stripe's form opens on our own page; without it, the
    /// browser goes to Stripe's hosted page. Only the attempt id is posted: the amount comes from the attempt.</summary>
    [HttpPost("/rent/pay/check")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> Start(Guid attempt, bool embedded, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status is not (PaymentStatus.Created or PaymentStatus.Open))
        {
            return RedirectToAction(nameof(Complete), new { attempt });
        }

        // Built from Accounts:PublicBaseUrl, never from the request's Host header (a forged Host would send the
        // tenant back to someone else's site after paying).
        var complete = PublicUrl($"/rent/pay/complete?attempt={row.Id}");
        var cancelled = PublicUrl($"/rent/pay/cancelled?attempt={row.Id}");
        CheckoutStart start;
        try
        {
            start = await payments.StartCheckoutAsync(row, new CheckoutUrls(complete + "&session_id={CHECKOUT_SESSION_ID}", cancelled), embedded && selector.Mode == PaymentMode.Stripe, ct);
        }
        catch (Exception ex) when (PaymentProviderFailure.Is(ex, ct))
        {
            PaymentProviderFailure.Log(logger, ex, "starting checkout", row.Id, ct);
            return await ProviderFailedAsync(row, PaymentProviderFailure.Classify(ex, ct), ct);
        }

        if (start.Finished is not null)
        {
            // The existing checkout was already paid, is with the bank, or has closed: say so, never open another.
            return RedirectToAction(nameof(Complete), new { attempt });
        }

        if (start.ClientSecret is not null && selector.PublishableKey is not null)
        {
            SecurityHeadersMiddleware.AllowStripeCheckout(HttpContext);
            return View("Checkout", new EmbeddedCheckoutViewModel { AttemptId = row.Id, Amount = row.Amount, ClientSecret = start.ClientSecret, PublishableKey = selector.PublishableKey });
        }

        return start.RedirectUrl is null ? RedirectToAction(nameof(Complete), new { attempt }) : Redirect(start.RedirectUrl);
    }

    private string PublicUrl(string pathAndQuery)
    {
        var baseUrl = accounts.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        }

        return baseUrl.TrimEnd('/') + pathAndQuery;
    }

    /// <summary>Where Stripe (or the test gateway) sends the tenant back. The status comes from the provider,
    /// looked up by the session id we stored; the query string only says which of this tenancy's attempts.</summary>
    [HttpGet("/rent/pay/complete")]
    public async Task<IActionResult> Complete(Guid attempt, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null)
        {
            return NotFound();
        }

        try
        {
            var confirmed = await payments.ConfirmAsync(row, ct);
            return View("Complete", await ResultAsync(confirmed, cancelled: false, ct));
        }
        catch (Exception ex) when (PaymentProviderFailure.Is(ex, ct))
        {
            PaymentProviderFailure.Log(logger, ex, "confirming the payment", row.Id, ct);
            return await ProviderFailedAsync(row, PaymentProviderFailure.Classify(ex, ct), ct);
        }
    }

    [HttpGet("/rent/pay/cancelled")]
    public async Task<IActionResult> Cancelled(Guid attempt, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null)
        {
            return NotFound();
        }

        // Stripe may still take the money (a second tab): the session is expired at Stripe first; if it was paid
        // meanwhile, the payment is posted and the receipt shown instead.
        try
        {
            var confirmed = await payments.CancelAsync(row, ct);
            return View("Complete", await ResultAsync(confirmed, cancelled: true, ct));
        }
        catch (Exception ex) when (PaymentProviderFailure.Is(ex, ct))
        {
            // Not called cancelled: Stripe could still take the money. The webhook or reconciliation settles it.
            PaymentProviderFailure.Log(logger, ex, "expiring the checkout", row.Id, ct);
            return await ProviderFailedAsync(row, PaymentProviderFailure.Classify(ex, ct), ct);
        }
    }

    [HttpGet("/rent/pay/test-gateway")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> TestGateway(Guid attempt, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null || row.Provider != PaymentProvider.TestGateway || selector.Mode != PaymentMode.TestGateway)
        {
            return NotFound();
        }

        if (row.Status != PaymentStatus.Open)
        {
            return RedirectToAction(nameof(Complete), new { attempt });
        }

        return View(new CheckPaymentViewModel { AttemptId = row.Id, Amount = row.Amount, TenancyReference = row.TenancyReference, Mode = selector.Mode });
    }

    /// <summary>The test gateway's buttons: the same posting path Stripe's confirmation takes.</summary>
    [HttpPost("/rent/pay/test-gateway")]
    [ActiveTenancyRequired]
    public async Task<IActionResult> TestGateway(Guid attempt, string outcome, CancellationToken ct)
    {
        var row = await payments.FindAsync(attempt, User.TenancyId(), ct);
        if (row is null || row.Provider != PaymentProvider.TestGateway || selector.Mode != PaymentMode.TestGateway)
        {
            return NotFound();
        }

        switch (outcome)
        {
            case "succeed":
                await poster.PostPaymentAsync(row.Id, TestPaymentGateway.PaymentIntentId(row.Id), Money.ToPence(row.Amount), "card", ct);
                break;
            case "fail":
                await poster.MarkAsync(row.Id, PaymentStatus.Failed, "The test card was declined", ct: ct);
                break;
            default:
                return RedirectToAction(nameof(Cancelled), new { attempt });
        }

        return RedirectToAction(nameof(Complete), new { attempt });
    }

    /// <summary>The provider did not answer, or refused the request. An attempt that never reached it is closed as
    /// failed (no checkout was ever shown, so no money can be taken); one with a checkout already open stays open and
    /// is settled by the webhook or reconciliation, and the tenant is told not to pay again.</summary>
    private async Task<IActionResult> ProviderFailedAsync(PaymentAttempt row, ProviderFailure failure, CancellationToken ct)
    {
        var refused = failure == ProviderFailure.Refused;
        Response.StatusCode = refused ? StatusCodes.Status502BadGateway : StatusCodes.Status503ServiceUnavailable;
        var reason = refused ? PaymentProviderFailure.Refused : PaymentProviderFailure.NotStarted;
        if (row.Status == PaymentStatus.Created && row.ProviderSessionId is null && await poster.MarkAsync(row.Id, PaymentStatus.Failed, reason, ct: ct))
        {
            row.Status = PaymentStatus.Failed;
            row.FailureReason = reason;
        }

        var model = await ResultAsync(row, cancelled: false, ct);
        model.ProviderUnavailable = !refused;
        model.ProviderRefused = refused;
        return View("Complete", model);
    }

    private async Task<PaymentResultViewModel> ResultAsync(PaymentAttempt attempt, bool cancelled, CancellationToken ct)
    {
        decimal? newBalance = null;
        MessageChannel? receipt = null;
        if (attempt.Status == PaymentStatus.Succeeded)
        {
            newBalance = (await queries.BalanceAsync(attempt.TenancyId, ct)).Balance;
            receipt = await notifier.ChannelForAsync(User.TenantId(), ct);
        }

        return new PaymentResultViewModel
        {
            AttemptId = attempt.Id,
            Amount = attempt.Amount,
            Status = attempt.Status,
            Reference = Money.PaymentReference(attempt.Id),
            TenancyReference = attempt.TenancyReference,
            PaidAtUk = attempt.CompletedAt is DateTime at ? UkTime.ToUk(at) : UkTime.ToUk(clock.GetUtcNow().UtcDateTime),
            FailureReason = attempt.FailureReason,
            NewBalance = newBalance,
            Cancelled = cancelled,
            Receipt = receipt,
        };
    }

    private (DateOnly? From, DateOnly? To) ReadRange(StatementFilter filter)
    {
        var from = ReadDate("From", "start", filter.FromDay, filter.FromMonth, filter.FromYear);
        var to = ReadDate("To", "end", filter.ToDay, filter.ToMonth, filter.ToYear);
        if (from is not null && to is not null && from > to)
        {
            ModelState.AddModelError("ToDay", "The end date must be the same as or after the start date");
        }

        var today = UkTime.Today(clock);
        if (from > today)
        {
            ModelState.AddModelError("FromDay", "The start date must be today or in the past");
        }

        return (from, to);
    }

    private DateOnly? ReadDate(string prefix, string name, string? day, string? month, string? year)
    {
        var read = DateInput.Read(day, month, year, $"The {name} date", "27 3 2025");
        if (read.Problem is not null)
        {
            ModelState.AddModelError(prefix + read.ErrorPart, read.Problem);
        }

        return read.Date;
    }

    private static string Number(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    /// <summary>CSV cell: quoted, and a leading formula character neutralised so a spreadsheet never runs it.</summary>
    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
