using System.Security.Cryptography;
using TenantPortal.Web.Features.Shared.Journeys;

namespace TenantPortal.Web.Features.Account;

/// <summary>Registration's answers so far: the tenant the visitor proved they are, and when.</summary>
public sealed class RegistrationState
{
    public int? TenantId { get; set; }
    public DateTime? MatchedAt { get; set; }
}

/// <summary>Registration as a journey (<see cref="JourneySteps{TState}"/>: prove who you are, then choose an email
/// address and password) with its state in the portal database (<see cref="JourneyStore"/>), so any instance serves
/// any step. The visitor is not signed in, so the journey is found by an opaque random id (256 bits) in an essential,
/// HttpOnly, Secure, SameSite=Strict cookie: the cookie holds nothing else, and the row is keyed to it. The proof lasts
/// <see cref="ProofLifetime"/> from the match; after that the visitor starts again.</summary>
public sealed class RegistrationJourney(JourneyStore store, TimeProvider clock)
{
    public const string Journey = "register";
    public const string Cookie = "__Host-TenantPortal.Register";
    public static readonly TimeSpan ProofLifetime = TimeSpan.FromMinutes(30);

    public static readonly JourneySteps<RegistrationState> Steps = new(
        new(nameof(RegisterController.Register), s => s.TenantId is not null),
        new(nameof(RegisterController.CreateAccount), _ => false));

    /// <summary>The visitor proved they are this tenant: a new journey id, a new row.</summary>
    public async Task MatchedAsync(HttpContext http, int tenantId, CancellationToken ct)
    {
        await EndAsync(http, ct);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await store.StartAsync(Key(id), new RegistrationState { TenantId = tenantId, MatchedAt = clock.GetUtcNow().UtcDateTime }, ct);
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = ProofLifetime,
            IsEssential = true,
        });
    }

    /// <summary>The journey's answers, or an empty state when there is none or its proof has expired.</summary>
    public async Task<RegistrationState> LoadAsync(HttpContext http, CancellationToken ct)
    {
        var state = Id(http) is { } id ? await store.LoadAsync<RegistrationState>(Key(id), ct) : null;
        return state is { MatchedAt: { } at } && clock.GetUtcNow().UtcDateTime - at <= ProofLifetime ? state : new RegistrationState();
    }

    /// <summary>Registration finished (or is refused): the row and the cookie go.</summary>
    public async Task EndAsync(HttpContext http, CancellationToken ct)
    {
        if (Id(http) is { } id)
        {
            await store.DiscardAsync(Key(id), ct);
        }

        http.Response.Cookies.Delete(Cookie, new CookieOptions { Secure = true, Path = "/" });
    }

    private static string? Id(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var value) && value is { Length: 64 } && value.All(char.IsAsciiHexDigitUpper) ? value : null;

    /// <summary>Anonymous journeys are owned by "visitor:{id}", a name no portal user id (a GUID) can have.</summary>
    private static JourneyKey Key(string id) => new(Journey, $"visitor:{id}", "");
}
