using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Whose a new photo is: the tenancy (for the daily quota and retention), the draft it is added to (null when
/// added to an existing repair) and when it goes if it is never attached to a repair.</summary>
public sealed record PhotoOwner(int TenancyId, Guid? DraftId, DateTime ExpiresAt);

/// <summary>Repair photos: rebuilt by <see cref="PhotoProcessor"/>, recorded in <c>PortalPhotos</c> (owner, draft or
/// repair, expiry) and their bytes kept by the <see cref="IPhotoContentStore"/>. A draft refers to its photos by key
/// (<see cref="DraftPhoto.StoredFileName"/>), a repair through the housing <c>RepairPhotos.StoredFileName</c>.
/// Enforces the caps: <see cref="MaxPhotos"/> per report or request, <see cref="MaxPhotosPerRepair"/> per repair and
/// <see cref="MaxPhotosPerTenancyPerDay"/> per tenancy over a rolling 24 hours.</summary>
public sealed class RepairPhotoStore(PortalDbContext db, IPhotoContentStore content, IOptions<RepairsOptions> options, TimeProvider clock)
{
    private readonly RepairsOptions settings = options.Value;

    public int MaxPhotos => settings.MaxPhotos;

    public int MaxPhotosPerRepair => settings.MaxPhotosPerRepair;

    public int MaxPhotosPerTenancyPerDay => settings.MaxPhotosPerTenancyPerDay;

    public string TooManyPerRepairMessage(int alreadyAttached) => alreadyAttached >= MaxPhotosPerRepair
        ? $"This repair already has {MaxPhotosPerRepair} photos, the most it can have"
        : $"A repair can have up to {MaxPhotosPerRepair} photos: you can add {MaxPhotosPerRepair - alreadyAttached} more";

    /// <summary>The message when adding <paramref name="adding"/> photos would take the tenancy over its rolling daily
    /// quota (photos added and later removed count too), or null.</summary>
    public async Task<string?> QuotaErrorAsync(int tenancyId, int adding, CancellationToken ct)
    {
        if (adding == 0)
        {
            return null;
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var recent = await db.Photos.CountAsync(p => p.TenancyId == tenancyId && p.UploadedAt > since, ct);
        return recent + adding > MaxPhotosPerTenancyPerDay
            ? $"You can add up to {MaxPhotosPerTenancyPerDay} photos in 24 hours. Try again tomorrow, or describe the problem in words"
            : null;
    }

    /// <summary>Reads an upload (up to the size limit plus one byte, so a bigger file is refused without reading it all),
    /// rebuilds it and stores it. Returns the stored photo or the message to show.</summary>
    public async Task<(DraftPhoto? Photo, string? Error)> SaveAsync(IFormFile file, PhotoOwner owner, CancellationToken ct)
    {
        if (file.Length > settings.MaxPhotoBytes)
        {
            return (null, PhotoProcessor.TooLargeMessage(settings.MaxPhotoBytes));
        }

        await using var stream = file.OpenReadStream();
        var data = await ReadUpToAsync(stream, settings.MaxPhotoBytes + 1, ct);
        return await SaveAsync(data, owner, ct);
    }

    public async Task<(DraftPhoto? Photo, string? Error)> SaveAsync(byte[] data, PhotoOwner owner, CancellationToken ct)
    {
        var check = await PhotoProcessor.ProcessAsync(data, settings.MaxPhotoBytes, ct: ct);
        if (check.Photo is not { } photo)
        {
            return (null, check.Error);
        }

        // The row first, so bytes are never stored without a row that retention can find.
        var key = PhotoKeys.New(photo.Extension);
        db.Photos.Add(new StoredPhoto
        {
            Key = key,
            TenancyId = owner.TenancyId,
            DraftId = owner.DraftId,
            ContentType = photo.ContentType,
            Width = photo.Width,
            Height = photo.Height,
            SizeBytes = photo.Image.LongLength,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = owner.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
        await content.SaveAsync(key, photo.Image, photo.Thumbnail, ct);
        return (new DraftPhoto(key, photo.ContentType, photo.Image.LongLength), null);
    }

    /// <summary>The bytes of a photo or its thumbnail, or null for a key the server did not make or a deleted photo.</summary>
    public async Task<byte[]?> ReadAsync(string key, PhotoVariant variant, CancellationToken ct) =>
        PhotoKeys.IsKey(key) ? await content.ReadAsync(key, variant, ct) : null;

    /// <summary>Which of these photos still have their bytes (retention may have removed some).</summary>
    public async Task<HashSet<string>> AvailableAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var live = await db.Photos.AsNoTracking().Where(p => keys.Contains(p.Key) && p.DeletedAt == null).Select(p => p.Key).ToListAsync(ct);
        return [.. live];
    }

    /// <summary>Marks photos as belonging to a repair (inside the use case's transaction), so they are kept until the
    /// repair has been closed for the retention period.</summary>
    public Task AttachAsync(IReadOnlyCollection<string> keys, int repairId, CancellationToken ct) => keys.Count == 0
        ? Task.CompletedTask
        : db.Photos.Where(p => keys.Contains(p.Key) && p.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RepairId, repairId).SetProperty(p => p.ExpiresAt, (DateTime?)null), ct);

    /// <summary>Deletes a photo's bytes and marks its row (kept a day for the quota). Safe to repeat.</summary>
    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        if (!PhotoKeys.IsKey(key))
        {
            return;
        }

        await content.DeleteAsync(key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Photos.Where(p => p.Key == key && p.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, now).SetProperty(p => p.LeaseUntil, (DateTime?)null), ct);
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
}
