using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>A mail server on a loopback port for MailKit to talk to: one session at a time, every command recorded.</summary>
public abstract class FakeMailServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private Task serving = Task.CompletedTask;

    protected FakeMailServer(string userName, string password)
    {
        UserName = userName;
        Password = password;
        listener.Start();
    }

    public string UserName { get; }
    public string Password { get; }
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public ConcurrentQueue<string> Commands { get; } = new();
    public int Connections { get; private set; }

    /// <summary>Called at the end of the derived constructor.</summary>
    protected void Start() => serving = Task.Run(ServeAsync);

    protected abstract Task SessionAsync(NetworkStream stream);

    protected static async Task WriteAsync(NetworkStream stream, string response)
    {
        var bytes = Encoding.UTF8.GetBytes(response + "\r\n");
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Connections++;
            using (client)
            {
                try
                {
                    await SessionAsync(client.GetStream());
                }
                catch (IOException)
                {
                    // The client went away; an unfinished session changes nothing.
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
