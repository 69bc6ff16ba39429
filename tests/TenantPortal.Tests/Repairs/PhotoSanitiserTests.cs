using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Moq;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

public sealed class PhotoSanitiserTests
{
    private const long TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public void RenamedExecutable_IsRefusedAsTheWrongType()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);

        var check = PhotoSanitiser.Check(exe, TenMegabytes);

        Assert.Equal("The photo must be a JPEG, PNG, HEIC or WebP image", check.Error);
    }

    [Fact]
    public void Svg_IsRefusedAsTheWrongType()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        Assert.Equal(PhotoSanitiser.WrongTypeMessage, PhotoSanitiser.Check(svg, TenMegabytes).Error);
    }

    [Fact]
    public void OversizedPhoto_IsRefusedWithTheLimit()
    {
        var big = new byte[TenMegabytes + 1];
        TestImages.Jpeg().CopyTo(big, 0);

        Assert.Equal("The photo must be smaller than 10 MB", PhotoSanitiser.Check(big, TenMegabytes).Error);
    }

    [Theory]
    [InlineData("truncated jpeg")]
    [InlineData("jpeg without image data")]
    [InlineData("png with a bad checksum")]
    [InlineData("webp with a wrong size")]
    [InlineData("heic without meta")]
    public void CorruptImage_IsRefusedAsDamaged(string kind)
    {
        byte[] data = kind switch
        {
            "truncated jpeg" => TestImages.Jpeg()[..40],
            "jpeg without image data" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xD9],
            "png with a bad checksum" => Corrupt(TestImages.Png(), 20),
            "webp with a wrong size" => [.. "RIFF"u8, 0xFF, 0xFF, 0, 0, .. "WEBP"u8, .. "VP8L"u8, 0, 0, 0, 0],
            _ => TestImages.Box("ftyp", [.. "heic"u8, 0, 0, 0, 0, .. "heic"u8]),
        };

        Assert.Equal(PhotoSanitiser.DamagedMessage, PhotoSanitiser.Check(data, TenMegabytes).Error);
    }

    [Fact]
    public async Task JpegWithGps_IsStoredWithoutIt()
    {
        var original = TestImages.JpegWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());
        var folder = System.IO.Directory.CreateTempSubdirectory("photos-").FullName;
        var store = new RepairPhotoStore(Options.Create(new RepairsOptions { PhotoFolder = folder }), Environment(folder));

        var (photo, error) = await store.SaveAsync(original, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("image/jpeg", photo!.ContentType);
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", photo.StoredFileName);
        var stored = File.ReadAllBytes(store.PathOf(photo.StoredFileName)!);
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifIfd0Directory>());
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(PhotoFormat.Jpeg, PhotoSanitiser.Detect(stored));
        Assert.EndsWith("\xFF\xD9", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void JpegMetadataSegments_AreRemoved_ImageSegmentsKept()
    {
        var xmp = TestImages.Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta/>"u8]);
        var iptc = TestImages.Segment(0xED, [.. "Photoshop 3.0\0"u8, 1, 2, 3]);
        var comment = TestImages.Segment(0xFE, "taken at 14 Heather Close"u8.ToArray());
        var jpeg = TestImages.Jpeg([.. xmp, .. iptc, .. comment]);

        var clean = PhotoSanitiser.Check(jpeg, TenMegabytes).CleanBytes!;

        Assert.Equal(TestImages.Jpeg(), clean);
    }

    [Fact]
    public void PngTextAndExifChunks_AreRemoved()
    {
        var png = TestImages.Png(("tEXt", "Comment\0secret"u8.ToArray()), ("eXIf", TestImages.ExifWithGps()[10..]), ("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<x/>"u8.ToArray()));

        var check = PhotoSanitiser.Check(png, TenMegabytes);

        Assert.Equal("image/png", check.ContentType);
        Assert.Equal(TestImages.Png(), check.CleanBytes);
    }

    [Fact]
    public void WebPExifAndXmpChunks_AreRemovedAndFlagsCleared()
    {
        var check = PhotoSanitiser.Check(TestImages.WebPWithExif(), TenMegabytes);

        var clean = check.CleanBytes!;
        var text = Encoding.Latin1.GetString(clean);
        Assert.Equal("image/webp", check.ContentType);
        Assert.DoesNotContain("EXIF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XMP ", text, StringComparison.Ordinal);
        Assert.Equal(0, clean[20] & 0x0C);
        Assert.Equal(clean.Length - 8, BitConverter.ToInt32(clean, 4));
    }

    [Fact]
    public void HeicExifItemPayload_IsZeroed()
    {
        var payload = Encoding.ASCII.GetBytes("\0\0\0\0Exif\0\0MM GPS 51.5N 0.12W");
        var heic = TestImages.HeicWithExif(payload);

        var check = PhotoSanitiser.Check(heic, TenMegabytes);

        Assert.Equal("image/heic", check.ContentType);
        Assert.Equal(heic.Length, check.CleanBytes!.Length);
        Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(check.CleanBytes), StringComparison.Ordinal);
        Assert.All(check.CleanBytes[^payload.Length..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void TypeComesFromContent_NotTheName()
    {
        Assert.Equal(PhotoFormat.Png, PhotoSanitiser.Detect(TestImages.Png()));
        Assert.Equal(PhotoFormat.Jpeg, PhotoSanitiser.Detect(TestImages.Jpeg()));
        Assert.Null(PhotoSanitiser.Detect("GIF89a"u8));
    }

    private static byte[] Corrupt(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0xFF;
        return copy;
    }

    private static IWebHostEnvironment Environment(string root)
    {
        var env = new Mock<IWebHostEnvironment>();
        env.SetupGet(e => e.ContentRootPath).Returns(root);
        env.SetupGet(e => e.ContentRootFileProvider).Returns(new NullFileProvider());
        return env.Object;
    }
}
