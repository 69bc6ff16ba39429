using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Data;

// `dotnet ef` builds each provider's context through these, so migrations for every provider can be made on a
// machine without SQL Server or PostgreSQL. The connection strings are never opened.
internal sealed class SqliteHousingDesignFactory : IDesignTimeDbContextFactory<SqliteHousingDbContext>
{
    public SqliteHousingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable(DatabaseRegistration.HousingMigrationsTable)).Options);
}

internal sealed class SqlServerHousingDesignFactory : IDesignTimeDbContextFactory<SqlServerHousingDbContext>
{
    public SqlServerHousingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHousingDbContext>()
            .UseSqlServer("Server=.;Database=TenantPortal;Trusted_Connection=True", s => s.MigrationsHistoryTable(DatabaseRegistration.HousingMigrationsTable, DatabaseRegistration.SqlServerHistorySchema)).Options);
}

internal sealed class SqlitePortalDesignFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable(DatabaseRegistration.PortalMigrationsTable)).Options);
}

internal sealed class SqlServerPortalDesignFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=.;Database=TenantPortal;Trusted_Connection=True", s => s.MigrationsHistoryTable(DatabaseRegistration.PortalMigrationsTable, DatabaseRegistration.SqlServerHistorySchema)).Options);
}

internal sealed class PostgresHousingDesignFactory : IDesignTimeDbContextFactory<PostgresHousingDbContext>
{
    public PostgresHousingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHousingDbContext>()
            .UseNpgsql("Host=localhost;Database=tenantportal", s => s.MigrationsHistoryTable(DatabaseRegistration.HousingMigrationsTable, DatabaseRegistration.PostgresHistorySchema)).Options);
}

internal sealed class PostgresPortalDesignFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=tenantportal", s => s.MigrationsHistoryTable(DatabaseRegistration.PortalMigrationsTable, DatabaseRegistration.PostgresHistorySchema)).Options);
}
