using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>The request's one connection when both contexts use the same database. The first context leased in the
/// request (they are pooled) opens it from <see cref="ConnectionString"/>, so EF creates and prepares it as its own
/// (SQLite's decimal functions, for one); the other context is given that same connection. EF opens and closes it as
/// needed; the first context disposes it when the request ends.</summary>
public sealed class SharedConnection(DatabaseProvider provider, string connectionString)
{
    private DbConnection? connection;

    public DatabaseProvider Provider => provider;

    public string ConnectionString => connectionString;

    /// <summary>Puts a context just taken from its pool on this request's connection.</summary>
    public void Join(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (connection is null)
        {
            // The pooled context may still point at an earlier request's connection: drop it, then let EF create one.
            context.Database.SetDbConnection(null);
            context.Database.SetConnectionString(connectionString);
            connection = context.Database.GetDbConnection();
        }
        else
        {
            context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        }
    }
}
