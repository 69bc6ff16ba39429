using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Infrastructure.Texts;

/// <summary>Development delivery: each text becomes a .txt file (first line "To: +447..."), like emails.</summary>
public sealed class FileTextSender(IOptions<TextOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<FileTextSender> logger) : ITextSender
{
    public string Directory => Path.Combine(environment.ContentRootPath, options.Value.Directory);

    public async Task<string?> SendAsync(TextMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.txt");
        // Written under another name and then renamed, so a reader of the folder never sees half a text.
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, $"To: {message.To}\n{message.Text}\n", ct);
        File.Move(partial, path);
        logger.LogInformation("Text written to {TextFolder}", Directory);
        return null;
    }
}
