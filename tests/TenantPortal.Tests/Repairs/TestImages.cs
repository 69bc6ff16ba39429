using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>Small, valid images built in code, with and without metadata.</summary>
public static class TestImages
{
    /// <summary>A 1x1 grey baseline JPEG: SOI, JFIF, DQT, SOF0, DHT (one code each), SOS, entropy data, EOI.</summary>
    public static byte[] Jpeg(byte[]? extraSegment = null)
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange(Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
        if (extraSegment is not null)
        {
            b.AddRange(extraSegment);
        }

        b.AddRange(Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]));
        b.AddRange(Segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
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

    public static byte[] Png(params (string Type, byte[] Data)[] extraChunks)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(output, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        foreach (var (type, data) in extraChunks)
        {
            Chunk(output, type, data);
        }

        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write([0, 128]);
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    public static byte[] WebPWithExif()
    {
        var chunks = new List<byte>();
        chunks.AddRange(RiffChunk("VP8X", [0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        chunks.AddRange(RiffChunk("VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00]));
        chunks.AddRange(RiffChunk("EXIF", ExifWithGps()[10..]));
        chunks.AddRange(RiffChunk("XMP ", Encoding.ASCII.GetBytes("<x:xmpmeta>GPS 51.5</x:xmpmeta>")));
        var size = BitConverter.GetBytes(chunks.Count + 4);
        return [.. "RIFF"u8, .. size, .. "WEBP"u8, .. chunks];
    }

    /// <summary>A minimal HEIC: ftyp, meta (iinf with an Exif item, iloc pointing into mdat), mdat with the payload.</summary>
    public static byte[] HeicWithExif(byte[] exifPayload)
    {
        var ftyp = Box("ftyp", [.. "heic"u8, 0, 0, 0, 0, .. "mif1"u8, .. "heic"u8]);
        var infe = Box("infe", [2, 0, 0, 0, 0, 1, 0, 0, .. "Exif"u8, 0]);
        var iinf = Box("iinf", [0, 0, 0, 0, 0, 1, .. infe]);
        byte[] IlocFor(int offset) => Box("iloc", [0, 0, 0, 0, 0x44, 0x00, 0, 1, 0, 1, 0, 0, 0, 1, .. BigEndian(offset), .. BigEndian(exifPayload.Length)]);
        var metaLength = Box("meta", [0, 0, 0, 0, .. iinf, .. IlocFor(0)]).Length;
        var mdatHeader = 8;
        var offset = ftyp.Length + metaLength + mdatHeader;
        var meta = Box("meta", [0, 0, 0, 0, .. iinf, .. IlocFor(offset)]);
        return [.. ftyp, .. meta, .. Box("mdat", exifPayload)];
    }

    public static byte[] Box(string type, byte[] content) => [.. BigEndian(content.Length + 8), .. Encoding.ASCII.GetBytes(type), .. content];

    private static byte[] RiffChunk(string type, byte[] data)
    {
        var padded = data.Length % 2 == 1 ? [.. data, 0] : data;
        return [.. Encoding.ASCII.GetBytes(type), .. BitConverter.GetBytes(data.Length), .. padded];
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(BigEndian(data.Length));
        output.Write(typeBytes);
        output.Write(data);
        output.Write(BigEndian((int)PhotoSanitiser.Crc32([.. typeBytes, .. data])));
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
