using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.ContactDetails;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>A tenant creates their account: first they prove who they are (tenancy reference, surname, date of
/// birth, matched against a tenant on that tenancy), then choose an email address and password, then confirm the
/// email address from the link we send. The steps and their state are a <see cref="RegistrationJourney"/> (portal
/// database, any instance).</summary>
[AllowAnonymous]
[Route("account/register")]
public sealed class RegisterController(
    HousingDbContext housing,
    PortalDbContext portal,
    UserManager<PortalUser> users,
    AccountEmails emails,
    RegistrationJourney journey,
    IOptions<LandlordOptions> landlord,
    TimeProvider clock) : AccountPageController
{
    [HttpGet("")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        var dateOfBirth = ValidateDateOfBirth(form);
        if (!ModelState.IsValid || dateOfBirth is null)
        {
            return View(form);
        }

        var tenantId = await MatchTenantAsync(form.Reference!, form.Surname!, dateOfBirth.Value, ct);
        if (tenantId is null)
        {
            // The same words whether the reference is unknown, or the surname or date of birth is wrong: the page
            // never tells anyone whether a tenancy reference exists.
            ModelState.AddModelError("", $"We could not match these details to a tenancy. Check them against your rent statement or tenancy agreement, or call us on {landlord.Value.PhoneNumber}.");
            return View(form);
        }

        // A tenant who already has an account is told so, with links to sign in or reset their password. This is
        // only said after ALL THREE details matched (reference, surname and date of birth), so a stranger guessing
        // references learns nothing: they only ever see the neutral "could not match" message above. Someone who
        // knows all three already knows the tenant well; telling them an account exists (without showing its email
        // address) reveals little, while a real tenant who forgot they registered is helped instead of stuck.
        // Attempts are rate limited per IP address.
        if (await portal.Users.AnyAsync(u => u.TenantId == tenantId, ct))
        {
            return View("AlreadyRegistered", new AlreadyRegisteredModel(landlord.Value.PhoneNumber));
        }

        await journey.MatchedAsync(HttpContext, tenantId.Value, ct);
        return RedirectToAction(nameof(CreateAccount));
    }

    [HttpGet("your-account")]
    public async Task<IActionResult> CreateAccount(CancellationToken ct) =>
        await MatchedTenantIdAsync(ct) is null ? RedirectToAction(nameof(Register)) : View(new CreateAccountForm());

    [HttpPost("your-account")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> CreateAccount(CreateAccountForm form, CancellationToken ct)
    {
        if (await MatchedTenantIdAsync(ct) is not int tenantId)
        {
            return RedirectToAction(nameof(Register));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var tenant = await housing.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new { t.FirstName, t.LastName }).SingleOrDefaultAsync(ct);
        if (tenant is null)
        {
            return RedirectToAction(nameof(Register));
        }

        // Stored as contact details store it (domain in lower case), so one address is one account whatever its case.
        var email = EmailAddresses.Normalise(form.Email!).Address!;
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = $"{tenant.FirstName} {tenant.LastName}",
            TenantId = tenantId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // Password problems first, so the answer never depends on whether the email address is already in use.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.Password!);
            passwordErrors.AddRange(result.Errors);
        }

        if (passwordErrors.Count > 0)
        {
            AddPasswordErrors(nameof(form.Password), passwordErrors);
            return View(form);
        }

        // The account's rows in one transaction, inside the execution strategy so a transient failure (a SQL Server
        // failover, a PostgreSQL deadlock victim) retries the whole registration instead of failing it.
        return await portal.Database.CreateExecutionStrategy().ExecuteAsync(async Task<IActionResult> () =>
        {
            await using var transaction = await portal.Database.BeginTransactionAsync(ct);
            if (await portal.Users.AnyAsync(u => u.TenantId == tenantId, ct))
            {
                await transaction.RollbackAsync(ct);
                await journey.EndAsync(HttpContext, ct);
                return View("AlreadyRegistered", new AlreadyRegisteredModel(landlord.Value.PhoneNumber));
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                // Someone else's (or their own older) account uses this address: tell the address's owner by email and
                // show the usual "check your email" page, so the form never reveals which addresses have accounts.
                emails.AlreadyHaveAccount(portal, email);
                await portal.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return await FinishedRegistrationAsync(ct);
            }

            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user, form.Password!);
            }
            catch (DbUpdateException)
            {
                // Two registrations for the same tenant at once: the unique index on TenantId keeps it to one account.
                return View("AlreadyRegistered", new AlreadyRegisteredModel(landlord.Value.PhoneNumber));
            }

            if (!created.Succeeded)
            {
                AddPasswordErrors(nameof(form.Password), created.Errors);
                return View(form);
            }

            emails.ConfirmEmail(portal, user, await users.GenerateEmailConfirmationTokenAsync(user));
            await portal.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return await FinishedRegistrationAsync(ct);
        });
    }

    [HttpGet("check-your-email")]
    public IActionResult CheckYourEmail() => View();

    private async Task<RedirectToActionResult> FinishedRegistrationAsync(CancellationToken ct)
    {
        await journey.EndAsync(HttpContext, ct);
        return RedirectToAction(nameof(CheckYourEmail));
    }

    /// <summary>The tenant proved on the first step, or null (then the steps' guard sends the visitor back to it).</summary>
    private async Task<int?> MatchedTenantIdAsync(CancellationToken ct)
    {
        var state = await journey.LoadAsync(HttpContext, ct);
        return RegistrationJourney.Steps.Redirect(nameof(CreateAccount), state) is null ? state.TenantId : null;
    }

    private async Task<int?> MatchTenantAsync(string reference, string surname, DateOnly dateOfBirth, CancellationToken ct)
    {
        var trimmed = reference.Trim();
        var upper = trimmed.ToUpperInvariant();
        var candidates = await housing.Tenants.AsNoTracking()
            .Where(t => (t.Tenancy.Reference == upper || t.Tenancy.Reference == trimmed)
                && t.DateOfBirth == dateOfBirth
                && t.Tenancy.Status != TenancyStatus.Ended)
            .Select(t => new { t.Id, t.LastName })
            .ToListAsync(ct);
        var wanted = NormaliseName(surname);
        return candidates.Where(t => string.Equals(NormaliseName(t.LastName), wanted, StringComparison.OrdinalIgnoreCase))
            .Select(t => (int?)t.Id).FirstOrDefault();
    }

    private static string NormaliseName(string name) =>
        string.Join(' ', name.Trim().Replace('\u2019', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>GOV.UK date input rules: say which part is missing or wrong; the error links to the day field.</summary>
    private DateOnly? ValidateDateOfBirth(RegisterForm form)
    {
        const string key = nameof(RegisterForm.DateOfBirthDay);
        var read = DateInput.Read(form.DateOfBirthDay, form.DateOfBirthMonth, form.DateOfBirthYear, "Date of birth", "27 3 1985");
        if (read.Date is not { } date)
        {
            ModelState.AddModelError(key, read.Problem ?? "Enter your date of birth");
            return null;
        }

        if (date >= UkTime.Today(clock))
        {
            ModelState.AddModelError(key, "Date of birth must be in the past");
            return null;
        }

        return date;
    }
}
