using System.ComponentModel.DataAnnotations;

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
            problems.Add($"Database:Provider '{database.Provider}' is not known. Use 'Sqlite' or 'SqlServer'.");
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
        if (demo.Seed && environment.IsProduction())
        {
            problems.Add("DemoData:Seed is true in Production. Demo data and demo accounts are never created in Production.");
        }

        return problems;
    }
}
