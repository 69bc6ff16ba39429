using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace TenantPortal.Web.Infrastructure.Web;

public static class LoggingSetup
{
    /// <summary>Structured request logging. Paths only, never query strings or bodies, so no personal data is logged.
    /// Production writes compact JSON to the console and a rolling file.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        var logFolder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:FileFolder"] ?? "App_Data/logs");
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (production)
            {
                logger.WriteTo.Console(new CompactJsonFormatter())
                    .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logFolder, "portal-.json"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            }
            else
            {
                logger.WriteTo.Console();
            }
        }, preserveStaticLogger: true); // several hosts in one process (tests) must not each freeze the static bootstrap logger
    }
}
