using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Data.Housing;

/// <summary>The seam onto the landlord's housing management system: only the tables and columns the portal reads
/// and writes. To point it at a real HMS, change the entity configurations, not the features (docs/housing-database.md).</summary>
public abstract class HousingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Patch> Patches => Set<Patch>();
    public DbSet<Property> Properties => Set<Property>();
    public DbSet<Tenancy> Tenancies => Set<Tenancy>();
    public DbSet<TenancyCharge> TenancyCharges => Set<TenancyCharge>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<RentTransaction> RentTransactions => Set<RentTransaction>();
    public DbSet<RepairCatalogueItem> RepairCatalogue => Set<RepairCatalogueItem>();
    public DbSet<Repair> Repairs => Set<Repair>();
    public DbSet<RepairStatusChange> RepairStatusHistory => Set<RepairStatusChange>();
    public DbSet<AppointmentSlot> AppointmentSlots => Set<AppointmentSlot>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<RepairPhoto> RepairPhotos => Set<RepairPhoto>();
    public DbSet<RepairFeedback> RepairFeedback => Set<RepairFeedback>();
    public DbSet<ContactChange> ContactChanges => Set<ContactChange>();
    public DbSet<RepairReferenceCounter> RepairReferenceCounters => Set<RepairReferenceCounter>();
    public DbSet<RepairHazardCase> RepairHazardCases => Set<RepairHazardCase>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintStage> ComplaintStages => Set<ComplaintStage>();
    public DbSet<ComplaintLetter> ComplaintLetters => Set<ComplaintLetter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HousingDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.PatchConfiguration).Namespace);
        var provider = Database.IsSqlServer() ? DatabaseProvider.SqlServer : Database.IsNpgsql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        SearchKeys.Configure(modelBuilder, provider);
        Configurations.RepairHazardCaseConfiguration.ConfigureOpenCasesIndex(modelBuilder.Entity<RepairHazardCase>(), provider);
        HousingMapping.Apply(modelBuilder, Mapping, provider);
    }

    private static readonly HousingMappingOptions DefaultMapping = new();

    /// <summary>The mapping options this context's model is built with (<see cref="HousingMappingOptionsExtensions.UseHousingMapping"/>).</summary>
    public HousingMappingOptions Mapping => this.GetService<IDbContextOptions>().FindExtension<HousingMappingExtension>()?.Options ?? DefaultMapping;

    /// <summary>Records that <paramref name="entity"/> changed even when none of its own columns did (a child row added),
    /// so its concurrency token moves and a concurrent writer of the same row fails instead of overwriting.</summary>
    public void Touch(object entity)
    {
        var entry = Entry(entity);
        if (entry.State != EntityState.Unchanged)
        {
            return;
        }

        if (Mapping.Concurrency == HousingConcurrency.PortalColumn && entry.Metadata.FindProperty(HousingMapping.VersionProperty) is { } version)
        {
            entry.Property(version).IsModified = true;
        }
        else
        {
            // The database moves a rowversion / xmin on any update.
            entry.State = EntityState.Modified;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The one place the portal's Version columns get their values: new on every insert (unless a seed set
    /// one) and every update. With the HMS's rowversion the database does it and this does nothing.</summary>
    private void StampVersions()
    {
        if (Mapping.Concurrency != HousingConcurrency.PortalColumn)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Metadata.FindProperty(HousingMapping.VersionProperty) is not { ClrType: var type } property || type != typeof(Guid))
            {
                continue;
            }

            var value = entry.Property(property);
            if (entry.State == EntityState.Modified || (Guid)value.CurrentValue! == Guid.Empty)
            {
                value.CurrentValue = Guid.NewGuid();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // Enums are stored as text so the HMS tables read plainly and survive reordering.
        configurationBuilder.Properties<TenancyStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<TenantRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ContactMethod>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RentTransactionType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BenefitType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Trade>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RepairPriority>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RepairStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RepairChannel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<HazardType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SlotPeriod>().HaveConversion<string>().HaveMaxLength(2);
        configurationBuilder.Properties<AppointmentStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ChangeChannel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ComplaintTopic>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ComplaintChannel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ComplaintStatus>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ComplaintLetterKind>().HaveConversion<string>().HaveMaxLength(30);
    }
}

/// <summary>The housing context on SQLite, with its own migrations.</summary>
public sealed class SqliteHousingDbContext(DbContextOptions<SqliteHousingDbContext> options) : HousingDbContext(options);

/// <summary>The housing context on SQL Server, with its own migrations.</summary>
public sealed class SqlServerHousingDbContext(DbContextOptions<SqlServerHousingDbContext> options) : HousingDbContext(options);

/// <summary>The housing context on PostgreSQL, with its own migrations.</summary>
public sealed class PostgresHousingDbContext(DbContextOptions<PostgresHousingDbContext> options) : HousingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgresModel.QuoteNames(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        PostgresModel.Conventions(configurationBuilder);
    }
}
