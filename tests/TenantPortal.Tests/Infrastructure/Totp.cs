using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TenantPortal.Web.Features.Account;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>RFC 6238 codes, as an authenticator app makes them, for the demo officers' fixed keys.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32Decode(base32Key);
        // An authenticator app reads the real time, and Identity checks codes against the real time (not the app's
        // business clock), so the code is made from the system clock unless the test gives an instant.
        var counter = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, bytes);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The portal accepts each code once (the last accepted 30-second step is kept per user). Tests that
    /// sign the same officer in many times within 30 seconds forget those steps first, as if time had passed.</summary>
    public static void ForgetUsedCodes(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM AspNetUserTokens WHERE LoginProvider = $provider AND Name = $name";
        command.Parameters.AddWithValue("$provider", SingleUseAuthenticatorTokenProvider.LoginProvider);
        command.Parameters.AddWithValue("$name", SingleUseAuthenticatorTokenProvider.LastStepName);
        command.ExecuteNonQuery();
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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
