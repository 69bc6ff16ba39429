using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Account;

/// <summary>The server's list of open sessions (ASVS 3.3.1): a sign-in cookie is only honoured while its session id
/// (the tp:sid claim) is listed for its user, so signing out ends the session even for a copy of the cookie. Rows live
/// in Identity's per-user token table (AspNetUserTokens, login provider "TenantPortal.Session", name = session id,
/// value = sign-in time), so no new table is needed and its primary key answers the per-request check.</summary>
public sealed class ServerSessions(PortalDbContext db, TimeProvider clock)
{
    public const string LoginProvider = "TenantPortal.Session";

    /// <summary>Lists a new session; drops the one it replaces (same browser) and the user's sessions past the
    /// 12-hour limit.</summary>
    public async Task StartAsync(string userId, string sessionId, string? replacedSessionId)
    {
        var now = clock.GetUtcNow();
        var cutoff = Stamp(now - SessionClaims.AbsoluteLifetime);
        await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && (t.Name == replacedSessionId || string.Compare(t.Value, cutoff) < 0))
            .ExecuteDeleteAsync();
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = LoginProvider, Name = sessionId, Value = Stamp(now) });
        await db.SaveChangesAsync();
    }

    /// <summary>Asked on every signed-in request: compiled once, so no LINQ tree is built and hashed per request.</summary>
    public Task<bool> IsOpenAsync(string userId, string sessionId, CancellationToken ct = default) => IsOpen.For(db)(db, userId, sessionId, ct);

    private static readonly CompiledQuery<Func<PortalDbContext, string, string, CancellationToken, Task<bool>>> IsOpen = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string userId, string sessionId, CancellationToken ct) =>
            db.UserTokens.Any(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == sessionId)));

    public Task EndAsync(string userId, string sessionId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == sessionId).ExecuteDeleteAsync();

    /// <summary>Fixed-width seconds, so the text column sorts as time.</summary>
    private static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString("D12", CultureInfo.InvariantCulture);
}
