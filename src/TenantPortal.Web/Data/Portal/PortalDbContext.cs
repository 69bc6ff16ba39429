using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TenantPortal.Web.Data.Portal;

/// <summary>The portal's own tables: Identity, payments, provider events, audit, data protection keys, outbox, the
/// state of unfinished multi-page forms, repair photos.
/// Kept apart from the housing database so a landlord can host them anywhere.</summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();
    public DbSet<PaymentDispute> PaymentDisputes => Set<PaymentDispute>();
    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> EmailOutbox => Set<OutboxMessage>();
    public DbSet<WorkerLease> WorkerLeases => Set<WorkerLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JourneyState> JourneyStates => Set<JourneyState>();
    public DbSet<KeptForm> KeptForms => Set<KeptForm>();
    public DbSet<StoredPhoto> Photos => Set<StoredPhoto>();
    public DbSet<StoredPhotoContent> PhotoContents => Set<StoredPhotoContent>();
    public DbSet<RightToRepairCase> RightToRepairCases => Set<RightToRepairCase>();
    public DbSet<RightToRepairNotice> RightToRepairNotices => Set<RightToRepairNotice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.PaymentAttemptConfiguration).Namespace);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<PaymentStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentProvider>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RefundStatus>().HaveConversion<string>().HaveMaxLength(20);
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>The portal context on SQL Server: its tables in schema <c>portal</c>, apart from the HMS's.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Housing.HousingMapping.PortalSchema);
    }
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Housing.HousingMapping.PortalSchema);
        PostgresModel.QuoteNames(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        PostgresModel.Conventions(configurationBuilder);
    }
}
