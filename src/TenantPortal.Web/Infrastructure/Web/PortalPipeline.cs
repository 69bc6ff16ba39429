using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Infrastructure.Web;

public static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Configuration.GetValue("Diagnostics:QueryCountHeader", false))
        {
            // Tests hold every page to a query budget by reading this header; off unless configured.
            app.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    var count = context.Items.TryGetValue(QueryCounter.ItemKey, out var n) ? (int)n! : 0;
                    context.Response.Headers["X-Query-Count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Asset URLs carry a version (asp-append-version), so browsers may keep them for a year.
            OnPrepareResponse = ctx =>
            {
                var versioned = ctx.Context.Request.Query.ContainsKey("v");
                ctx.Context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600";
            },
        });
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The app's own logger (compact JSON in Production), not the plain static start-up logger.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
        });

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapControllers();
        return app;
    }
}
