using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Infrastructure.Audit;

namespace TenantPortal.Web.Features.Admin.Tenancies;

public enum AccountActionOutcome { Done, NoAccount, NothingToDo }

/// <summary>An officer's help with a tenant's portal account: unlock after too many wrong passwords, and send the
/// email confirmation link again. Both audited in the same save as the change.</summary>
public sealed class PortalAccountActions(UserManager<PortalUser> users, PortalDbContext portal, AuditTrail audit, AccountEmails emails)
{
    public async Task<AccountActionOutcome> UnlockAsync(int tenantId, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var user = await portal.Users.SingleOrDefaultAsync(u => u.TenantId == tenantId, ct);
        if (user is null)
        {
            return AccountActionOutcome.NoAccount;
        }

        var before = new { user.LockoutEnd, user.AccessFailedCount };
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Record(portal, officer, "portal-account.unlocked", "PortalUser", user.Id, before, new { user.LockoutEnd, user.AccessFailedCount });
        // UpdateAsync saves the user and the audit entry together (one SaveChanges on the shared portal context).
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? AccountActionOutcome.Done : throw new InvalidOperationException("Could not unlock the account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    /// <summary>Queues a new confirmation link (/account/confirm-email?userId=...&amp;code=...) with the accounts
    /// feature's own email.</summary>
    public async Task<AccountActionOutcome> ResendConfirmationAsync(int tenantId, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var user = await portal.Users.SingleOrDefaultAsync(u => u.TenantId == tenantId, ct);
        if (user is null || string.IsNullOrEmpty(user.Email))
        {
            return AccountActionOutcome.NoAccount;
        }

        if (user.EmailConfirmed)
        {
            return AccountActionOutcome.NothingToDo;
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        emails.ConfirmEmail(portal, user, token);
        audit.Record(portal, officer, "portal-account.confirmation-resent", "PortalUser", user.Id, null, new { Sent = true });
        await portal.SaveChangesAsync(ct);
        return AccountActionOutcome.Done;
    }
}
