using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The one seam where photo bytes live (<c>Repairs:PhotoStorage</c>): the portal database by default, or a
/// folder on shared storage. Keys are server-made (<see cref="PhotoKeys.IsKey"/>); every write and delete is idempotent, so two
/// instances doing the same work do no harm.</summary>
public interface IPhotoContentStore
{
    Task SaveAsync(string key, byte[] image, byte[] thumbnail, CancellationToken ct);

    Task<byte[]?> ReadAsync(string key, PhotoVariant variant, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

public static partial class PhotoKeys
{
    public static string New(string extension) => Guid.NewGuid().ToString("N") + extension;

    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png)$")]
    private static partial Regex KeyPattern();
}

/// <summary>Photos in the portal database (<c>PortalPhotoContents</c>), one row per variant.</summary>
public sealed class DatabasePhotoContentStore(PortalDbContext db) : IPhotoContentStore
{
    public async Task SaveAsync(string key, byte[] image, byte[] thumbnail, CancellationToken ct)
    {
        db.PhotoContents.Add(new StoredPhotoContent { Key = key, Variant = PhotoVariant.Full, Data = image });
        db.PhotoContents.Add(new StoredPhotoContent { Key = key, Variant = PhotoVariant.Thumbnail, Data = thumbnail });
        await db.SaveChangesAsync(ct);
    }

    public Task<byte[]?> ReadAsync(string key, PhotoVariant variant, CancellationToken ct) =>
        db.PhotoContents.AsNoTracking().Where(c => c.Key == key && c.Variant == variant).Select(c => c.Data).SingleOrDefaultAsync(ct);

    public Task DeleteAsync(string key, CancellationToken ct) =>
        db.PhotoContents.Where(c => c.Key == key).ExecuteDeleteAsync(ct);
}

/// <summary>Photos as files in <c>Repairs:PhotoFolder</c> (outside the web root; shared storage when there are
/// several instances): <c>{key}</c> and <c>{key}.thumb.jpg</c>, written to a temporary name and moved into place.</summary>
public sealed class FolderPhotoContentStore : IPhotoContentStore
{
    private readonly string folder;

    public FolderPhotoContentStore(IOptions<RepairsOptions> options, IWebHostEnvironment environment)
    {
        folder = Path.GetFullPath(options.Value.PhotoFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
    }

    public async Task SaveAsync(string key, byte[] image, byte[] thumbnail, CancellationToken ct)
    {
        await WriteAsync(PathOf(key, PhotoVariant.Thumbnail), thumbnail, ct);
        await WriteAsync(PathOf(key, PhotoVariant.Full), image, ct);
    }

    public async Task<byte[]?> ReadAsync(string key, PhotoVariant variant, CancellationToken ct)
    {
        var path = PathOf(key, variant);
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key, PhotoVariant.Full));
        File.Delete(PathOf(key, PhotoVariant.Thumbnail));
        return Task.CompletedTask;
    }

    private string PathOf(string key, PhotoVariant variant)
    {
        if (!PhotoKeys.IsKey(key))
        {
            throw new ArgumentException("Not a stored photo key.", nameof(key));
        }

        return Path.Combine(folder, variant == PhotoVariant.Thumbnail ? key + ".thumb.jpg" : key);
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
    }
}
