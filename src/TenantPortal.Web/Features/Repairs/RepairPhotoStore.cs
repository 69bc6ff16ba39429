using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Photo files, outside the web root (<c>Repairs:PhotoFolder</c>), under server-made names. Uploads are
/// checked and cleaned by <see cref="PhotoSanitiser"/> before anything is written.</summary>
public sealed partial class RepairPhotoStore
{
    private readonly string folder;
    private readonly RepairsOptions options;

    public RepairPhotoStore(IOptions<RepairsOptions> options, IWebHostEnvironment environment)
    {
        this.options = options.Value;
        folder = Path.GetFullPath(this.options.PhotoFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
    }

    public int MaxPhotos => options.MaxPhotos;

    /// <summary>Reads an upload (up to the size limit plus one byte, so a bigger file is refused without reading it all),
    /// checks and cleans it, and stores it. Returns the stored photo or the message to show.</summary>
    public async Task<(DraftPhoto? Photo, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > options.MaxPhotoBytes)
        {
            return (null, PhotoSanitiser.TooLargeMessage(options.MaxPhotoBytes));
        }

        await using var stream = file.OpenReadStream();
        var data = await ReadUpToAsync(stream, options.MaxPhotoBytes + 1, ct);
        return await SaveAsync(data, ct);
    }

    public async Task<(DraftPhoto? Photo, string? Error)> SaveAsync(byte[] data, CancellationToken ct)
    {
        var check = PhotoSanitiser.Check(data, options.MaxPhotoBytes);
        if (!check.IsValid)
        {
            return (null, check.Error);
        }

        var name = Guid.NewGuid().ToString("N") + check.Extension;
        await File.WriteAllBytesAsync(Path.Combine(folder, name), check.CleanBytes!, ct);
        return (new DraftPhoto(name, check.ContentType, check.CleanBytes!.LongLength), null);
    }

    /// <summary>The full path of a stored photo, or null for a name the server did not make.</summary>
    public string? PathOf(string storedFileName)
    {
        if (!StoredName().IsMatch(storedFileName))
        {
            return null;
        }

        var path = Path.Combine(folder, storedFileName);
        return File.Exists(path) ? path : null;
    }

    public void Delete(string storedFileName)
    {
        if (PathOf(storedFileName) is { } path)
        {
            File.Delete(path);
        }
    }

    private static async Task<byte[]> ReadUpToAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp|heic)$")]
    private static partial Regex StoredName();
}
