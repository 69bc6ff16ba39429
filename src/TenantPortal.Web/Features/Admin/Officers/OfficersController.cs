using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Officers;

/// <summary>Administrators manage staff accounts: invite by email, disable and enable, reset two-factor. Every
/// change is audited in the same transaction.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Administrator)]
[Route("admin/officers")]
public sealed class OfficersController(
    PortalDbContext portal,
    UserManager<PortalUser> users,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    AccountEmails emails,
    TimeProvider clock) : Controller
{
    private const string RecordType = "StaffAccount";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await (
                from user in portal.Users.AsNoTracking()
                join userRole in portal.UserRoles on user.Id equals userRole.UserId
                join role in portal.Roles on userRole.RoleId equals role.Id
                where role.Name == PortalRoles.Officer || role.Name == PortalRoles.Administrator
                orderby user.DisplayName
                select new { user.Id, user.DisplayName, user.Email, Role = role.Name, user.IsDisabled, user.TwoFactorEnabled, HasPassword = user.PasswordHash != null, user.LastSignInAt })
            .ToListAsync(ct);
        var officers = rows
            .GroupBy(r => r.Id)
            .Select(g =>
            {
                var r = g.First();
                var status = r.IsDisabled ? OfficerStatus.Disabled
                    : !r.HasPassword ? OfficerStatus.Invited
                    : !r.TwoFactorEnabled ? OfficerStatus.SettingUp
                    : OfficerStatus.Active;
                var role = g.Any(x => x.Role == PortalRoles.Administrator) ? PortalRoles.Administrator : PortalRoles.Officer;
                return new OfficerRow(r.Id, r.DisplayName, r.Email ?? "", role, status, r.LastSignInAt);
            })
            .ToList();
        return View(new OfficersPage(officers, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ""));
    }

    [HttpGet("invite")]
    public IActionResult Invite() => View(new InviteOfficerForm());

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteOfficerForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(form.Email!.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(form.Email), "There is already an account with this email address");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email!.Trim();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.Name!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await unitOfWork.ExecuteAsync(async c =>
        {
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, form.Role!));
            var token = await users.GenerateUserTokenAsync(user, AccountsFeature.InvitationTokenProvider, AccountsFeature.InvitationPurpose);
            emails.Invitation(portal, user, token);
            audit.Record(portal, User, "staff-account.invited", RecordType, user.Id, null, new { user.DisplayName, user.Email, Role = form.Role });
            await portal.SaveChangesAsync(c);
        }, ct);
        return RedirectToAction(nameof(InvitationSent));
    }

    [HttpGet("invite/sent")]
    public IActionResult InvitationSent() => View();

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken ct) => ChangeAsync(id, "staff-account.disabled", async user =>
    {
        user.IsDisabled = true;
        // A new security stamp ends the account's sessions at their next check (within a minute).
        await users.UpdateSecurityStampAsync(user);
    }, ct);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken ct) => ChangeAsync(id, "staff-account.enabled", async user =>
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
    }, ct);

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct) => ChangeAsync(id, "staff-account.two-factor-reset", async user =>
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        // A new key (and security stamp): they set up their app again at the next sign-in.
        await users.ResetAuthenticatorKeyAsync(user);
    }, ct);

    private async Task<IActionResult> ChangeAsync(string id, string action, Func<PortalUser, Task> change, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !(await users.IsInRoleAsync(user, PortalRoles.Officer) || await users.IsInRoleAsync(user, PortalRoles.Administrator)))
        {
            return NotFound();
        }

        if (user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            // An administrator cannot lock themselves out; another administrator has to do it.
            return RedirectToAction(nameof(Index));
        }

        var before = new { user.IsDisabled, user.TwoFactorEnabled };
        await unitOfWork.ExecuteAsync(async c =>
        {
            await change(user);
            audit.Record(portal, User, action, RecordType, user.Id, before, new { user.IsDisabled, user.TwoFactorEnabled });
            await portal.SaveChangesAsync(c);
        }, ct);
        return RedirectToAction(nameof(Index));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the staff account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
