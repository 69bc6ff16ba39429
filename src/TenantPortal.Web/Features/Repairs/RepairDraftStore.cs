using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Keeps report drafts on the server, as small JSON files in <c>Repairs:DraftFolder</c> (not the database, so
/// the answers survive the database being down). The browser only holds the draft's random id, in a protected,
/// HttpOnly cookie; the draft also records its owner, checked on every load. Drafts older than a week are removed.</summary>
public sealed class RepairDraftStore
{
    public const string CookieName = "__Host-TenantPortal.RepairDraft";
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    private readonly string folder;
    private readonly IDataProtector protector;
    private readonly TimeProvider clock;

    public RepairDraftStore(IOptions<RepairsOptions> options, IWebHostEnvironment environment, IDataProtectionProvider protection, TimeProvider clock)
    {
        folder = Path.GetFullPath(options.Value.DraftFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        protector = protection.CreateProtector("TenantPortal.Repairs.Draft");
        this.clock = clock;
    }

    public RepairDraft? Load(HttpContext http, string ownerUserId)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        Guid id;
        try
        {
            id = Guid.Parse(protector.Unprotect(cookie));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }

        var path = PathFor(id);
        if (!File.Exists(path))
        {
            return null;
        }

        var draft = JsonSerializer.Deserialize<RepairDraft>(File.ReadAllText(path));
        if (draft is null || draft.OwnerUserId != ownerUserId || clock.GetUtcNow().UtcDateTime - draft.CreatedAt > MaxAge)
        {
            return null;
        }

        return draft;
    }

    public void Save(HttpContext http, RepairDraft draft)
    {
        var path = PathFor(draft.Id);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(draft));
        File.Move(temp, path, overwrite: true);
        http.Response.Cookies.Append(CookieName, protector.Protect(draft.Id.ToString("N")), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        });
    }

    public void Discard(HttpContext http, RepairDraft draft)
    {
        File.Delete(PathFor(draft.Id));
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/" });
        SweepOld();
    }

    private void SweepOld()
    {
        var cutOff = clock.GetUtcNow().UtcDateTime - MaxAge;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutOff)
            {
                File.Delete(file);
            }
        }
    }

    private string PathFor(Guid id) => Path.Combine(folder, id.ToString("N") + ".json");
}
