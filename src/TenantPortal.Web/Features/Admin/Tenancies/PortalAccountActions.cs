using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Features.Admin.Tenancies;

public enum AccountActionOutcome { Done, NoAccount, NothingToDo }

/// <summary>An officer's help with a tenant's portal account: unlock after too many wrong passwords, and send the
/// email confirmation link again. Both audited in the same save as the change.</summary>
public sealed class PortalAccountActions(UserManager<PortalUser> users, PortalDbContext portal, AuditTrail audit, EmailOutbox outbox)
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

    /// <summary>Queues a new confirmation link to /account/confirm-email?userId=...&amp;code=... (code: the Identity
    /// token, Base64Url-encoded UTF-8).</summary>
    public async Task<AccountActionOutcome> ResendConfirmationAsync(int tenantId, string baseUrl, ClaimsPrincipal officer, CancellationToken ct = default)
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
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"{baseUrl.TrimEnd('/')}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        outbox.Enqueue(portal, new EmailMessage(user.Email, "Confirm your email address",
            $"Dear {user.DisplayName},\n\nWe have sent you a new link to confirm your email address for your online account:\n\n{link}\n\nIf you did not ask for this, you can ignore this email.\n"));
        audit.Record(portal, officer, "portal-account.confirmation-resent", "PortalUser", user.Id, null, new { Sent = true });
        await portal.SaveChangesAsync(ct);
        return AccountActionOutcome.Done;
    }
}
