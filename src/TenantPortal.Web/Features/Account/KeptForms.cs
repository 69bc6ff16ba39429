using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>What was typed into a form sent after the session had ended (30 minutes without activity, or the session
/// closed on the server), kept on the server so nothing is lost without JavaScript (site.js keeps text in the tab when
/// it runs). The fields are kept only when the expired sign-in cookie can still be read (its ticket says whose it was)
/// and the form came from the portal's own page (its antiforgery token, checked for that user); never passwords, the
/// token, files or fields marked <see cref="SensitiveFieldAttribute"/>. They live in the portal database (any instance
/// serves the next request), encrypted with Data Protection for that user alone, one per user and page, for
/// <see cref="Lifetime"/>; after signing in again the same page shows them once (<see cref="KeptFormFilter"/>), only
/// ever to the same user, and never sends them by itself.</summary>
public sealed class KeptForms(
    PortalDbContext db,
    PortalUnitOfWork unitOfWork,
    FormPages formPages,
    IDataProtectionProvider dataProtection,
    IAntiforgery antiforgery,
    TimeProvider clock,
    ILogger<KeptForms> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    public const int MaxPathLength = 400;
    public const int MaxFields = 60;

    /// <summary>Kept forms per user at once: a newer one pushes out the oldest.</summary>
    public const int MaxPerUser = 10;

    /// <summary>All the values together (the longest form, a complaint, takes a few thousand characters).</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>An essential cookie that only says "something was kept" (no text, no ids), so signed-in pages look in the
    /// database only while there is something to find.</summary>
    public const string Cookie = "__Host-TenantPortal.Kept";

    /// <summary>View data set on the page that shows kept fields: true when photos were chosen that could not be kept.</summary>
    public const string NoticeKey = "KeptFormNotice";

    /// <summary>The Data Protection purpose; each user's fields are protected with their user id as a further purpose.</summary>
    public const string ProtectionPurpose = "TenantPortal.KeptForms.v1";

    /// <summary>On the way to the sign-in page after the session ended: a POST is sent back to its form's page after
    /// signing in (<see cref="FormPages"/>: never to a POST-only address), and its fields are kept for the user the
    /// expired cookie belonged to. True when they were kept.</summary>
    public async Task<bool> KeepAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || formPages.PageFor(request.Path) is not { } page)
        {
            return false;
        }

        var samePage = string.Equals(page, request.Path.Value?.TrimEnd('/'), StringComparison.Ordinal);
        context.RedirectUri = WithReturnUrl(context.RedirectUri, context.Options.ReturnUrlParameter, samePage ? request.PathBase + request.Path + request.QueryString : request.PathBase + page);
        return await KeepAsync(http, context.Options, page);
    }

    private async Task<bool> KeepAsync(HttpContext http, CookieAuthenticationOptions options, string path)
    {
        var request = http.Request;
        if (!request.HasFormContentType || path.Length > MaxPathLength)
        {
            return false;
        }

        // The expiry is not checked here (that is why the user is signing in again), only that the portal wrote it.
        var cookie = options.CookieManager.GetRequestCookie(http, options.Cookie.Name!);
        var principal = string.IsNullOrEmpty(cookie) ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal is null || userId is null)
        {
            return false;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }

        if (!await SentFromOurPageAsync(http, principal))
        {
            return false;
        }

        var fields = SensitiveFields.Keepable(form, http.GetEndpoint());
        if (fields.Count == 0 || fields.Count > MaxFields || fields.All(f => f.Value.Length == 0) || fields.Sum(f => f.Key.Length + f.Value.Length) > MaxCharacters)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kept = new KeptForm
        {
            Id = Guid.NewGuid(),
            OwnerUserId = userId,
            Path = path,
            ProtectedFields = Protector(userId).Protect(JsonSerializer.Serialize(new KeptFields([.. fields.Select(f => new[] { f.Key, f.Value })], form.Files.Count > 0))),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                // One per user and page: the latest replaces an earlier one; and at most MaxPerUser in all.
                await db.KeptForms.Where(k => k.OwnerUserId == userId && k.Path == path).ExecuteDeleteAsync(ct);
                var oldest = await db.KeptForms.Where(k => k.OwnerUserId == userId)
                    .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Skip(MaxPerUser - 1)
                    .Select(k => k.Id).ToListAsync(ct);
                await db.KeptForms.Where(k => oldest.Contains(k.Id)).ExecuteDeleteAsync(ct);
                db.KeptForms.Add(kept);
                await db.SaveChangesAsync(ct);
                return UnitOfWork.Commit(true);
            }, http.RequestAborted);
        }
        catch (Exception e) when (DatabaseFailure.Is(e) || e is DbUpdateException)
        {
            // Nothing about the form or the user in the log: only that it could not be kept.
            logger.LogWarning(e, "A form sent after the session ended could not be kept");
            return false;
        }

        http.Response.Cookies.Append(Cookie, "1", CookieOptions());
        return true;
    }

    /// <summary>The fields kept for this user and page, once: they are deleted as they are read. Null when there are
    /// none (or they have expired, or another request took them first).</summary>
    public async Task<KeptFields?> TakeAsync(HttpContext http, string userId, string path)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await db.KeptForms.AsNoTracking()
            .Where(k => k.OwnerUserId == userId && k.ExpiresAt > now)
            .Select(k => new { k.Id, k.Path, k.ProtectedFields })
            .ToListAsync(http.RequestAborted);
        var here = mine.FirstOrDefault(k => string.Equals(k.Path, path, StringComparison.OrdinalIgnoreCase));
        if (mine.Count == (here is null ? 0 : 1))
        {
            // Nothing else is waiting for this user (or this is someone else on the same browser): stop looking.
            http.Response.Cookies.Delete(Cookie, CookieOptions());
        }

        if (here is null || await db.KeptForms.Where(k => k.Id == here.Id).ExecuteDeleteAsync(http.RequestAborted) == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<KeptFields>(Protector(userId).Unprotect(here.ProtectedFields));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Deletes the kept forms whose time is up (the journey clean-up job calls it). One statement: safe when
    /// several instances run it at once.</summary>
    public static Task<int> DeleteExpiredAsync(PortalDbContext db, DateTime now, CancellationToken ct) =>
        db.KeptForms.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct);

    /// <summary>The antiforgery token was issued to the same user, on one of the portal's pages.</summary>
    private async Task<bool> SentFromOurPageAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var anonymous = http.User;
        try
        {
            http.User = principal;
            return await antiforgery.IsRequestValidAsync(http);
        }
        finally
        {
            http.User = anonymous;
        }
    }

    private static string WithReturnUrl(string redirectUri, string parameter, string returnUrl)
    {
        var query = redirectUri.IndexOf('?', StringComparison.Ordinal);
        var values = query < 0 ? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase) : QueryHelpers.ParseQuery(redirectUri[query..]);
        values[parameter] = returnUrl;
        return QueryHelpers.AddQueryString(query < 0 ? redirectUri : redirectUri[..query], values);
    }

    private IDataProtector Protector(string userId) => dataProtection.CreateProtector(ProtectionPurpose, userId);

    private static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = Lifetime,
        IsEssential = true,
    };
}

/// <summary>The kept fields in the order they were sent (name, value), and whether photos were chosen (never kept).</summary>
public sealed record KeptFields(IReadOnlyList<string[]> Fields, bool HadFiles);
