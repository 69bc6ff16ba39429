using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Development delivery: each email becomes an .eml file, so every journey works offline.</summary>
public sealed class FileEmailSender(MimeMessageFactory factory, IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<FileEmailSender> logger) : IEmailSender
{
    public string Directory => Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        // Written under another name and then renamed, so whoever watches the folder (a pickup service, the tests)
        // never reads a half-written .eml.
        var partial = path + ".partial";
        await factory.Create(message).WriteToAsync(partial, ct);
        File.Move(partial, path);
        logger.LogInformation("Email written to {EmailFolder}", Directory);
    }
}
