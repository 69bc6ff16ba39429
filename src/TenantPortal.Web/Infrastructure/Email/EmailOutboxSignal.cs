namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Wakes the outbox worker as soon as something is queued, instead of waiting for its next poll.</summary>
public sealed class EmailOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0);

    public void Wake()
    {
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);

    public void Dispose() => semaphore.Dispose();
}
