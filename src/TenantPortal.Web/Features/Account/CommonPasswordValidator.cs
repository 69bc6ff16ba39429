using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Account;

/// <summary>Rejects the most common passwords (the embedded list holds the top ~2,000 from the NCSC's published
/// "100k most used passwords", plus common long ones), compared without regard to case. No composition rules: length
/// and not-common is what NCSC and NIST recommend.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "CommonPassword";
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is too common and easy to guess. Choose a different one, for example three random words." })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("TenantPortal.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
