using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>The account emails: short, plain, in the landlord's name. Links carry only the user id (a random GUID)
/// and a single-purpose token, never personal data.</summary>
public sealed class AccountEmails(EmailOutbox outbox, IOptions<LandlordOptions> landlord, PublicLinks links)
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void ConfirmEmail(PortalDbContext db, PortalUser user, string token) => outbox.Enqueue(db, new EmailMessage(user.Email!,
        "Confirm your email address",
        $"""
        To finish setting up your {landlord.Value.Name} account, confirm your email address by opening this link:

        {Link("/account/confirm-email", user.Id, token)}

        The link works for 24 hours. If you did not ask for an account, you can ignore this email.
        """));

    public void AlreadyHaveAccount(PortalDbContext db, string email) => outbox.Enqueue(db, new EmailMessage(email,
        "You already have an account",
        $"""
        Someone tried to create a {landlord.Value.Name} account with this email address, but you already have one.

        Sign in: {Absolute("/account/sign-in")}
        Forgotten your password? {Absolute("/account/forgotten-password")}

        If this was not you, you can ignore this email.
        """));

    public void ResetPassword(PortalDbContext db, PortalUser user, string token) => outbox.Enqueue(db, new EmailMessage(user.Email!,
        "Reset your password",
        $"""
        We received a request to reset the password for your {landlord.Value.Name} account. Open this link to choose a new password:

        {Link("/account/reset-password", user.Id, token)}

        The link works for 24 hours and only once. If you did not ask to reset your password, you can ignore this email: your password has not changed.
        """));

    public void PasswordChanged(PortalDbContext db, PortalUser user) => outbox.Enqueue(db, new EmailMessage(user.Email!,
        "Your password has been changed",
        $"""
        The password for your {landlord.Value.Name} account has just been changed, and you have been signed out everywhere else.

        If this was not you, reset your password now: {Absolute("/account/forgotten-password")}
        and call us.
        """));

    public void Invitation(PortalDbContext db, PortalUser user, string token) => outbox.Enqueue(db, new EmailMessage(user.Email!,
        $"You have been invited to the {landlord.Value.Name} tenant portal",
        $"""
        You have been given a staff account on the {landlord.Value.Name} tenant portal.

        Open this link to choose your password and set up an authenticator app for two-factor authentication:

        {Link("/account/invitation", user.Id, token)}

        The link works for 7 days.
        """));

    private string Link(string path, string userId, string token) =>
        Absolute($"{path}?userId={Uri.EscapeDataString(userId)}&code={EncodeToken(token)}");

    private string Absolute(string path) => links.Absolute(path);
}
