using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Account;

/// <summary>Authenticator-app codes (RFC 6238, 30-second steps, 6 digits) accepted for the current step and one either
/// side (clock drift), and each at most once: the last accepted step is remembered per user (ASVS 2.8.4), and a code
/// for that step or an older one is refused. Replaces Identity's provider, which accepts any code in ±2 steps
/// (about 150 seconds) as often as it is sent.</summary>
public sealed class SingleUseAuthenticatorTokenProvider(PortalDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string LoginProvider = "TenantPortal";
    public const string LastStepName = "LastAuthenticatorStep";
    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app, never from us.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var secret = Base32Decode(key);
        var now = Infrastructure.Clock.ClockSettings.ForAuthenticatorCodes(clock).GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                return await ClaimStepAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>Records <paramref name="step"/> as the last one used, unless it (or a later one) already is. One
    /// conditional UPDATE, so two sign-ins racing with the same code cannot both win.</summary>
    private async Task<bool> ClaimStepAsync(string userId, long step)
    {
        var value = step.ToString("D12", CultureInfo.InvariantCulture);
        var row = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepName);
        if (await row.Where(t => string.Compare(t.Value, value) < 0).ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, value)) == 1)
        {
            return true;
        }

        if (await row.AnyAsync())
        {
            return false;
        }

        var first = db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = LoginProvider, Name = LastStepName, Value = value });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another sign-in recorded its first code at the same moment.
            first.State = EntityState.Detached;
            return false;
        }
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(input.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
