namespace TenantPortal.Web.Infrastructure.Texts;

/// <summary>How many SMS fragments a text takes. GSM 03.38 (GSM-7): 160 characters in one message, 153 per fragment
/// when split, and the extension characters ^ { } \ [ ~ ] | € count twice. Any other character (an emoji, a curly
/// quote, most accented letters) makes the whole text UCS-2: 70 in one message, 67 per fragment.</summary>
public static class SmsLength
{
    public const int MaxFragments = 2;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>Septets for GSM-7, UTF-16 code units for UCS-2.</summary>
    public static int Units(string text) => IsGsm7(text) ? text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1) : text.Length;

    public static int Fragments(string text)
    {
        var units = Units(text);
        var (single, part) = IsGsm7(text) ? (160, 153) : (70, 67);
        return units == 0 ? 0 : units <= single ? 1 : (units + part - 1) / part;
    }
}
