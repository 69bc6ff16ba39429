using System.Buffers.Binary;
using System.Text;

namespace TenantPortal.Web.Features.Repairs;

public enum PhotoFormat { Jpeg, Png, WebP, Heic }

/// <summary>The result of checking a photo: the cleaned bytes, or a message for the tenant.</summary>
public sealed record PhotoCheck(PhotoFormat? Format, byte[]? CleanBytes, string? Error)
{
    public bool IsValid => Error is null;

    public string ContentType => Format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.WebP => "image/webp",
        PhotoFormat.Heic => "image/heic",
        _ => "application/octet-stream",
    };

    public string Extension => Format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        PhotoFormat.WebP => ".webp",
        PhotoFormat.Heic => ".heic",
        _ => ".bin",
    };
}

/// <summary>Checks an uploaded photo from its content (magic bytes and structure; the file name and declared type
/// are ignored) and removes metadata without re-encoding: JPEG APP1 (Exif incl. GPS, XMP), APP3-APP13 (incl. IPTC),
/// APP15 and comments; PNG tEXt/zTXt/iTXt/eXIf/tIME chunks; WebP EXIF and XMP chunks (and their VP8X flags); HEIC Exif
/// and XMP item payloads are overwritten with zeros. Anything that does not parse cleanly is refused as damaged.</summary>
public static class PhotoSanitiser
{
    public const string WrongTypeMessage = "The photo must be a JPEG, PNG, HEIC or WebP image";
    public const string DamagedMessage = "The photo could not be read. It may be damaged: try taking it again";
    public const string EmptyMessage = "The selected photo is empty";

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    public static string TooLargeMessage(long maxBytes) => $"The photo must be smaller than {maxBytes / (1024 * 1024)} MB";

    public static PhotoFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (data.Length >= 8 && data[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PhotoFormat.Png;
        }

        if (data.Length >= 12 && Ascii(data, 0, 4) == "RIFF" && Ascii(data, 8, 4) == "WEBP")
        {
            return PhotoFormat.WebP;
        }

        if (data.Length >= 12 && Ascii(data, 4, 4) == "ftyp")
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[..4]), (uint)data.Length);
            if (size >= 16 && Ascii(data, 8, 4) != "avif")
            {
                for (var i = 8; i + 4 <= size; i += 4)
                {
                    if (i == 12)
                    {
                        continue; // minor version
                    }

                    if (HeicBrands.Contains(Ascii(data, i, 4)))
                    {
                        return PhotoFormat.Heic;
                    }
                }
            }
        }

        return null;
    }

    public static PhotoCheck Check(byte[] data, long maxBytes)
    {
        if (data.Length == 0)
        {
            return new PhotoCheck(null, null, EmptyMessage);
        }

        if (data.Length > maxBytes)
        {
            return new PhotoCheck(null, null, TooLargeMessage(maxBytes));
        }

        var format = Detect(data);
        if (format is null)
        {
            return new PhotoCheck(null, null, WrongTypeMessage);
        }

        try
        {
            var clean = format switch
            {
                PhotoFormat.Jpeg => CleanJpeg(data),
                PhotoFormat.Png => CleanPng(data),
                PhotoFormat.WebP => CleanWebP(data),
                _ => CleanHeic(data),
            };
            return clean is null ? new PhotoCheck(format, null, DamagedMessage) : new PhotoCheck(format, clean, null);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return new PhotoCheck(format, null, DamagedMessage);
        }
    }

    // JPEG: copy the segments we need up to the start of scan, then the image data to the end-of-image marker.
    private static byte[]? CleanJpeg(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var pos = 2;
        var seenFrame = false;
        while (true)
        {
            if (pos + 4 > data.Length || data[pos] != 0xFF)
            {
                return null;
            }

            while (pos + 1 < data.Length && data[pos + 1] == 0xFF)
            {
                pos++; // fill bytes
            }

            var marker = data[pos + 1];
            if (marker is 0xD8 or 0xD9 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                return null; // no stand-alone markers before the image data
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 2, 2));
            if (length < 2 || pos + 2 + length > data.Length)
            {
                return null;
            }

            if (marker == 0xDA)
            {
                if (!seenFrame)
                {
                    return null;
                }

                var end = LastIndexOfEndOfImage(data, pos + 2 + length);
                if (end < 0)
                {
                    return null;
                }

                output.Write(data, pos, end + 2 - pos);
                return output.ToArray();
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                seenFrame = true;
            }

            if (KeepJpegSegment(marker, data.AsSpan(pos + 4, length - 2)))
            {
                output.Write(data, pos, 2 + length);
            }

            pos += 2 + length;
        }
    }

    private static bool KeepJpegSegment(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => true, // JFIF
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8), // colour profile; FlashPix and others dropped
        0xEE => true, // Adobe colour transform, needed to decode
        >= 0xE1 and <= 0xEF => false, // Exif, XMP, IPTC/Photoshop and other application data
        0xFE => false, // comment
        _ => true,
    };

    private static int LastIndexOfEndOfImage(byte[] data, int from)
    {
        for (var i = data.Length - 2; i >= from; i--)
        {
            if (data[i] == 0xFF && data[i + 1] == 0xD9)
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly string[] PngDroppedChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    private static byte[]? CleanPng(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 8);
        var pos = 8;
        var first = true;
        var seenData = false;
        while (pos + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos, 4));
            if (length > int.MaxValue || pos + 12 + (long)length > data.Length)
            {
                return null;
            }

            var type = Ascii(data, pos + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 8 + (int)length, 4));
            if (Crc32(data.AsSpan(pos + 4, 4 + (int)length)) != crc || (first && type != "IHDR"))
            {
                return null;
            }

            first = false;
            seenData |= type == "IDAT";
            if (!PngDroppedChunks.Contains(type))
            {
                output.Write(data, pos, 12 + (int)length);
            }

            pos += 12 + (int)length;
            if (type == "IEND")
            {
                return seenData ? output.ToArray() : null;
            }
        }

        return null;
    }

    private static byte[]? CleanWebP(byte[] data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4, 4));
        if (riffSize < 4 || riffSize + 8L > data.Length)
        {
            return null;
        }

        var end = (int)riffSize + 8;
        using var output = new MemoryStream(data.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var pos = 12;
        var seenImage = false;
        while (pos < end)
        {
            if (pos + 8 > end)
            {
                return null;
            }

            var type = Ascii(data, pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos + 4, 4));
            var padded = size + (size & 1);
            if (pos + 8L + size > end)
            {
                return null;
            }

            var chunkEnd = (int)Math.Min(pos + 8L + padded, end);
            seenImage |= type is "VP8 " or "VP8L" or "VP8X";
            if (type is not ("EXIF" or "XMP "))
            {
                var start = (int)output.Position;
                output.Write(data, pos, chunkEnd - pos);
                if (type == "VP8X" && size >= 1)
                {
                    var buffer = output.GetBuffer();
                    buffer[start + 8] &= unchecked((byte)~0x0C); // clear the EXIF (0x08) and XMP (0x04) flags
                }
            }

            pos = chunkEnd;
        }

        if (!seenImage)
        {
            return null;
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4, 4), (uint)(bytes.Length - 8));
        return bytes;
    }

    // HEIC (ISO BMFF): check the top-level boxes, then zero the payloads of Exif and XMP items listed in meta/iinf,
    // located through meta/iloc (in the file, or in meta/idat).
    private static byte[]? CleanHeic(byte[] data)
    {
        var boxes = ReadBoxes(data, 0, data.Length);
        if (boxes is null || boxes.Count == 0 || boxes[0].Type != "ftyp")
        {
            return null;
        }

        var meta = boxes.FirstOrDefault(b => b.Type == "meta");
        if (meta is null || !boxes.Any(b => b.Type == "mdat") || meta.ContentStart + 4 > meta.End)
        {
            return null;
        }

        var children = ReadBoxes(data, meta.ContentStart + 4, meta.End);
        if (children is null)
        {
            return null;
        }

        var clean = (byte[])data.Clone();
        var iinf = children.FirstOrDefault(b => b.Type == "iinf");
        var iloc = children.FirstOrDefault(b => b.Type == "iloc");
        if (iinf is null || iloc is null)
        {
            return clean; // no items, so no Exif item
        }

        var metadataItems = MetadataItemIds(data, iinf);
        if (metadataItems is null)
        {
            return null;
        }

        var idat = children.FirstOrDefault(b => b.Type == "idat");
        return ZeroItems(data, clean, iloc, idat, metadataItems) ? clean : null;
    }

    private sealed record Box(string Type, int Start, int ContentStart, int End);

    private static List<Box>? ReadBoxes(byte[] data, int start, int end)
    {
        var boxes = new List<Box>();
        var pos = start;
        while (pos < end)
        {
            if (pos + 8 > end)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos, 4));
            var type = Ascii(data, pos + 4, 4);
            var header = 8;
            if (size == 1)
            {
                if (pos + 16 > end)
                {
                    return null;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(pos + 8, 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - pos;
            }

            if (size < header || pos + size > end)
            {
                return null;
            }

            boxes.Add(new Box(type, pos, pos + header, (int)(pos + size)));
            pos += (int)size;
        }

        return boxes;
    }

    private static HashSet<uint>? MetadataItemIds(byte[] data, Box iinf)
    {
        var pos = iinf.ContentStart;
        var version = data[pos];
        pos += 4;
        pos += version == 0 ? 2 : 4;
        var entries = ReadBoxes(data, pos, iinf.End);
        if (entries is null)
        {
            return null;
        }

        var ids = new HashSet<uint>();
        foreach (var infe in entries.Where(e => e.Type == "infe"))
        {
            var p = infe.ContentStart;
            var v = data[p];
            p += 4;
            if (v < 2)
            {
                continue; // old entries carry no item type
            }

            uint id = v == 2 ? BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(p, 2)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p, 4));
            p += (v == 2 ? 2 : 4) + 2;
            var itemType = Ascii(data, p, 4);
            p += 4;
            var nameEnd = Array.IndexOf(data, (byte)0, p, infe.End - p);
            var contentType = "";
            if (itemType == "mime" && nameEnd >= 0 && nameEnd + 1 < infe.End)
            {
                var typeEnd = Array.IndexOf(data, (byte)0, nameEnd + 1, infe.End - nameEnd - 1);
                contentType = Encoding.ASCII.GetString(data, nameEnd + 1, (typeEnd < 0 ? infe.End : typeEnd) - nameEnd - 1);
            }

            if (itemType == "Exif" || (itemType == "mime" && contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static bool ZeroItems(byte[] data, byte[] clean, Box iloc, Box? idat, HashSet<uint> items)
    {
        var p = iloc.ContentStart;
        var version = data[p];
        p += 4;
        var offsetSize = data[p] >> 4;
        var lengthSize = data[p] & 0x0F;
        var baseOffsetSize = data[p + 1] >> 4;
        var indexSize = version is 1 or 2 ? data[p + 1] & 0x0F : 0;
        p += 2;
        uint count = version < 2 ? ReadUInt(data, ref p, 2) : ReadUInt(data, ref p, 4);
        for (var i = 0; i < count; i++)
        {
            var id = version < 2 ? ReadUInt(data, ref p, 2) : ReadUInt(data, ref p, 4);
            var method = 0;
            if (version is 1 or 2)
            {
                method = (int)(ReadUInt(data, ref p, 2) & 0x0F);
            }

            p += 2; // data reference index
            var baseOffset = ReadULong(data, ref p, baseOffsetSize);
            var extents = ReadUInt(data, ref p, 2);
            for (var e = 0; e < extents; e++)
            {
                if (indexSize > 0)
                {
                    ReadULong(data, ref p, indexSize);
                }

                var offset = ReadULong(data, ref p, offsetSize);
                var length = ReadULong(data, ref p, lengthSize);
                if (!items.Contains(id))
                {
                    continue;
                }

                long start = method switch
                {
                    0 => (long)(baseOffset + offset),
                    1 when idat is not null => idat.ContentStart + (long)(baseOffset + offset),
                    _ => -1,
                };
                var limit = method == 1 ? idat!.End : data.Length;
                if (start < 0 || start + (long)length > limit || (length == 0 && method == 0))
                {
                    return false;
                }

                Array.Clear(clean, (int)start, (int)length);
            }

            if (p > iloc.End)
            {
                return false;
            }
        }

        return true;
    }

    private static uint ReadUInt(byte[] data, ref int p, int size)
    {
        var value = (uint)ReadULong(data, ref p, size);
        return value;
    }

    private static ulong ReadULong(byte[] data, ref int p, int size)
    {
        ulong value = 0;
        for (var i = 0; i < size; i++)
        {
            value = (value << 8) | data[p + i];
        }

        p += size;
        return value;
    }

    private static string Ascii(ReadOnlySpan<byte> data, int start, int length) => Encoding.Latin1.GetString(data.Slice(start, length));

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
