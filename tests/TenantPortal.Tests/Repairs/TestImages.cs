using System.Buffers.Binary;
using System.Text;
using ImageMagick;
using ImageMagick.Drawing;

namespace TenantPortal.Tests.Repairs;

/// <summary>Test images: real ones encoded by ImageMagick in code, the committed HEIC and WebP fixtures
/// (Repairs/Fixtures, see the README there), and hand-made byte structures for hostile files (extra segments, a
/// header that declares a huge image).</summary>
public static class TestImages
{
    /// <summary>A small real JPEG (a gradient with a dark block bottom left), optionally with an extra segment right after
    /// the start-of-image marker (Exif, a comment...).</summary>
    public static byte[] Jpeg(byte[]? extraSegment = null, int width = 64, int height = 48)
    {
        using var image = Picture(width, height);
        var jpeg = image.ToByteArray(MagickFormat.Jpeg);
        return extraSegment is null ? jpeg : [.. jpeg[..2], .. extraSegment, .. jpeg[2..]];
    }

    /// <summary>A real JPEG with an Exif orientation tag (6: the camera was turned a quarter clockwise, so the stored
    /// pixels must be turned to show upright).</summary>
    public static byte[] JpegWithOrientation(Orientation orientation, int width, int height)
    {
        using var image = Picture(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        image.SetProfile(exif);
        image.Orientation = orientation;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>A phone-sized photo (4032x3024, 12 MP) with noise, so it compresses like a real one (several MB).</summary>
    public static byte[] PhonePhoto()
    {
        using var image = Picture(4032, 3024);
        image.AddNoise(NoiseType.Gaussian, 0.3);
        image.Quality = 85;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>A real PNG (a screenshot, say), optionally with a text comment.</summary>
    public static byte[] Png(int width = 32, int height = 24, string? comment = null)
    {
        using var image = Picture(width, height);
        if (comment is not null)
        {
            image.Comment = comment;
        }

        return image.ToByteArray(MagickFormat.Png);
    }

    /// <summary>A two-frame animated WebP.</summary>
    public static byte[] AnimatedWebP()
    {
        using var frames = new MagickImageCollection { Picture(32, 32), new MagickImage(MagickColors.Red, 32, 32) };
        return frames.ToByteArray(MagickFormat.WebP);
    }

    /// <summary>A decompression bomb: a tiny JPEG whose frame header declares <paramref name="width"/> x
    /// <paramref name="height"/> pixels (900 megapixels by default) over a few bytes of image data.</summary>
    public static byte[] JpegDeclaring(int width = 30_000, int height = 30_000)
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange(Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
        b.AddRange(Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]));
        b.AddRange(Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]));
        b.AddRange(Segment(0xC4, [0x00, 1, .. new byte[15], 0x00]));
        b.AddRange(Segment(0xC4, [0x10, 1, .. new byte[15], 0x00]));
        b.AddRange(Segment(0xDA, [1, 1, 0x00, 0, 63, 0]));
        b.AddRange([0x3F, 0xFF, 0xD9]);
        return [.. b];
    }

    public static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    /// <summary>An APP1 Exif segment whose IFD0 points to a GPS IFD with a latitude of 51° 30' 0" N.</summary>
    public static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange([0x00, 0x2A, 0, 0, 0, 8]);
        // IFD0 at 8: one entry, GPSInfo (0x8825) LONG 1 -> 26
        tiff.AddRange([0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
        // GPS IFD at 26: two entries, then next-IFD 0; rationals at 26 + 2 + 24 + 4 = 56
        tiff.AddRange([0, 2]);
        tiff.AddRange([0, 1, 0, 2, 0, 0, 0, 2, (byte)'N', 0, 0, 0]);
        tiff.AddRange([0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56]);
        tiff.AddRange([0, 0, 0, 0]);
        foreach (var (num, den) in new[] { (51, 1), (30, 1), (0, 1) })
        {
            tiff.AddRange(BigEndian(num));
            tiff.AddRange(BigEndian(den));
        }

        return Segment(0xE1, [.. "Exif\0\0"u8, .. tiff]);
    }

    public static byte[] JpegWithGps() => Jpeg(ExifWithGps());

    /// <summary>A committed fixture from Repairs/Fixtures (copied to the test output).</summary>
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Repairs", "Fixtures", name));

    /// <summary>The 160x120 HEIC fixture (HEVC in HEIF, with an Exif item carrying a GPS position).</summary>
    public static byte[] Heic() => Fixture("kitchen-tap.heic");

    /// <summary>The 160x120 lossy WebP fixture (with an EXIF chunk carrying a GPS position).</summary>
    public static byte[] WebP() => Fixture("kitchen-tap.webp");

    public static byte[] Box(string type, byte[] content) => [.. BigEndian(content.Length + 8), .. Encoding.ASCII.GetBytes(type), .. content];

    private static MagickImage Picture(int width, int height)
    {
        var image = new MagickImage("gradient:#6b8cae-#d9c9a3", (uint)width, (uint)height);
        image.Draw(new DrawableFillColor(new MagickColor("#3a2a1a")), new DrawableRectangle(0, height / 2.0, width / 3.0, height));
        return image;
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
