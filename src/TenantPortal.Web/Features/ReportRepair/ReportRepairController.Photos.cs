using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>The photos step of report-a-repair: add (checked, cleaned and stored by <see cref="RepairPhotoStore"/>),
/// remove, and show the photos of the user's own unsent report.</summary>
public sealed partial class ReportRepairController
{
    [HttpGet("photos")]
    public async Task<IActionResult> Photos(bool change)
    {
        var (redirect, draft) = await GuardAsync(nameof(Photos));
        return redirect ?? PhotosView(draft, change);
    }

    [HttpPost("photos")]
    [RequestSizeLimit(45_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = 45_000_000)]
    public async Task<IActionResult> Photos(List<IFormFile>? upload, string? button, bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Photos));
        if (redirect is not null)
        {
            return redirect;
        }

        var errors = new List<string>();
        var files = (upload ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (draft.Photos.Count + files.Count > photos.MaxPhotos)
        {
            // Refuse the whole batch rather than keep some: the user chooses which photos to send.
            errors.Add($"You can add up to {photos.MaxPhotos} photos");
            files.Clear();
        }
        else if (await photos.QuotaErrorAsync(journey.TenancyId, files.Count, ct) is { } quota)
        {
            errors.Add(quota);
            files.Clear();
        }

        var owner = new PhotoOwner(journey.TenancyId, draft.Id, draft.CreatedAt + RepairDraftStore.MaxAge);
        foreach (var file in files)
        {
            var (photo, error) = await photos.SaveAsync(file, owner, ct);
            if (photo is not null)
            {
                draft.Photos.Add(photo);
            }
            else
            {
                errors.Add(error!);
            }
        }

        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        if (errors.Count > 0 || button != "continue")
        {
            foreach (var error in errors.Distinct())
            {
                ModelState.AddModelError("upload", error);
            }

            if (errors.Count == 0 && (upload is null || upload.Count == 0))
            {
                ModelState.AddModelError("upload", "Choose a photo to add, or select Continue");
            }

            return PhotosView(draft, change);
        }

        draft.PhotosDone = true;
        await drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Next(draft, nameof(Photos), change);
    }

    [HttpPost("photos/remove")]
    public async Task<IActionResult> RemovePhoto(string name, bool change, CancellationToken ct)
    {
        var (redirect, draft) = await GuardAsync(nameof(Photos));
        if (redirect is not null)
        {
            return redirect;
        }

        var photo = draft.Photos.FirstOrDefault(p => p.StoredFileName == name);
        if (photo is not null)
        {
            draft.Photos.Remove(photo);
            await drafts.SaveAsync(draft, ct);
            await photos.DeleteAsync(photo.StoredFileName, ct);
        }

        return GoTo(nameof(Photos), change);
    }

    /// <summary>A photo in the user's own draft, before the report is sent.</summary>
    [HttpGet("photos/{name}")]
    public Task<IActionResult> DraftPhoto(string name, CancellationToken ct) => DraftPhotoAsync(name, PhotoVariant.Full, ct);

    [HttpGet("photos/{name}/thumbnail")]
    public Task<IActionResult> DraftPhotoThumbnail(string name, CancellationToken ct) => DraftPhotoAsync(name, PhotoVariant.Thumbnail, ct);

    private async Task<IActionResult> DraftPhotoAsync(string name, PhotoVariant variant, CancellationToken ct)
    {
        var photo = (await LoadDraftAsync())?.Photos.FirstOrDefault(p => p.StoredFileName == name);
        return photo is null ? NotFound() : PhotoResults.Inline(this, await photos.ReadAsync(photo.StoredFileName, variant, ct), photo.ContentType, variant);
    }

    private ViewResult PhotosView(RepairDraft draft, bool change)
    {
        SetBackLink(nameof(Photos), change);
        return View("Photos", new PhotosPage { Photos = draft.Photos, MaxPhotos = photos.MaxPhotos, Change = change });
    }
}
