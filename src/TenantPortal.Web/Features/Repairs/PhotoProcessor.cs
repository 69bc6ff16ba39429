using System.Diagnostics;
using ImageMagick;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>A photo rebuilt from its pixels: the image to keep (JPEG, or PNG for screenshots) and a square JPEG
/// thumbnail of <see cref="PhotoProcessor.ThumbnailSize"/> pixels.</summary>
public sealed record ProcessedPhoto(byte[] Image, string ContentType, string Extension, int Width, int Height, byte[] Thumbnail);

/// <summary>The outcome of <see cref="PhotoProcessor.ProcessAsync"/>: a photo, or the message to show next to the field.</summary>
public sealed record PhotoCheck(ProcessedPhoto? Photo, string? Error)
{
    public bool IsValid => Photo is not null;
}

/// <summary>Decodes an upload with ImageMagick (Magick.NET; HEIC through libheif) and builds a new image from its
/// pixels only, so no metadata (Exif, GPS, XMP, comments, ICC), trailing data or polyglot survives: the type comes from
/// the content's signature (not the name or declared type), the declared size is read from the header (ping) and
/// anything over <see cref="MaxMegapixels"/> is refused before decoding, animations are refused, orientation is applied,
/// the longest side is at most <see cref="MaxSide"/>. Decoding runs under ImageMagick's memory limits, a time limit
/// and at most two at a time (<see cref="ProcessAsync"/>).</summary>
public static class PhotoProcessor
{
    public const int MaxSide = 2048;
    public const int ThumbnailSize = 160;
    public const long MaxMegapixels = 50;
    public const string WrongTypeMessage = "The file must be a photo, like one taken on your phone";
    public const string DamagedMessage = "The photo could not be read. It may be damaged: try taking it again";
    public const string TooManyPixelsMessage = "The photo is too big (more than 50 megapixels). Take it again at a lower resolution";
    public const string AnimatedMessage = "The photo must be a still picture, not an animation";

    public const string TooSlowMessage = "The photo took too long to read. Try again with a smaller photo";
    public const string BusyMessage = "We could not read the photo just now. Try again in a minute";
    private static readonly TimeSpan DecodeTimeLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan QueueTimeLimit = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim Decoders = new(2, 2);

    static PhotoProcessor()
    {
        // Process-wide ImageMagick limits: pixel cache in memory, no spill to disk, few frames, bounded profiles. Width
        // and height stay at the formats' own maximum so a bomb's header can be pinged and refused with its own message.
        // (ResourceLimits.Time is not used: ImageMagick counts it from process start, not per image.)
        ResourceLimits.Memory = 512UL * 1024 * 1024;
        ResourceLimits.Area = 128UL * 1024 * 1024;
        ResourceLimits.Disk = 0;
        ResourceLimits.Width = 65_535;
        ResourceLimits.Height = 65_535;
        ResourceLimits.ListLength = 16;
        ResourceLimits.MaxMemoryRequest = 512UL * 1024 * 1024;
        ResourceLimits.MaxProfileSize = 4UL * 1024 * 1024;
    }

    public static string TooLargeMessage(long maxBytes) => $"The photo must be smaller than {maxBytes / (1024 * 1024)} MB";

    /// <summary>The format from the first bytes, or null for anything but JPEG, PNG, WebP and HEIC/HEIF.</summary>
    public static MagickFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return MagickFormat.Jpeg;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MagickFormat.Png;
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return MagickFormat.WebP;
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = data[8..12];
            foreach (var heif in (ReadOnlySpan<string>)["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"])
            {
                if (brand.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(heif)))
                {
                    return MagickFormat.Heic;
                }
            }
        }

        return null;
    }

    /// <summary>Checks and rebuilds an upload. At most two decode at once (others wait up to 30 seconds, then are told
    /// to try again); a decode that takes longer than <paramref name="timeLimit"/> (default 15 seconds) is answered with
    /// <see cref="TooSlowMessage"/> while it finishes in the background under the memory limits, still holding its slot
    /// (and its remaining steps are cancelled through ImageMagick's progress callback).</summary>
    public static async Task<PhotoCheck> ProcessAsync(byte[] data, long maxBytes, TimeSpan? timeLimit = null, CancellationToken ct = default)
    {
        if (data.LongLength > maxBytes)
        {
            return new PhotoCheck(null, TooLargeMessage(maxBytes));
        }

        if (Detect(data) is not { } format)
        {
            return new PhotoCheck(null, WrongTypeMessage);
        }

        if (!await Decoders.WaitAsync(QueueTimeLimit, ct))
        {
            return new PhotoCheck(null, BusyMessage);
        }

        var deadline = Stopwatch.StartNew();
        var limit = timeLimit ?? DecodeTimeLimit;
        var work = Task.Run(() =>
        {
            try
            {
                return Rebuild(data, format, () => deadline.Elapsed > limit);
            }
            catch (Exception) when (deadline.Elapsed > limit)
            {
                // Cancelled through the progress callback: ImageMagick stops mid-step and may leave the image disposed,
                // so whatever it throws then is the time limit, not a damaged photo (and never a 500).
                return new PhotoCheck(null, TooSlowMessage);
            }
            catch (Exception ex) when (ex is MagickException or ArgumentException or OverflowException)
            {
                return new PhotoCheck(null, DamagedMessage);
            }
            finally
            {
                Decoders.Release();
            }
        }, CancellationToken.None);
        try
        {
            return await work.WaitAsync(limit, ct);
        }
        catch (TimeoutException)
        {
            return new PhotoCheck(null, TooSlowMessage);
        }
    }

    private static PhotoCheck Rebuild(byte[] data, MagickFormat format, Func<bool> overTime)
    {
        var settings = new MagickReadSettings { Format = format };
        uint width, height;
        using (var frames = new MagickImageCollection())
        {
            frames.Ping(data, settings);
            if (frames.Count == 0)
            {
                return new PhotoCheck(null, DamagedMessage);
            }

            if (frames.Count > 1)
            {
                return new PhotoCheck(null, AnimatedMessage);
            }

            (width, height) = (frames[0].Width, frames[0].Height);
            if ((long)width * height > MaxMegapixels * 1_000_000)
            {
                return new PhotoCheck(null, TooManyPixelsMessage);
            }
        }

        if (format == MagickFormat.Jpeg && Math.Max(width, height) >= 2 * MaxSide)
        {
            // Let libjpeg scale down while decoding (1/2, 1/4, 1/8) when the photo is much bigger than we keep.
            settings.SetDefine(MagickFormat.Jpeg, "size", $"{MaxSide}x{MaxSide}");
        }

        using var decoded = new MagickImage(data, settings);
        decoded.Progress += (_, e) => e.Cancel = overTime();
        decoded.AutoOrient();
        if (decoded.Width > MaxSide || decoded.Height > MaxSide)
        {
            decoded.Resize(new MagickGeometry(MaxSide, MaxSide) { Greater = true });
        }

        decoded.ColorSpace = ColorSpace.sRGB;
        var screenshot = format == MagickFormat.Png;
        var keepAlpha = screenshot && decoded.HasAlpha;
        if (!keepAlpha)
        {
            decoded.BackgroundColor = MagickColors.White;
            decoded.Alpha(AlphaAction.Remove);
        }

        using var clean = FromPixels(decoded, keepAlpha);
        var image = screenshot ? Encode(clean, MagickFormat.Png, 0) : Encode(clean, MagickFormat.Jpeg, 82);

        using var thumbnail = (MagickImage)clean.Clone();
        thumbnail.BackgroundColor = MagickColors.White;
        thumbnail.Alpha(AlphaAction.Remove);
        thumbnail.Thumbnail(new MagickGeometry(ThumbnailSize, ThumbnailSize) { FillArea = true });
        thumbnail.Crop(ThumbnailSize, ThumbnailSize, Gravity.Center);
        thumbnail.ResetPage();
        thumbnail.Extent(ThumbnailSize, ThumbnailSize, Gravity.Center, MagickColors.White);
        using var cleanThumbnail = FromPixels(thumbnail, keepAlpha: false);
        var thumbnailBytes = Encode(cleanThumbnail, MagickFormat.Jpeg, 70);

        return new PhotoCheck(new ProcessedPhoto(
            image,
            screenshot ? "image/png" : "image/jpeg",
            screenshot ? ".png" : ".jpg",
            (int)clean.Width,
            (int)clean.Height,
            thumbnailBytes), null);
    }

    /// <summary>A brand-new image holding only the decoded pixels (8-bit RGB or RGBA): nothing of the upload's
    /// structure, attributes or profiles is carried over.</summary>
    private static MagickImage FromPixels(MagickImage source, bool keepAlpha)
    {
        var mapping = keepAlpha ? PixelMapping.RGBA : PixelMapping.RGB;
        using var pixels = source.GetPixelsUnsafe();
        var bytes = pixels.ToByteArray(0, 0, source.Width, source.Height, mapping)
            ?? throw new ArgumentException("The decoded image has no pixels.", nameof(source));
        return new MagickImage(bytes, new PixelReadSettings(source.Width, source.Height, StorageType.Char, mapping));
    }

    private static byte[] Encode(MagickImage image, MagickFormat format, uint quality)
    {
        image.Strip();
        if (format == MagickFormat.Png)
        {
            // No tEXt/tIME chunks (ImageMagick writes creation dates by default).
            image.Settings.SetDefine(MagickFormat.Png, "exclude-chunks", "date,time,tEXt,zTXt,iTXt,bKGD,gAMA,cHRM,iCCP,sRGB,pHYs,vpAg,oFFs,EXIF");
        }
        else
        {
            image.Quality = quality;
            image.Settings.Interlace = Interlace.NoInterlace;
        }

        return image.ToByteArray(format);
    }
}
