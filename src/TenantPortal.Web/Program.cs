using Serilog;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Web;

// `sql-script housing|portal FILE`: write the idempotent SQL Server script a DBA runs (docs/deployment.md), then stop.
if (SqlServerScripts.TryRun(args))
{
    return;
}

// A plain (not reloadable) start-up logger: several hosts in one process, as in the tests, must not share one.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    var problems = StartupConfigurationValidator.Validate(builder.Configuration, builder.Environment);
    if (problems.Count > 0)
    {
        throw new InvalidOperationException("The portal's configuration is not valid:\n - " + string.Join("\n - ", problems));
    }

    builder.AddPortalLogging();
    builder.Services.AddPortal(builder.Configuration, builder.Environment);

    var app = builder.Build();
    app.UsePortal();

    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal failed to start");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
