using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Tests.ContactDetails;

public sealed class ContactValidationTests
{
    [Theory]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("07700900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("+44 (0)7700 900123", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData(" 07700-900-123 ", "+447700900123")]
    public void Mobile_numbers_in_any_common_form_are_stored_as_E164(string typed, string stored)
    {
        var result = UkPhoneNumbers.Normalise(typed, PhoneKind.Mobile, "Mobile number");

        Assert.Null(result.Error);
        Assert.Equal(stored, result.E164);
    }

    [Theory]
    [InlineData("0161 496 0123", PhoneKind.Mobile, "Enter a mobile number, starting 07. Add a landline as your home phone number")]
    [InlineData("0161 496 0123", PhoneKind.Any, null)]
    [InlineData("020 7946 0000", PhoneKind.Any, null)]
    [InlineData("07700 900", PhoneKind.Mobile, "Enter a mobile number in the right format, like 07700 900123")]
    [InlineData("ring me", PhoneKind.Any, "Enter a mobile number in the right format, like 07700 900123")]
    [InlineData("+1 202 555 0143", PhoneKind.Any, "Enter a UK mobile number. Call us if you only have a number from another country")]
    public void Phone_numbers_are_checked_for_the_kind_of_number(string typed, PhoneKind kind, string? error)
    {
        Assert.Equal(error, UkPhoneNumbers.Normalise(typed, kind, "Mobile number").Error);
    }

    [Theory]
    [InlineData("+447700900123", "07700 900123")]
    [InlineData("+441614960123", "0161 496 0123")]
    [InlineData("+442079460000", "020 7946 0000")]
    [InlineData(null, "")]
    public void Stored_numbers_are_shown_in_national_format(string? stored, string shown)
    {
        Assert.Equal(shown, UkPhoneNumbers.Display(stored));
    }

    [Theory]
    [InlineData("  Alex.Morgan@Example.ORG ", "Alex.Morgan@example.org")]
    [InlineData("a+b@mail.example.co.uk", "a+b@mail.example.co.uk")]
    public void Email_addresses_are_trimmed_with_the_domain_in_lower_case(string typed, string stored)
    {
        Assert.Equal(stored, EmailAddresses.Normalise(typed).Address);
    }

    [Theory]
    [InlineData("alex")]
    [InlineData("alex@")]
    [InlineData("@example.org")]
    [InlineData("alex@example")]
    [InlineData("alex morgan@example.org")]
    [InlineData("Alex <alex@example.org>")]
    [InlineData("alex@example..org")]
    [InlineData("a@b.c,d@e.f")]
    public void Malformed_email_addresses_are_refused(string typed)
    {
        Assert.Equal("Enter an email address in the correct format, like name@example.com", EmailAddresses.Normalise(typed).Error);
    }

    [Fact]
    public void Text_answers_are_trimmed_limited_and_empty_means_none()
    {
        var advocate = ContactItems.Find("advocate")!;

        Assert.Equal(("Jo Smith", (string?)null), advocate.Parse("  Jo Smith \t"));
        Assert.Equal(((string?)null, (string?)null), advocate.Parse("   "));
        Assert.Equal("Someone who speaks for you must be 200 characters or fewer", advocate.Parse(new string('x', 201)).Error);
        Assert.Equal("None", advocate.Display(null));
    }

    [Theory]
    [InlineData("preferred-contact", "Carrier pigeon")]
    [InlineData("preferred-contact", "5")]
    [InlineData("preferred-contact", "")]
    [InlineData("texts", "maybe")]
    [InlineData("texts", "")]
    public void Choices_outside_the_options_are_refused(string slug, string posted)
    {
        Assert.NotNull(ContactItems.Find(slug)!.Parse(posted).Error);
    }

    [Fact]
    public void The_preferred_way_to_contact_must_be_one_we_can_use()
    {
        var none = new ContactSnapshot(null, null, null, ContactMethod.Letter, false, false, false, null, null, null);

        Assert.Null(none.CrossFieldProblem());
        Assert.Equal("MobilePhone", (none with { PreferredContactMethod = ContactMethod.Text }).CrossFieldProblem()?.Field);
        Assert.Equal("Email", (none with { PreferredContactMethod = ContactMethod.Email }).CrossFieldProblem()?.Field);
        Assert.Null((none with { PreferredContactMethod = ContactMethod.Phone, HomePhone = "+441614960123" }).CrossFieldProblem());
    }

    [Fact]
    public void Differences_list_only_changed_fields_as_stored_text()
    {
        var before = new ContactSnapshot("+447700900123", null, "a@example.org", ContactMethod.Letter, false, false, false, null, null, null);

        var changes = before.Differences(before with { PreferredContactMethod = ContactMethod.Text, AgreesToTexts = true });

        Assert.Equal([("PreferredContactMethod", "Letter", "Text"), ("AgreesToTexts", "No", "Yes")], changes.Select(c => (c.Field, c.Old, c.New)));
    }

    [Fact]
    public void Email_change_links_expire_after_24_hours_and_cannot_be_altered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var tokens = new EmailChangeTokens(new EphemeralDataProtectionProvider(), clock);
        var token = tokens.Create(new EmailChangeRequest(7, "new@example.org", "old@example.org", "Alex", ChangeChannel.Portal,
            clock.GetUtcNow().UtcDateTime.Add(EmailChangeTokens.Lifetime), null, null, Guid.NewGuid()));

        Assert.Equal("new@example.org", tokens.Read(token)?.NewEmail);
        Assert.DoesNotContain("example", token, StringComparison.Ordinal);
        Assert.Null(tokens.Read(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromSeconds(1)));
        Assert.Null(tokens.Read(token));
    }
}
