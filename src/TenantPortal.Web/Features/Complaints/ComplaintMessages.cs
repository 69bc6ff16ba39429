using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>The one place that tells a tenant about their complaint: the letter is kept with the complaint (the tenant's
/// timeline) and queued in the email outbox to the household's addresses, in the caller's transaction. A future channel
/// choice (text, letter) routes here.</summary>
public sealed class ComplaintMessages(EmailOutbox outbox, TimeProvider clock)
{
    public void Send(HousingDbContext housing, PortalDbContext portal, Complaint complaint, ComplaintLetterKind kind, string body, string sentBy, IEnumerable<string> emails)
    {
        housing.ComplaintLetters.Add(new ComplaintLetter
        {
            ComplaintId = complaint.Id,
            Stage = complaint.CurrentStage,
            Kind = kind,
            At = clock.GetUtcNow().UtcDateTime,
            Body = body,
            SentBy = sentBy,
        });
        foreach (var to in emails.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(portal, new EmailMessage(to, $"Complaint {complaint.Reference}: {ComplaintWording.Letter(kind).ToLowerInvariant()}", $"""
                {body}

                You can follow your complaint online under "Complaints".
                """));
        }
    }
}
