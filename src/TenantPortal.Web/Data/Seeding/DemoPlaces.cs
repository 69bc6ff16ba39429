using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>The fictional town of Kingsmere: its patches, streets and postcodes.</summary>
internal static class DemoPlaces
{
    private static readonly (string Code, string Name, string District, string[] Streets, string[] Blocks)[] PatchData =
    [
        ("NTH", "North", "KM1", ["Heather Close", "Moorland Road", "Bracken Way", "Northgate", "Fellside Drive", "Curlew Avenue"], ["Moorview House", "Pennine Court"]),
        ("RIV", "Riverside", "KM2", ["Wharf Street", "Mill Lane", "River Walk", "Ferry Road", "Bridge Street", "Willow Bank"], ["Quayside Court", "Millstream House"]),
        ("EST", "Eastfield", "KM4", ["Eastfield Avenue", "Orchard Grove", "Cedar Drive", "Beech Road", "Harvest Way", "Sycamore Close"], ["Orchard House", "Eastfield Court"]),
        ("WST", "Westgate", "KM5", ["Westgate", "Tanners Row", "Chapel Street", "Foundry Lane", "Canal Side", "Union Street"], ["Tannery Court", "Chapel House"]),
        ("STH", "Southbank", "KM6", ["Southbank Road", "Meadow Lane", "Larch Close", "Kestrel Way", "Long Acre", "Primrose Hill"], ["Southbank Court", "Kestrel House"]),
        ("HIL", "Hillcrest", "KM7", ["Hillcrest Road", "Beacon Rise", "Summit Way", "Highfield Drive", "Crag View", "Windmill Lane"], ["Beacon Court", "Highfield House"]),
        ("PRK", "Parkside", "KM8", ["Park Avenue", "Lodge Lane", "Bandstand Walk", "Elm Terrace", "Rosebery Street", "Gardens Road"], ["Parkside Court", "Lodge House"]),
        ("MDW", "Meadowfield", "KM9", ["Meadowfield Road", "Buttercup Close", "Clover Way", "Harebell Drive", "Thistle Grove", "Cowslip Lane"], ["Meadow Court", "Clover House"]),
    ];

    // Inward-code letters exclude C, I, K, M, O and V, as real postcodes do.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static int MaxPatches => PatchData.Length;

    public static List<Patch> CreatePatches(int count)
    {
        if (count < 1 || count > PatchData.Length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Between 1 and {PatchData.Length} patches.");
        return PatchData.Take(count).Select(p => new Patch { Code = p.Code, Name = p.Name }).ToList();
    }

    /// <summary>A home in the patch: the index makes the address unique within the patch.</summary>
    public static Property CreateProperty(Random rng, int patchIndex, int indexInPatch, long uprn)
    {
        var patch = PatchData[patchIndex];
        var kind = rng.Next(100);
        string line1;
        string? line2;
        string type;
        int bedrooms;
        // House numbers are odd: even numbers are left for the fixed demo homes.
        var streetNumber = (indexInPatch / patch.Streets.Length) + 1;
        var street = patch.Streets[indexInPatch % patch.Streets.Length];
        if (kind < 35)
        {
            var block = patch.Blocks[indexInPatch % patch.Blocks.Length];
            line1 = $"Flat {(indexInPatch / patch.Blocks.Length) + 1} {block}";
            line2 = street;
            type = "Flat";
            bedrooms = rng.Next(100) < 55 ? 1 : 2;
        }
        else if (kind < 45)
        {
            line1 = $"{(streetNumber * 2) - 1}A {street}";
            line2 = null;
            type = "Maisonette";
            bedrooms = 2;
        }
        else if (kind < 55)
        {
            line1 = $"{(streetNumber * 2) - 1} {street}";
            line2 = null;
            type = "Bungalow";
            bedrooms = rng.Next(100) < 60 ? 1 : 2;
        }
        else
        {
            line1 = $"{(streetNumber * 2) - 1} {street}";
            line2 = null;
            type = "House";
            bedrooms = rng.Next(100) switch { < 45 => 2, < 90 => 3, _ => 4 };
        }

        var sector = (indexInPatch % patch.Streets.Length) + 1;
        var postcode = $"{patch.District} {sector}{InwardLetters[(indexInPatch / 7) % InwardLetters.Length]}{InwardLetters[indexInPatch % 7 * 3 % InwardLetters.Length]}";
        return new Property
        {
            Uprn = uprn,
            AddressLine1 = line1,
            AddressLine2 = line2,
            Town = DemoData.Town,
            Postcode = postcode,
            PropertyType = type,
            Bedrooms = bedrooms,
        };
    }
}
