using PhoneNumbers;

namespace TenantPortal.Web.Features.ContactDetails;

public enum PhoneKind { Mobile, Any }

/// <summary>UK phone numbers in one standard form: typed nationally ("07700 900123") or internationally
/// ("+44 7700 900123"), stored as E.164 ("+447700900123"), shown in national format.</summary>
public static class UkPhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Numbering regions that share the UK's +44 plan (Great Britain, Guernsey, Jersey, Isle of Man).</summary>
    private static readonly HashSet<string> UkRegions = ["GB", "GG", "JE", "IM"];

    public sealed record Result(string? E164, string? Error)
    {
        public bool IsValid => Error is null;
    }

    /// <summary>Validates and normalises what was typed. <paramref name="label"/> starts the error messages
    /// ("Mobile number"). Empty input is not handled here (the caller decides whether the number is optional).</summary>
    public static Result Normalise(string input, PhoneKind kind, string label)
    {
        var text = input.Trim();
        if (text.Length > 30 || text.Count(char.IsDigit) < 7)
        {
            return new(null, $"Enter a {label.ToLowerInvariant()} in the right format, like 07700 900123");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, "GB");
        }
        catch (NumberParseException)
        {
            return new(null, $"Enter a {label.ToLowerInvariant()} in the right format, like 07700 900123");
        }

        var drama = IsOfcomDramaMobile(number);
        if (!drama && !Util.IsValidNumber(number))
        {
            return new(null, $"Enter a {label.ToLowerInvariant()} in the right format, like 07700 900123");
        }

        if (!drama && !UkRegions.Contains(Util.GetRegionCodeForNumber(number) ?? ""))
        {
            return new(null, $"Enter a UK {label.ToLowerInvariant()}. Call us if you only have a number from another country");
        }

        if (kind == PhoneKind.Mobile && !drama && Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return new(null, "Enter a mobile number, starting 07. Add a landline as your home phone number");
        }

        return new(Util.Format(number, PhoneNumberFormat.E164), null);
    }

    /// <summary>07700 900000 to 07700 900999: Ofcom's mobile range reserved for drama and examples, which
    /// libphonenumber calls invalid. Accepted so the demo data and examples work; no real phone has one.</summary>
    private static bool IsOfcomDramaMobile(PhoneNumber number) =>
        number.CountryCode == 44 && number.NationalNumber is >= 7700900000UL and <= 7700900999UL;

    /// <summary>"+447700900123" as "07700 900123"; anything unparseable is shown as stored.</summary>
    public static string Display(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return "";
        }

        try
        {
            return Util.Format(Util.Parse(stored, "GB"), PhoneNumberFormat.NATIONAL);
        }
        catch (NumberParseException)
        {
            return stored;
        }
    }
}
