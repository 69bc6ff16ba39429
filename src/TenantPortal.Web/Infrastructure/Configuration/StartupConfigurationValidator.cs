using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Infrastructure.Configuration;

/// <summary>Checks configuration before anything else starts, and stops with one clear message per problem.</summary>
public static class StartupConfigurationValidator
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!Enum.TryParse<DatabaseProvider>(database.Provider, ignoreCase: true, out _))
        {
            problems.Add($"Database:Provider '{database.Provider}' is not known. Use 'Sqlite', 'SqlServer' or 'PostgreSql'.");
        }

        foreach (var name in new[] { "Housing", "Portal" })
        {
            if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(name)))
            {
                problems.Add($"ConnectionStrings:{name} is missing. Set it in appsettings.json or the environment variable ConnectionStrings__{name}.");
            }
        }

        var landlord = configuration.GetSection(LandlordOptions.Section).Get<LandlordOptions>() ?? new LandlordOptions();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(landlord, new ValidationContext(landlord), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => r.ErrorMessage ?? "Landlord settings are invalid."));

        var demo = configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>() ?? new DemoDataOptions();
        if (demo.Seed && !environment.IsDevelopment())
        {
            // The demo accounts' passwords and authenticator keys are public (README): Development only.
            problems.Add($"DemoData:Seed is true in {environment.EnvironmentName}. Demo data and demo accounts, whose passwords are public, are only created in Development.");
        }

        problems.AddRange(Features.Repairs.LandlordRules.Problems(configuration));
        problems.AddRange(Clock.ClockSettings.Problems(configuration, environment));
        // Every link in every message is built from it, never from a request's (forgeable) Host header.
        if (!environment.IsProduction() && !Uri.TryCreate(configuration["Accounts:PublicBaseUrl"], UriKind.Absolute, out _))
        {
            problems.Add("Accounts:PublicBaseUrl must be the portal's address (e.g. http://localhost:5000 on a developer's machine): links in emails are built from it.");
        }
        var stripe = configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions();
        problems.AddRange(stripe.Problems(environment.IsProduction()));
        var texts = configuration.GetSection(Texts.TextOptions.Section).Get<Texts.TextOptions>() ?? new Texts.TextOptions();
        problems.AddRange(texts.Problems(environment.IsProduction()));
        problems.AddRange((configuration.GetSection(Email.Bounces.BounceMailboxOptions.Section).Get<Email.Bounces.BounceMailboxOptions>() ?? new()).Problems());

        if (environment.IsProduction())
        {
            problems.AddRange(ProductionProblems(configuration));
        }

        return problems;
    }

    /// <summary>Production must not run with settings only fit for a developer's machine.</summary>
    private static IEnumerable<string> ProductionProblems(IConfiguration configuration)
    {
        var email = configuration.GetSection("Email");
        if (!string.Equals(email["Delivery"], "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            yield return "Email:Delivery must be 'Smtp' in Production: files in a folder reach nobody.";
        }
        else if (string.IsNullOrWhiteSpace(email["SmtpHost"]))
        {
            yield return "Email:SmtpHost is missing: set the SMTP server's host name.";
        }

        // Links in emails (confirm, reset password, invitations) must never be built from a request's Host header.
        var publicBaseUrl = configuration["Accounts:PublicBaseUrl"];
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Accounts:PublicBaseUrl must be the portal's https address in Production (e.g. https://portal.example.org): links in emails are built from it.";
        }

        if (KeyRingProtection.Problem(configuration) is { } keyRing)
        {
            yield return keyRing;
        }

        var stripe = configuration.GetSection("Stripe");
        if (!string.IsNullOrWhiteSpace(stripe["SecretKey"]) && string.IsNullOrWhiteSpace(stripe["WebhookSecret"]))
        {
            yield return "Stripe:WebhookSecret is missing while Stripe:SecretKey is set: payments could never be confirmed by webhook.";
        }
    }
}
