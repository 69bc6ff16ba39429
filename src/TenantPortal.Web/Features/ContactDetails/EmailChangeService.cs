using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.ContactDetails;

public enum EmailRequestOutcome { Sent, SameAsNow, Conflict, NotFound }

public enum EmailConfirmOutcome { Changed, AlreadyDone, InvalidLink, Rejected, Conflict }

public sealed record EmailConfirmResult(EmailConfirmOutcome Outcome, string? Error = null, PortalUser? User = null);

/// <summary>A new contact email takes effect only when the link sent to it is followed. Then the housing record's
/// email and the portal sign-in (email and user name) change together, in one transaction, with a history row.</summary>
public sealed class EmailChangeService(
    ContactDetailsService contacts,
    PortalDbContext portal,
    UserManager<PortalUser> users,
    EmailChangeTokens tokens,
    EmailOutbox outbox,
    PublicLinks links,
    TimeProvider clock)
{
    /// <summary>Emails a confirmation link to the new address and a notice to the old one. Nothing changes yet.</summary>
    public async Task<EmailRequestOutcome> RequestAsync(int tenantId, Guid expectedVersion, string newEmail, ChangeActor actor, CancellationToken ct = default)
    {
        var record = await contacts.FindAsync(tenantId, ct);
        if (record is null)
        {
            return EmailRequestOutcome.NotFound;
        }

        if (record.Version != expectedVersion)
        {
            return EmailRequestOutcome.Conflict;
        }

        if (string.Equals(record.Details.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return EmailRequestOutcome.SameAsNow;
        }

        var user = await portal.Users.Where(u => u.TenantId == tenantId).FirstOrDefaultAsync(ct);
        var identityToken = user is null ? null : await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var token = tokens.Create(new EmailChangeRequest(tenantId, newEmail, record.Details.Email, actor.Name, actor.Channel,
            clock.GetUtcNow().UtcDateTime.Add(EmailChangeTokens.Lifetime), user?.Id, identityToken, record.Version));

        outbox.Enqueue(portal, new EmailMessage(newEmail, "Confirm your new email address",
            $"Hello {record.FullName},\n\nWe have been asked to use this email address to contact you" +
            (user is null ? "" : " and for you to sign in to your online account") +
            $".\n\nTo confirm, open this link within 24 hours:\n{links.Absolute("/contact-details/email/confirm?token=" + Uri.EscapeDataString(token))}\n\nIf you did not ask for this, you can ignore this email. Nothing will change."));
        if (!string.IsNullOrEmpty(record.Details.Email))
        {
            outbox.Enqueue(portal, new EmailMessage(record.Details.Email, "Your email address is being changed",
                $"Hello {record.FullName},\n\nWe have been asked to change the email address we hold for you. " +
                "We have sent a link to the new address; nothing changes until it is followed.\n\n" +
                "If you did not ask for this, call us straight away."));
        }

        await portal.SaveChangesAsync(ct);
        return EmailRequestOutcome.Sent;
    }

    public EmailChangeRequest? Read(string? token) => tokens.Read(token);

    /// <summary>Applies the change a link stands for.</summary>
    public async Task<EmailConfirmResult> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var request = tokens.Read(token);
        if (request is null)
        {
            return new(EmailConfirmOutcome.InvalidLink);
        }

        var record = await contacts.FindAsync(request.TenantId, ct);
        if (record is null)
        {
            return new(EmailConfirmOutcome.InvalidLink);
        }

        if (string.Equals(record.Details.Email, request.NewEmail, StringComparison.Ordinal))
        {
            return new(EmailConfirmOutcome.AlreadyDone);
        }

        if (record.Version != request.RecordVersion)
        {
            // Used already, or the record changed since the link was sent: an old link must never switch it back.
            return new(EmailConfirmOutcome.InvalidLink);
        }

        PortalUser? user = null;
        if (request.PortalUserId is not null)
        {
            user = await users.FindByIdAsync(request.PortalUserId);
            if (user is null || user.TenantId != request.TenantId)
            {
                return new(EmailConfirmOutcome.InvalidLink);
            }
        }

        var result = await contacts.SaveAsync(request.TenantId, request.RecordVersion, s => s with { Email = request.NewEmail },
            new ChangeActor(request.RequestedBy, request.Channel),
            alongside: user is null ? null : async _ =>
            {
                // Both save the portal context inside the unit of work's transaction.
                var changed = await users.ChangeEmailAsync(user, request.NewEmail, request.IdentityToken!);
                if (!changed.Succeeded)
                {
                    throw new ContactChangeRejectedException(changed.Errors.Any(e => e.Code.Contains("Duplicate", StringComparison.Ordinal))
                        ? "This email address is already used by another account, so we cannot change yours to it. Call us if you need help."
                        : "This link has already been used or is no longer valid. Ask for a new one.");
                }

                var renamed = await users.SetUserNameAsync(user, request.NewEmail);
                if (!renamed.Succeeded)
                {
                    throw new ContactChangeRejectedException("This email address is already used by another account, so we cannot change yours to it. Call us if you need help.");
                }
            }, ct: ct);

        return result.Outcome switch
        {
            SaveOutcome.Saved => new(EmailConfirmOutcome.Changed, User: user),
            SaveOutcome.NoChange => new(EmailConfirmOutcome.AlreadyDone),
            SaveOutcome.Conflict => new(EmailConfirmOutcome.Conflict, "Your record was being changed at the same moment. Open the link again."),
            SaveOutcome.Invalid => new(EmailConfirmOutcome.Rejected, result.Error),
            _ => new(EmailConfirmOutcome.InvalidLink),
        };
    }
}
