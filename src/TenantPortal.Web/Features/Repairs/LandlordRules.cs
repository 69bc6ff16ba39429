using System.Globalization;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The UK nation the landlord's homes are in: it chooses the bank holidays, the gas emergency number and
/// which statutes apply.</summary>
public enum UkRegion { England, Wales, Scotland, NorthernIreland }

/// <summary>A council (local housing authority, whose secure tenants have the Right to Repair) or a housing
/// association.</summary>
public enum LandlordType { HousingAssociation, Council }

/// <summary>A configured change to the region's bank holidays: a day moved from one date to another.</summary>
public sealed record BankHolidayMove(DateOnly From, DateOnly To);

/// <summary>Configured changes to the region's bank holidays (<c>Repairs:BankHolidays:Add/Remove/Move</c>, and the older
/// <c>Repairs:ExtraBankHolidays</c>, which adds).</summary>
public sealed record BankHolidayChanges(IReadOnlyList<DateOnly> Add, IReadOnlyList<DateOnly> Remove, IReadOnlyList<BankHolidayMove> Move)
{
    public static BankHolidayChanges None { get; } = new([], [], []);
}

/// <summary>The rules that depend on where the landlord is and what kind of landlord it is, read once from
/// configuration (<c>Landlord:Region</c>, <c>Landlord:Type</c>, <c>Repairs:BankHolidays</c>) and checked at start-up by
/// <see cref="Problems"/>.</summary>
public sealed class LandlordRules(UkRegion region, LandlordType type, BankHolidayChanges changes)
{
    public const string RegionKey = "Landlord:Region";
    public const string TypeKey = "Landlord:Type";
    public const string BankHolidaysKey = "Repairs:BankHolidays";
    public const string ExtraBankHolidaysKey = "Repairs:ExtraBankHolidays";

    /// <summary>The gas emergency number in Great Britain (National Gas Emergency Service).</summary>
    public const string GreatBritainGasEmergencyNumber = "0800 111 999";

    /// <summary>The Northern Ireland Gas Emergency Service.</summary>
    public const string NorthernIrelandGasEmergencyNumber = "0800 002 001";

    public UkRegion Region => region;

    public LandlordType Type => type;

    public BankHolidayChanges BankHolidayChanges => changes;

    /// <summary>The Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 apply to social
    /// landlords in England only.</summary>
    public bool AwaabsLawApplies => region == UkRegion.England;

    /// <summary>The Secure Tenants of Local Housing Authorities (Right to Repair) Regulations 1994 (SI 1994/133, "HOUSING,
    /// ENGLAND AND WALES") give secure tenants of a local housing authority the right to have qualifying repairs done
    /// within prescribed periods. Scotland has its own scheme and Northern Ireland none like it: not modelled.</summary>
    public bool RightToRepairApplies => type == LandlordType.Council && region is UkRegion.England or UkRegion.Wales;

    public string GasEmergencyNumber => region == UkRegion.NorthernIreland ? NorthernIrelandGasEmergencyNumber : GreatBritainGasEmergencyNumber;

    public string GasEmergencyService => region == UkRegion.NorthernIreland ? "Northern Ireland Gas Emergency Service" : "National Gas Emergency Service";

    public WorkingDayCalendar Calendar { get; } = new(region, changes);

    public static LandlordRules England { get; } = new(UkRegion.England, LandlordType.HousingAssociation, BankHolidayChanges.None);

    /// <summary>Reads the settings; call <see cref="Problems"/> first (start-up does), as this throws on bad values.</summary>
    public static LandlordRules From(IConfiguration configuration)
    {
        var (rules, problems) = Read(configuration);
        return problems.Count == 0 ? rules! : throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>One clear message per bad setting: an unknown region or landlord type, a date that is not yyyy-MM-dd, a
    /// move without both dates, or a removed or moved day that is not a bank holiday in the region.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration) => Read(configuration).Problems;

    private static (LandlordRules? Rules, List<string> Problems) Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var region = ParseEnum(configuration[RegionKey], UkRegion.England, RegionKey, "England, Wales, Scotland or NorthernIreland", problems);
        var type = ParseEnum(configuration[TypeKey], LandlordType.HousingAssociation, TypeKey, "HousingAssociation or Council", problems);

        var section = configuration.GetSection(BankHolidaysKey);
        var add = Dates(configuration.GetSection(ExtraBankHolidaysKey), problems)
            .Concat(Dates(section.GetSection("Add"), problems)).ToList();
        var remove = Dates(section.GetSection("Remove"), problems);
        var moves = new List<BankHolidayMove>();
        foreach (var move in section.GetSection("Move").GetChildren())
        {
            var from = Date(move.GetSection("From"), problems);
            var to = Date(move.GetSection("To"), problems);
            if (from is null || to is null)
            {
                if (move["From"] is null || move["To"] is null)
                {
                    problems.Add($"{move.Path} needs both From and To dates (yyyy-MM-dd).");
                }

                continue;
            }

            moves.Add(new BankHolidayMove(from.Value, to.Value));
        }

        var standard = new WorkingDayCalendar(region, BankHolidayChanges.None);
        foreach (var day in remove.Concat(moves.Select(m => m.From)).Where(d => !standard.IsBankHoliday(d)))
        {
            problems.Add($"{BankHolidaysKey}: {day:yyyy-MM-dd} is not a bank holiday in {Describe(region)}, so it can't be removed or moved.");
        }

        return problems.Count == 0 ? (new LandlordRules(region, type, new BankHolidayChanges(add, remove, moves)), problems) : (null, problems);
    }

    public static string Describe(UkRegion region) => region == UkRegion.NorthernIreland ? "Northern Ireland" : region.ToString();

    private static T ParseEnum<T>(string? value, T fallback, string key, string allowed, List<string> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        problems.Add($"{key} '{value}' is not known. Use {allowed}.");
        return fallback;
    }

    private static List<DateOnly> Dates(IConfigurationSection section, List<string> problems) =>
        section.GetChildren().Select(child => Date(child, problems)).OfType<DateOnly>().ToList();

    private static DateOnly? Date(IConfigurationSection section, List<string> problems)
    {
        if (section.Value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(section.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{section.Path} '{section.Value}' is not a date: write it as yyyy-MM-dd, e.g. 2027-06-14.");
        return null;
    }
}
