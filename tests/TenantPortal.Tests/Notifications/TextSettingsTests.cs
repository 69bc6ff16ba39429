using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Tests.Notifications;

/// <summary>Text provider secrets are checked at start-up, with one message per problem and no secret in it.</summary>
public sealed class TextSettingsTests
{
    [Theory]
    [InlineData("GovukNotify", "Texts:NotifyApiKey is missing")]
    [InlineData("GovukNotify", "Texts:NotifySmsTemplateId must be the id of a Notify text message template")]
    [InlineData("Twilio", "Texts:TwilioAccountSid is missing")]
    [InlineData("Twilio", "Texts:TwilioAuthToken is missing")]
    [InlineData("Twilio", "Texts:TwilioFrom (a number in E.164) or Texts:TwilioMessagingServiceSid is needed")]
    [InlineData("Carrier pigeon", "Texts:Provider 'Carrier pigeon' is not known")]
    public void A_provider_without_its_settings_is_refused_at_start_up(string provider, string expected)
    {
        var problems = Validate(new() { ["Texts:Provider"] = provider }, Environments.Development);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_notify_callback_token_shorter_than_notify_allows_is_refused_at_start_up_without_naming_it()
    {
        var problems = Validate(new() { ["Texts:Provider"] = "GovukNotify", ["Texts:NotifyCallbackToken"] = "tiny-1" }, Environments.Development);

        Assert.Contains("Texts:NotifyCallbackToken must be at least 10 characters (Notify's minimum for a bearer token).", problems);
        Assert.DoesNotContain(problems, p => p.Contains("tiny-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pop3", null, "Email:Bounces:UserName and Email:Bounces:Password are needed to read the bounce mailbox.")]
    [InlineData("Carrier pigeon", "secret", "Email:Bounces:Protocol 'Carrier pigeon' is not known. Use 'Pop3' or 'Imap'.")]
    public void A_bounce_mailbox_without_its_settings_is_refused_at_start_up(string protocol, string? password, string expected)
    {
        var problems = Validate(new() { ["Email:Bounces:Host"] = "mail.example.org", ["Email:Bounces:Protocol"] = protocol, ["Email:Bounces:UserName"] = "bounces", ["Email:Bounces:Password"] = password }, Environments.Development);

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void No_bounce_mailbox_is_read_unless_a_host_is_set()
    {
        var problems = Validate(new() { ["Email:Bounces:Protocol"] = "Carrier pigeon" }, Environments.Development);

        Assert.DoesNotContain(problems, p => p.StartsWith("Email:Bounces", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_refuses_texts_written_to_files()
    {
        var problems = Validate(new() { ["Texts:Provider"] = "File" }, Environments.Production);

        Assert.Contains("Texts:Provider must be 'GovukNotify' or 'Twilio' in Production: files in a folder reach nobody.", problems);
    }

    [Fact]
    public void A_complete_Notify_configuration_has_no_text_problems_and_names_no_secret()
    {
        const string key = "portal_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

        var problems = Validate(new()
        {
            ["Texts:Provider"] = "GovukNotify",
            ["Texts:NotifyApiKey"] = key,
            ["Texts:NotifySmsTemplateId"] = "f33517ff-2a88-4f6e-b855-c550268ce08a",
        }, Environments.Development);

        Assert.DoesNotContain(problems, p => p.StartsWith("Texts:", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_production_test_settings_pass_the_text_checks()
    {
        var settings = ProductionSettings.ForFactory();

        var problems = Validate(settings, Environments.Production);

        Assert.DoesNotContain(problems, p => p.StartsWith("Texts:", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values, string environment)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var host = new Mock<IHostEnvironment>();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        return StartupConfigurationValidator.Validate(configuration, host.Object);
    }
}
