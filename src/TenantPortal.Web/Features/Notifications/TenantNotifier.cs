using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>A message about the home, in every form it can take: an email (subject and body), a letter (the same
/// subject as its heading, the same body) and a text (at most two SMS fragments). Each names the landlord, the repair
/// or payment in plain words, and links to the exact page.</summary>
public sealed record TenantMessage(string Subject, string Body, string Text);

/// <summary>One tenant as a recipient: how to reach them and the address block for a letter.</summary>
public sealed record TenantRecipient(int TenantId, string FirstName, ContactPreferences Contact, string AddressBlock);

/// <summary>"Tell this tenant this": the one way features send messages about the home (repairs, appointments,
/// payments). It reads the tenant's contact record, chooses the channel (<see cref="ChannelChoice"/>) and queues the
/// message in the outbox inside the caller's transaction; the caller saves. Emails go to the contact record's
/// address (the one the tenant keeps on "Your contact details", which the sign-in follows when changed there); texts
/// to the mobile number; letters to the home. It returns how the tenant will hear, so pages can say so.
/// Account and security messages (confirm your email, reset your password, sign-in changes) are not sent here:
/// <c>AccountEmails</c> always emails the sign-in address.</summary>
public sealed class TenantNotifier(HousingDbContext housing, EmailOutbox outbox)
{
    public async Task<MessageChannel?> TellAsync(PortalDbContext portal, int tenantId, TenantMessage message, CancellationToken ct)
    {
        var recipient = (await RecipientsAsync(t => t.Id == tenantId, ct)).SingleOrDefault();
        return recipient is null ? null : Queue(portal, recipient, ChannelChoice.Choose(recipient.Contact), message, onceKey: null);
    }

    /// <summary>How a message to this tenant goes, for a page to say so.</summary>
    public async Task<MessageChannel?> ChannelForAsync(int tenantId, CancellationToken ct) =>
        (await RecipientsAsync(t => t.Id == tenantId, ct)).Select(r => (MessageChannel?)ChannelChoice.Choose(r.Contact)).SingleOrDefault();

    /// <summary>Tells every tenant named on the tenancy (joint tenants each hear in their own way).</summary>
    public async Task<IReadOnlyList<MessageChannel>> TellTenancyAsync(PortalDbContext portal, int tenancyId, TenantMessage message, CancellationToken ct)
    {
        var recipients = await RecipientsAsync(t => t.TenancyId == tenancyId, ct);
        return recipients.Select(r => Queue(portal, r, ChannelChoice.Choose(r.Contact), message, onceKey: null)).ToList();
    }

    /// <summary>The appointment reminder: by text when they agreed to texts (else email), never a letter; queued once
    /// per key however many instances try (a unique index on the key: the loser's save fails).</summary>
    public async Task<int> RemindTenancyAsync(PortalDbContext portal, int tenancyId, TenantMessage message, string onceKey, CancellationToken ct)
    {
        var queued = 0;
        foreach (var r in await RecipientsAsync(t => t.TenancyId == tenancyId, ct))
        {
            if (ChannelChoice.ChooseForReminder(r.Contact) is { } channel)
            {
                Queue(portal, r, channel, message, $"{onceKey}:{r.TenantId}");
                queued++;
            }
        }

        return queued;
    }

    public async Task<IReadOnlyList<TenantRecipient>> RecipientsAsync(System.Linq.Expressions.Expression<Func<Tenant, bool>> which, CancellationToken ct)
    {
        var rows = await housing.Tenants.AsNoTracking().Where(which)
            .OrderBy(t => t.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.FirstName,
                t.LastName,
                t.PreferredContactMethod,
                t.AgreesToEmails,
                t.AgreesToTexts,
                t.Email,
                t.MobilePhone,
                t.Tenancy.Property.AddressLine1,
                t.Tenancy.Property.AddressLine2,
                t.Tenancy.Property.Town,
                t.Tenancy.Property.Postcode,
            })
            .ToListAsync(ct);
        return rows.Select(t => new TenantRecipient(
                t.Id,
                t.FirstName,
                new ContactPreferences(t.PreferredContactMethod, t.AgreesToEmails, t.AgreesToTexts, t.Email, t.MobilePhone),
                string.Join('\n', new[] { string.Join(' ', new[] { t.Title, t.FirstName, t.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), t.AddressLine1, t.AddressLine2, t.Town, t.Postcode }
                    .Where(l => !string.IsNullOrWhiteSpace(l)))))
            .ToList();
    }

    private MessageChannel Queue(PortalDbContext portal, TenantRecipient r, MessageChannel channel, TenantMessage message, string? onceKey)
    {
        var letterOrEmail = $"Dear {r.FirstName},\n\n{message.Body}";
        outbox.Enqueue(portal, new OutboxMessage
        {
            Channel = channel,
            To = channel switch
            {
                MessageChannel.Email => r.Contact.Email!,
                MessageChannel.Text => r.Contact.MobilePhone!,
                _ => r.AddressBlock,
            },
            Subject = message.Subject,
            Body = channel == MessageChannel.Text ? message.Text : letterOrEmail,
            TenantId = r.TenantId,
            OnceKey = onceKey,
        });
        return channel;
    }
}
