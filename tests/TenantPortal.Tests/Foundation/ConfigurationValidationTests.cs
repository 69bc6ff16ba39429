using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Tests.Foundation;

public sealed class ConfigurationValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Housing"] = "Data Source=a.db",
        ["ConnectionStrings:Portal"] = "Data Source=a.db",
        ["Landlord:Name"] = "Northgate Homes",
        ["Landlord:PhoneNumber"] = "0300 123 4567",
        ["Landlord:EmergencyPhoneNumber"] = "0300 123 4999",
        ["Accounts:PublicBaseUrl"] = "http://localhost:5000",
    };

    [Fact]
    public void Validate_ValidSettings_NoProblems()
    {
        Assert.Empty(Validate(Valid));
    }

    [Fact]
    public void Validate_UnknownProvider_SaysWhichValuesWork()
    {
        var problems = Validate(With("Database:Provider", "Oracle"));

        Assert.Contains("Database:Provider 'Oracle' is not known. Use 'Sqlite', 'SqlServer' or 'PostgreSql'.", problems);
    }

    [Fact]
    public void Validate_MissingConnectionString_NamesTheSettingAndEnvironmentVariable()
    {
        var problems = Validate(With("ConnectionStrings:Portal", null));

        Assert.Contains(problems, p => p.Contains("ConnectionStrings:Portal", StringComparison.Ordinal) && p.Contains("ConnectionStrings__Portal", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DemoDataInProduction_Refused()
    {
        var problems = Validate(With("DemoData:Seed", "true"), Environments.Production);

        Assert.Contains(problems, p => p.StartsWith("DemoData:Seed is true in Production", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_start_time_for_the_clock_is_refused_outside_Development(string environment)
    {
        var problems = Validate(With("Clock:Start", "2026-11-10T10:00:00Z"), environment);

        Assert.Contains(problems, p => p.StartsWith($"Clock:Start is set in {environment}.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_time_for_the_clock_in_Development_must_be_an_instant()
    {
        Assert.DoesNotContain(Validate(With("Clock:Start", "2026-11-10T10:00:00Z"), Environments.Development), p => p.StartsWith("Clock:Start", StringComparison.Ordinal));
        Assert.Contains(Validate(With("Clock:Start", "next Tuesday"), Environments.Development), p => p.StartsWith("Clock:Start 'next Tuesday' is not", StringComparison.Ordinal));
    }

    [Fact]
    public void A_started_clock_begins_at_its_start_and_then_runs_at_the_normal_rate()
    {
        var start = new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);
        var clock = Assert.IsType<TenantPortal.Web.Infrastructure.Clock.StartedClock>(
            TenantPortal.Web.Infrastructure.Clock.ClockSettings.Create(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:Start"] = "2026-11-10T10:00:00Z" }).Build()));

        var now = clock.GetUtcNow();

        Assert.InRange(now - start, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Same(TimeProvider.System, TenantPortal.Web.Infrastructure.Clock.ClockSettings.Create(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void Validate_ProductionWithFileEmail_Refused()
    {
        var problems = Validate(Valid, Environments.Production);

        Assert.Contains("Email:Delivery must be 'Smtp' in Production: files in a folder reach nobody.", problems);
    }

    [Fact]
    public void Validate_ProductionWithStripeKeyButNoWebhookSecret_Refused()
    {
        var settings = With("Stripe:SecretKey", "sk_live_x");
        settings["Stripe:PublishableKey"] = "pk_live_x";
        settings["Email:Delivery"] = "Smtp";
        settings["Email:SmtpHost"] = "smtp.example.org";
        settings["Accounts:PublicBaseUrl"] = "https://portal.example.org";
        settings["DataProtection:CertificateBase64"] = ProductionSettings.CertificateBase64;
        settings["DataProtection:CertificatePassword"] = ProductionSettings.CertificatePassword;
        WithTexts(settings);

        var problems = Validate(settings, Environments.Production);

        Assert.Single(problems);
        Assert.StartsWith("Stripe:WebhookSecret is missing", problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pk_test_abc", "pk_test_abc", "whsec_abc", "Stripe:SecretKey does not look like a Stripe secret key")]
    [InlineData("sk_test_abc", "sk_test_abc", "whsec_abc", "Stripe:PublishableKey does not look like a Stripe publishable key")]
    [InlineData("sk_test_abc", "pk_test_abc", "sk_test_abc", "Stripe:WebhookSecret does not look like a webhook signing secret")]
    [InlineData("sk_live_abc", "pk_test_abc", "whsec_abc", "Stripe:SecretKey is a live key but Stripe:PublishableKey is a test key")]
    [InlineData("rk_test_abc", "pk_live_abc", "whsec_abc", "Stripe:SecretKey is a test key but Stripe:PublishableKey is a live key")]
    [InlineData("sk_test_abc", null, "whsec_abc", "Stripe:PublishableKey is missing")]
    [InlineData(null, "pk_test_abc", null, "Stripe:SecretKey is missing")]
    public void Validate_StripeKeysOfTheWrongKindOrMode_ExplainedAtStartUp(string? secret, string? publishable, string? webhook, string expected)
    {
        var settings = With("Stripe:SecretKey", secret);
        settings["Stripe:PublishableKey"] = publishable;
        settings["Stripe:WebhookSecret"] = webhook;

        var problems = Validate(settings);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => (secret != null && p.Contains(secret, StringComparison.Ordinal)) || (publishable != null && p.Contains(publishable, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("sk_live_abc", "pk_live_abc", null, true)]
    [InlineData("rk_live_abc", "pk_live_abc", null, true)]
    [InlineData("sk_test_abc", "pk_test_abc", null, false)]
    [InlineData("sk_test_abc", "pk_test_abc", "true", true)]
    public void Validate_ProductionRefusesTestKeysUnlessItIsATestEnvironment(string secret, string publishable, string? testEnvironment, bool accepted)
    {
        var settings = With("Stripe:SecretKey", secret);
        settings["Stripe:PublishableKey"] = publishable;
        settings["Stripe:WebhookSecret"] = "whsec_abc";
        settings["Stripe:TestEnvironment"] = testEnvironment;
        settings["Email:Delivery"] = "Smtp";
        settings["Email:SmtpHost"] = "smtp.example.org";
        settings["Accounts:PublicBaseUrl"] = "https://portal.example.org";
        settings["DataProtection:CertificateBase64"] = Infrastructure.ProductionSettings.CertificateBase64;
        settings["DataProtection:CertificatePassword"] = Infrastructure.ProductionSettings.CertificatePassword;
        WithTexts(settings);

        var problems = Validate(settings, Environments.Production);

        Assert.Equal(accepted, problems.Count == 0);
        Assert.Equal(!accepted, problems.Any(p => p.StartsWith("Stripe test keys are set in Production", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://portal.example.org")]
    [InlineData("portal.example.org")]
    public void Validate_ProductionWithoutAnHttpsPublicBaseUrl_Refused(string? publicBaseUrl)
    {
        var problems = Validate(With("Accounts:PublicBaseUrl", publicBaseUrl), Environments.Production);

        Assert.Contains(problems, p => p.StartsWith("Accounts:PublicBaseUrl must be the portal's https address", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoPublicBaseUrlOutsideProduction_Refused()
    {
        var problems = Validate(With("Accounts:PublicBaseUrl", null));

        Assert.Contains(problems, p => p.StartsWith("Accounts:PublicBaseUrl must be the portal's address", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ProductionWithoutADataProtectionCertificate_Refused()
    {
        var problems = Validate(Valid, Environments.Production);

        Assert.Contains(problems, p => p.StartsWith("DataProtection:CertificatePath (or DataProtection:CertificateBase64) is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://cdn.example.org/logo.png")]
    [InlineData("//cdn.example.org/logo.png")]
    [InlineData("logo.png")]
    public void Validate_LogoFromAnotherSite_RefusedBecauseTheCspWouldBlockIt(string logo)
    {
        var problems = Validate(With("Landlord:LogoUrl", logo));

        Assert.Contains(problems, p => p.StartsWith("Landlord:LogoUrl must be a path on this site", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accessibility_statement_that_claims_full_compliance_while_listing_problems_is_refused()
    {
        var settings = With("Landlord:Accessibility:Compliance", "Fully");
        settings["Landlord:Accessibility:KnownIssues:0"] = "Photos have no description.";

        var problems = Validate(settings);

        Assert.Contains(problems, p => p.StartsWith("Landlord:Accessibility:Compliance is Fully but KnownIssues lists problems", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accessibility_status_the_regulations_do_not_have_is_refused()
    {
        var problems = Validate(With("Landlord:Accessibility:Compliance", "Mostly"));

        Assert.Contains("Landlord:Accessibility:Compliance must be Fully, Partially or Not.", problems);
    }

    [Fact]
    public void Validate_ProductionSmtpWithoutHost_Refused()
    {
        var settings = With("Email:Delivery", "Smtp");
        settings["Accounts:PublicBaseUrl"] = "https://portal.example.org";
        settings["DataProtection:CertificateBase64"] = ProductionSettings.CertificateBase64;
        settings["DataProtection:CertificatePassword"] = ProductionSettings.CertificatePassword;
        WithTexts(settings);

        var problems = Validate(settings, Environments.Production);

        Assert.Equal(["Email:SmtpHost is missing: set the SMTP server's host name."], problems);
    }

    [Fact]
    public void Validate_DemoDataOnAStagingServer_Refused()
    {
        var problems = Validate(With("DemoData:Seed", "true"), Environments.Staging);

        Assert.Contains(problems, p => p.StartsWith("DemoData:Seed is true in Staging", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadBrandColour_Explained()
    {
        var problems = Validate(With("Landlord:BrandColour", "blue"));

        Assert.Contains("Landlord:BrandColour must be a hex colour like #1d4f91.", problems);
    }

    [Fact]
    public async Task App_refuses_to_start_with_an_unknown_provider()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Database:Provider 'Oracle' is not known", error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static Dictionary<string, string?> With(string key, string? value) => new(Valid) { [key] = value };

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values, string environment = "Development")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var host = new Mock<IHostEnvironment>();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        return StartupConfigurationValidator.Validate(configuration, host.Object);
    }

    private static void WithTexts(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in ProductionSettings.Texts)
        {
            settings[key] = value;
        }
    }
}
