using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>The one place that tells a tenant about their complaint: the letter is kept with the complaint (the tenant's
/// timeline) and the message goes through the notifications module (<see cref="TenantNotifier"/>) by each tenant's
/// channel (email, text, or a queued letter), in the caller's transaction: to the tenant who made it, or, when an
/// officer logged it for the household without naming one, to every tenant on the tenancy.</summary>
public sealed class ComplaintMessages(TenantNotifier notifier, TenantMessages messages, TimeProvider clock)
{
    public async Task<IReadOnlyList<MessageChannel>> SendAsync(HousingDbContext housing, PortalDbContext portal, Complaint complaint, ComplaintLetterKind kind, string body, string sentBy, CancellationToken ct)
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
        var message = messages.Complaint(complaint.Reference, ComplaintWording.Letter(kind).ToLowerInvariant(), body, TextSentence(complaint, kind));
        if (complaint.MadeByTenantId is int tenantId)
        {
            return await notifier.TellAsync(portal, tenantId, message, ct) is { } channel ? [channel] : [];
        }

        return await notifier.TellTenancyAsync(portal, complaint.TenancyId, message, ct);
    }

    /// <summary>What a text says of each stage (the whole letter is on the complaint page it links to).</summary>
    public static string TextSentence(Complaint complaint, ComplaintLetterKind kind)
    {
        var stage = complaint.Stages.Single(s => s.Stage == complaint.CurrentStage);
        var replyBy = stage.RespondBy is { } r ? ComplaintWording.Date(r) : null;
        return kind switch
        {
            ComplaintLetterKind.Received => $"we have your complaint. We will acknowledge it by {ComplaintWording.Date(stage.AcknowledgeBy)}.",
            ComplaintLetterKind.Acknowledgement => $"we have acknowledged it (stage {stage.Stage}). Our full reply by {replyBy}.",
            ComplaintLetterKind.Extension => $"we need more time. Our full reply by {replyBy}. Read why:",
            ComplaintLetterKind.Response when stage.Stage == 1 => "our stage 1 reply is ready. Read it, or ask us to look again:",
            ComplaintLetterKind.Response => "our final (stage 2) reply is ready. Read it:",
            _ => $"you asked us to look again (stage 2). We will acknowledge it by {ComplaintWording.Date(stage.AcknowledgeBy)}.",
        };
    }
}
