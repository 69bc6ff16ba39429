using System.Diagnostics;
using System.Text;
using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>Every photo is decoded by ImageMagick and rebuilt from its pixels: the checks on the way in and what
/// comes out (MetadataExtractor reads the result as an attacker would).</summary>
public sealed class PhotoProcessorTests
{
    private const long TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public async Task A_renamed_executable_is_refused_as_the_wrong_type()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);

        var check = await PhotoProcessor.ProcessAsync(exe, TenMegabytes);

        Assert.Equal("The file must be a photo, like one taken on your phone", check.Error);
    }

    [Fact]
    public async Task An_svg_with_script_is_refused_as_the_wrong_type()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        var check = await PhotoProcessor.ProcessAsync(svg, TenMegabytes);

        Assert.Equal(PhotoProcessor.WrongTypeMessage, check.Error);
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused_with_the_limit()
    {
        var big = new byte[TenMegabytes + 1];
        TestImages.Jpeg().CopyTo(big, 0);

        var check = await PhotoProcessor.ProcessAsync(big, TenMegabytes);

        Assert.Equal("The photo must be smaller than 10 MB", check.Error);
    }

    [Theory]
    [InlineData("truncated jpeg")]
    [InlineData("jpeg without image data")]
    [InlineData("png with a damaged header")]
    [InlineData("webp with a wrong size")]
    [InlineData("heic without meta")]
    [InlineData("truncated heic")]
    public async Task A_damaged_image_is_refused_as_damaged(string kind)
    {
        byte[] data = kind switch
        {
            "truncated jpeg" => TestImages.Jpeg()[..200],
            "jpeg without image data" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xD9],
            "png with a damaged header" => Corrupt(TestImages.Png(), 20),
            "webp with a wrong size" => [.. "RIFF"u8, 0xFF, 0xFF, 0, 0, .. "WEBP"u8, .. "VP8L"u8, 0, 0, 0, 0],
            "heic without meta" => TestImages.Box("ftyp", [.. "heic"u8, 0, 0, 0, 0, .. "heic"u8]),
            _ => TestImages.Heic()[..(TestImages.Heic().Length / 2)],
        };

        var check = await PhotoProcessor.ProcessAsync(data, TenMegabytes);

        Assert.Equal(PhotoProcessor.DamagedMessage, check.Error);
    }

    [Theory]
    [InlineData(30_000, 30_000)]
    [InlineData(8_000, 6_500)]
    public async Task A_decompression_bomb_is_refused_from_its_header_without_decoding_it(int width, int height)
    {
        var bomb = TestImages.JpegDeclaring(width, height);
        var clock = Stopwatch.StartNew();

        var check = await PhotoProcessor.ProcessAsync(bomb, TenMegabytes);

        Assert.True(bomb.Length < 300, "the bomb is a few hundred bytes");
        Assert.Equal(PhotoProcessor.TooManyPixelsMessage, check.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused in {clock.Elapsed}");
    }

    [Fact]
    public async Task A_photo_that_takes_longer_than_the_time_limit_to_read_is_refused()
    {
        var big = TestImages.Jpeg(width: 4000, height: 3000);

        var check = await PhotoProcessor.ProcessAsync(big, TenMegabytes, TimeSpan.FromMilliseconds(1));

        Assert.Equal(PhotoProcessor.TooSlowMessage, check.Error);
    }

    [Fact]
    public async Task An_animated_image_is_refused()
    {
        var check = await PhotoProcessor.ProcessAsync(TestImages.AnimatedWebP(), TenMegabytes);

        Assert.Equal(PhotoProcessor.AnimatedMessage, check.Error);
    }

    [Fact]
    public async Task A_jpeg_with_gps_is_rebuilt_without_any_exif()
    {
        var original = TestImages.JpegWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());

        var photo = (await PhotoProcessor.ProcessAsync(original, TenMegabytes)).Photo!;

        Assert.Equal("image/jpeg", photo.ContentType);
        AssertNoMetadata(photo.Image);
        AssertNoMetadata(photo.Thumbnail);
    }

    [Fact]
    public async Task A_real_heic_photo_is_rebuilt_as_a_jpeg_without_its_gps()
    {
        var heic = TestImages.Heic();
        Assert.Contains("FixtureCam", Encoding.Latin1.GetString(heic), StringComparison.Ordinal);

        var photo = (await PhotoProcessor.ProcessAsync(heic, TenMegabytes)).Photo!;

        Assert.Equal(("image/jpeg", ".jpg", 160, 120), (photo.ContentType, photo.Extension, photo.Width, photo.Height));
        Assert.Equal(MagickFormat.Jpeg, new MagickImageInfo(photo.Image).Format);
        AssertNoMetadata(photo.Image);
    }

    [Fact]
    public async Task A_real_webp_photo_is_rebuilt_as_a_jpeg_without_its_gps()
    {
        var webp = TestImages.WebP();
        Assert.Contains("FixtureCam", Encoding.Latin1.GetString(webp), StringComparison.Ordinal);

        var photo = (await PhotoProcessor.ProcessAsync(webp, TenMegabytes)).Photo!;

        Assert.Equal(("image/jpeg", 160, 120), (photo.ContentType, photo.Width, photo.Height));
        AssertNoMetadata(photo.Image);
    }

    [Fact]
    public async Task A_jpeg_html_polyglot_keeps_only_the_pixels()
    {
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
        var polyglot = (byte[])[.. TestImages.Jpeg(TestImages.Segment(0xFE, html)), .. html];

        var photo = (await PhotoProcessor.ProcessAsync(polyglot, TenMegabytes)).Photo!;

        var text = Encoding.Latin1.GetString(photo.Image);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([0xFF, 0xD9], photo.Image[^2..]);
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo.Image)).OfType<MetadataExtractor.Formats.Jpeg.JpegCommentDirectory>());
    }

    [Fact]
    public async Task Exif_orientation_6_is_applied_to_the_pixels_and_the_tag_dropped()
    {
        // 40x20 landscape pixels with a dark block bottom left, tagged "turn a quarter clockwise to view".
        var sideways = TestImages.JpegWithOrientation(Orientation.RightTop, 40, 20);

        var photo = (await PhotoProcessor.ProcessAsync(sideways, TenMegabytes)).Photo!;

        Assert.Equal(Orientation.RightTop, new MagickImage(sideways).Orientation);
        Assert.Equal((20, 40), (photo.Width, photo.Height));
        using var stored = new MagickImage(photo.Image);
        Assert.Equal(Orientation.Undefined, stored.Orientation);
        using var pixels = stored.GetPixels();
        var topLeft = pixels.GetPixel(1, 1).ToColor()!;
        var bottomRight = pixels.GetPixel(18, 38).ToColor()!;
        Assert.True(topLeft.R < 100, $"the dark block turned to the top left (R={topLeft.R})");
        Assert.True(bottomRight.R > 100, $"the light gradient end is bottom right (R={bottomRight.R})");
    }

    [Fact]
    public async Task A_big_photo_is_scaled_so_its_longest_side_is_2048_pixels()
    {
        var big = TestImages.Jpeg(width: 4000, height: 3000);

        var photo = (await PhotoProcessor.ProcessAsync(big, TenMegabytes)).Photo!;

        Assert.Equal((2048, 1536), (photo.Width, photo.Height));
        var info = new MagickImageInfo(photo.Image);
        Assert.Equal((2048u, 1536u), (info.Width, info.Height));
    }

    [Fact]
    public async Task A_screenshot_stays_a_png_without_text_chunks()
    {
        var png = TestImages.Png(comment: "taken at 14 Heather Close");
        Assert.Contains("Heather Close", Encoding.Latin1.GetString(png), StringComparison.Ordinal);

        var photo = (await PhotoProcessor.ProcessAsync(png, TenMegabytes)).Photo!;

        var text = Encoding.Latin1.GetString(photo.Image);
        Assert.Equal(("image/png", ".png"), (photo.ContentType, photo.Extension));
        Assert.DoesNotContain("Heather", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tEXt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tIME", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_thumbnail_is_a_small_square_jpeg()
    {
        var photo = (await PhotoProcessor.ProcessAsync(TestImages.Jpeg(width: 3000, height: 2000), TenMegabytes)).Photo!;

        var info = new MagickImageInfo(photo.Thumbnail);
        Assert.Equal((MagickFormat.Jpeg, 160u, 160u), (info.Format, info.Width, info.Height));
        Assert.True(photo.Thumbnail.Length < 12 * 1024, $"thumbnail is {photo.Thumbnail.Length} bytes");
    }

    [Fact]
    public void The_type_comes_from_the_content_not_the_name()
    {
        Assert.Equal(MagickFormat.Png, PhotoProcessor.Detect(TestImages.Png()));
        Assert.Equal(MagickFormat.Jpeg, PhotoProcessor.Detect(TestImages.Jpeg()));
        Assert.Equal(MagickFormat.Heic, PhotoProcessor.Detect(TestImages.Heic()));
        Assert.Equal(MagickFormat.WebP, PhotoProcessor.Detect(TestImages.WebP()));
        Assert.Null(PhotoProcessor.Detect("GIF89a"u8));
    }

    internal static void AssertNoMetadata(byte[] image)
    {
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(image));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifIfd0Directory>());
        Assert.Empty(directories.OfType<JpegCommentDirectory>());
        var text = Encoding.Latin1.GetString(image);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FixtureCam", text, StringComparison.Ordinal);
    }

    private static byte[] Corrupt(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0xFF;
        return copy;
    }
}
