using System.Net.Mail;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>Email addresses checked and kept in one form: trimmed, the domain in lower case (the part before the @
/// is kept as typed, since some mail servers treat it as case-sensitive).</summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;

    public sealed record Result(string? Address, string? Error)
    {
        public bool IsValid => Error is null;
    }

    public static Result Normalise(string input)
    {
        const string format = "Enter an email address in the correct format, like name@example.com";
        var text = input.Trim();
        if (text.Length > MaxLength)
        {
            return new(null, $"Email address must be {MaxLength} characters or fewer");
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace) || text.Contains(',', StringComparison.Ordinal)
            || !MailAddress.TryCreate(text, out var parsed) || !string.Equals(parsed.Address, text, StringComparison.Ordinal))
        {
            return new(null, format);
        }

        var local = text[..at];
        var domain = text[(at + 1)..].ToLowerInvariant();
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal)
            || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return new(null, format);
        }

        return new($"{local}@{domain}", null);
    }
}
