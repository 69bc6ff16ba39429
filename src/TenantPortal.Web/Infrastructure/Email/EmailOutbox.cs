using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Queues an email in the portal database. The caller's SaveChanges commits it with the change it
/// reports; <see cref="EmailOutboxWorker"/> then sends it, retrying on failure.</summary>
public sealed class EmailOutbox(TimeProvider clock, EmailOutboxSignal signal)
{
    public void Enqueue(PortalDbContext db, EmailMessage message) => Enqueue(db, new OutboxMessage
    {
        To = message.To,
        Subject = message.Subject,
        Body = message.Body,
    });

    /// <summary>Queues an email, text or letter (the notifications module decides which).</summary>
    public void Enqueue(PortalDbContext db, OutboxMessage message)
    {
        message.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.EmailOutbox.Add(message);
        db.SavedChanges += OnSaved;

        void OnSaved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            signal.Wake();
        }
    }
}
