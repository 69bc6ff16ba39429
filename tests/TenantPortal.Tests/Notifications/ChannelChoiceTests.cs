using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;

namespace TenantPortal.Tests.Notifications;

/// <summary>The rule (docs/notifications.md): the preferred way if they agreed to it, then the next way they agreed
/// to (email, then text), and a letter when nothing else is allowed. Checked for every combination of preference,
/// both consents and whether an email address and a mobile number are held (4 x 2 x 2 x 2 x 2 = 64).</summary>
public sealed class ChannelChoiceTests
{
    public static TheoryData<ContactMethod, bool, bool, bool, bool> EveryCombination()
    {
        var data = new TheoryData<ContactMethod, bool, bool, bool, bool>();
        foreach (var preferred in Enum.GetValues<ContactMethod>())
        {
            foreach (var emails in new[] { false, true })
            {
                foreach (var texts in new[] { false, true })
                {
                    foreach (var hasEmail in new[] { false, true })
                    {
                        foreach (var hasMobile in new[] { false, true })
                        {
                            data.Add(preferred, emails, texts, hasEmail, hasMobile);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void The_channel_is_the_preferred_one_if_agreed_then_the_next_agreed_then_a_letter(ContactMethod preferred, bool agreesToEmails, bool agreesToTexts, bool hasEmail, bool hasMobile)
    {
        var contact = Contact(preferred, agreesToEmails, agreesToTexts, hasEmail, hasMobile);
        var mayEmail = agreesToEmails && hasEmail;
        var mayText = agreesToTexts && hasMobile;

        var channel = ChannelChoice.Choose(contact);

        // Never a way they refused (or we can't use).
        Assert.False(channel == MessageChannel.Email && !mayEmail, "emailed without consent or address");
        Assert.False(channel == MessageChannel.Text && !mayText, "texted without consent or number");
        var expected = preferred switch
        {
            ContactMethod.Email when mayEmail => MessageChannel.Email,
            ContactMethod.Text when mayText => MessageChannel.Text,
            ContactMethod.Letter => MessageChannel.Letter,
            _ when mayEmail => MessageChannel.Email,
            _ when mayText => MessageChannel.Text,
            _ => MessageChannel.Letter,
        };
        Assert.Equal(expected, channel);
    }

    [Theory]
    [InlineData(ContactMethod.Email, false, true, MessageChannel.Text)]
    [InlineData(ContactMethod.Email, false, false, MessageChannel.Letter)]
    [InlineData(ContactMethod.Text, true, false, MessageChannel.Email)]
    [InlineData(ContactMethod.Text, true, true, MessageChannel.Text)]
    [InlineData(ContactMethod.Phone, false, true, MessageChannel.Text)]
    [InlineData(ContactMethod.Phone, true, true, MessageChannel.Email)]
    [InlineData(ContactMethod.Letter, true, true, MessageChannel.Letter)]
    public void Worked_examples_of_the_rule(ContactMethod preferred, bool agreesToEmails, bool agreesToTexts, MessageChannel expected)
    {
        var channel = ChannelChoice.Choose(Contact(preferred, agreesToEmails, agreesToTexts, hasEmail: true, hasMobile: true));

        Assert.Equal(expected, channel);
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void The_reminder_goes_by_text_when_agreed_else_email_and_never_by_letter(ContactMethod preferred, bool agreesToEmails, bool agreesToTexts, bool hasEmail, bool hasMobile)
    {
        var contact = Contact(preferred, agreesToEmails, agreesToTexts, hasEmail, hasMobile);

        var channel = ChannelChoice.ChooseForReminder(contact);

        MessageChannel? expected = agreesToTexts && hasMobile ? MessageChannel.Text
            : agreesToEmails && hasEmail && preferred != ContactMethod.Letter ? MessageChannel.Email
            : null;
        Assert.Equal(expected, channel);
    }

    private static ContactPreferences Contact(ContactMethod preferred, bool agreesToEmails, bool agreesToTexts, bool hasEmail, bool hasMobile) =>
        new(preferred, agreesToEmails, agreesToTexts, hasEmail ? "alex@example.org" : null, hasMobile ? "+447700900123" : null);
}
