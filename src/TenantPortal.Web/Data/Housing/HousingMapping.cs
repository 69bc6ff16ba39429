using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Data.Housing;

/// <summary>How the portal finds out that a row changed under it (docs/housing-database.md, "Concurrency").</summary>
public enum HousingConcurrency
{
    /// <summary>The portal's own <c>Version</c> column (uniqueidentifier / uuid / TEXT, with a database default so the
    /// HMS's inserts need not know it): <see cref="HousingDbContext"/> gives it a new value on every save.</summary>
    PortalColumn,

    /// <summary>The HMS's own row version: a SQL Server <c>rowversion</c>/<c>timestamp</c> column
    /// (<see cref="HousingMappingOptions.RowVersionColumn"/>), or PostgreSQL's <c>xmin</c> system column. The database
    /// changes it on every update, the HMS's own included; the portal adds no column.</summary>
    RowVersion,
}

/// <summary>The choices an existing HMS forces on the mapping, read from <c>Housing:Mapping</c> and handed to the
/// model through the context's options (<see cref="HousingMappingExtension"/>), so pooled contexts get them too. The
/// defaults are the portal's own schema (the migrations): portal Version columns, IDENTITY keys, nvarchar text, no
/// triggers.</summary>
public sealed class HousingMappingOptions
{
    public const string Section = "Housing:Mapping";

    public HousingConcurrency Concurrency { get; set; } = HousingConcurrency.PortalColumn;

    /// <summary>SQL Server: the HMS's rowversion column on Tenants, Repairs and Complaints (PostgreSQL always uses xmin).</summary>
    public string RowVersionColumn { get; set; } = "RowVersion";

    /// <summary>Table name → the HMS sequence its key comes from (e.g. <c>Repairs</c> → <c>hms.repair_id_seq</c>), instead of IDENTITY.</summary>
    public Dictionary<string, string> KeySequences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tables with triggers (audit, balance): EF then writes no bare <c>OUTPUT</c> clause, which SQL Server
    /// refuses on such a table (error 334).</summary>
    public List<string> TablesWithTriggers { get; set; } = [];

    /// <summary>Tables whose text columns are varchar, not nvarchar (<c>*</c> for every table), so parameters match
    /// the column type and indexes are used.</summary>
    public List<string> VarcharTables { get; set; } = [];

    /// <summary>True for the portal's own schema (what the housing migrations build).</summary>
    public bool IsDefault => Key == new HousingMappingOptions().Key;

    /// <summary>The options as one string: equal options, equal key (the model cache and EF's service provider cache use it).</summary>
    internal string Key => string.Join('|',
        Concurrency, RowVersionColumn,
        string.Join(',', KeySequences.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        string.Join(',', TablesWithTriggers.Order(StringComparer.Ordinal)),
        string.Join(',', VarcharTables.Order(StringComparer.Ordinal)));
}

/// <summary>A column the portal adds to an HMS table, with what the HMS's own INSERTs get when they leave it out
/// (null when the column is nullable).</summary>
public sealed record PortalColumn(Type Entity, string Property, string Table, string Column, object? Default, string Meaning);

/// <summary>Applies <see cref="HousingMappingOptions"/> and the portal's additions to the housing model. The one list
/// of what the portal adds to the HMS's tables is <see cref="PortalColumns"/>; the portal's own tables beside them are
/// <see cref="PortalTables"/> (schema <c>portal</c> on SQL Server and PostgreSQL). docs/housing-database.md shows the
/// DDL a DBA applies for them, and a test keeps the two in step.</summary>
public static class HousingMapping
{
    public const string PortalSchema = "portal";
    public const string VersionProperty = nameof(Repair.Version);

    /// <summary>Added by the portal and needed by no HMS: each is nullable or has a database default, so an HMS that
    /// inserts rows without naming them keeps working, and the portal reads such rows as described.</summary>
    public static IReadOnlyList<PortalColumn> PortalColumns { get; } =
    [
        new(typeof(Tenant), nameof(Tenant.Version), "Tenants", "Version", VersionDefault, "Concurrency token (or the HMS's rowversion instead)"),
        new(typeof(Tenancy), nameof(Tenancy.BalanceUpdatedAt), "Tenancies", "BalanceUpdatedAt", null, "When the portal last moved the balance; pages say nothing when null"),
        new(typeof(Repair), nameof(Repair.Version), "Repairs", "Version", VersionDefault, "Concurrency token (or the HMS's rowversion instead)"),
        new(typeof(Repair), nameof(Repair.Channel), "Repairs", "Channel", RepairChannel.Officer, "How it was reported (HMS rows: raised by staff)"),
        new(typeof(Repair), nameof(Repair.SubmissionKey), "Repairs", "SubmissionKey", null, "One job per submitted form (unique where not null)"),
        new(typeof(Repair), nameof(Repair.IsHazard), "Repairs", "IsHazard", false, "Awaab's Law hazard flag"),
        new(typeof(Repair), nameof(Repair.HazardType), "Repairs", "HazardType", HazardType.None, "Awaab's Law hazard kind"),
        new(typeof(Repair), nameof(Repair.InvestigateBy), "Repairs", "InvestigateBy", null, "Awaab's Law clock"),
        new(typeof(Repair), nameof(Repair.InvestigatedAt), "Repairs", "InvestigatedAt", null, "Awaab's Law clock"),
        new(typeof(Repair), nameof(Repair.WrittenSummaryBy), "Repairs", "WrittenSummaryBy", null, "Awaab's Law clock"),
        new(typeof(Repair), nameof(Repair.SafetyWorkBy), "Repairs", "SafetyWorkBy", null, "Awaab's Law clock"),
        new(typeof(Repair), nameof(Repair.FurtherWorkStartBy), "Repairs", "FurtherWorkStartBy", null, "Awaab's Law clock"),
        new(typeof(Repair), nameof(Repair.RecallOfRepairId), "Repairs", "RecallOfRepairId", null, "The repair a recall job redoes"),
        new(typeof(RepairStatusChange), nameof(RepairStatusChange.Channel), "RepairStatusHistory", "Channel", RepairChannel.Officer, "Who made the change (HMS rows: staff)"),
        new(typeof(RepairStatusChange), nameof(RepairStatusChange.NoteVisibleToTenant), "RepairStatusHistory", "NoteVisibleToTenant", false, "HMS notes stay internal"),
        new(typeof(ContactChange), nameof(ContactChange.Channel), "ContactChangeHistory", "Channel", ChangeChannel.Officer, "Who made the change (HMS rows: staff)"),
        new(typeof(AppointmentSlot), nameof(AppointmentSlot.BookedCount), "AppointmentSlots", "BookedCount", 0, "Places booked (conditional increment); map the HMS's own count if it has one"),
        new(typeof(Complaint), nameof(Complaint.Version), "Complaints", "Version", VersionDefault, "Concurrency token (or the HMS's rowversion instead)"),
    ];

    /// <summary>The portal's own tables in the housing database (no HMS has them): schema <c>portal</c> on SQL Server and PostgreSQL.</summary>
    public static IReadOnlyList<Type> PortalTables { get; } = [typeof(RepairReferenceCounter), typeof(RepairHazardCase)];

    /// <summary>Marks a database-generated new Guid in <see cref="PortalColumns"/>.</summary>
    private const string VersionDefault = "new id";

    internal static void Apply(ModelBuilder modelBuilder, HousingMappingOptions options, DatabaseProvider provider)
    {
        var sqlServer = provider == DatabaseProvider.SqlServer;
        var postgres = provider == DatabaseProvider.PostgreSql;
        var sqlite = provider == DatabaseProvider.Sqlite;

        if (!sqlite)
        {
            foreach (var type in PortalTables)
            {
                modelBuilder.Entity(type).ToTable(modelBuilder.Model.FindEntityType(type)!.GetTableName()!, PortalSchema);
            }
        }

        foreach (var column in PortalColumns)
        {
            var property = modelBuilder.Entity(column.Entity).Property(column.Property);
            if (column.Default is VersionDefault)
            {
                ApplyConcurrency(property, options, sqlServer, postgres);
            }
            else if (column.Default is not null)
            {
                // The HMS's inserts get the default; the portal always writes its own value (never the sentinel trap).
                property.HasDefaultValue(column.Default).ValueGeneratedNever();
            }
        }

        foreach (var (table, sequence) in options.KeySequences)
        {
            if (sqlite)
            {
                throw new NotSupportedException("Housing:Mapping:KeySequences needs SQL Server or PostgreSQL.");
            }

            var key = EntityForTable(modelBuilder, table).FindPrimaryKey()!.Properties.Single();
            key.SetDefaultValueSql(sqlServer ? $"NEXT VALUE FOR {sequence}" : $"nextval('{sequence}')");
            key.ValueGenerated = ValueGenerated.OnAdd;
            if (sqlServer)
            {
                key.SetValueGenerationStrategy(SqlServerValueGenerationStrategy.None);
            }
            else
            {
                key.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
            }
        }

        foreach (var table in options.TablesWithTriggers)
        {
            var entity = EntityForTable(modelBuilder, table);
            modelBuilder.Entity(entity.ClrType).ToTable(entity.GetTableName()!, entity.GetSchema(), t => t.HasTrigger($"{entity.GetTableName()}_HmsTrigger"));
        }

        var allVarchar = options.VarcharTables.Contains("*");
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => allVarchar || options.VarcharTables.Contains(e.GetTableName()!)))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) || p.GetValueConverter()?.ProviderClrType == typeof(string) || IsTextEnum(p)))
            {
                property.SetIsUnicode(false);
            }
        }

        foreach (var table in options.VarcharTables.Where(t => t != "*"))
        {
            EntityForTable(modelBuilder, table);
        }
    }

    private static bool IsTextEnum(IMutableProperty property) =>
        (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum && property.GetProviderClrType() == typeof(string);

    private static void ApplyConcurrency(PropertyBuilder property, HousingMappingOptions options, bool sqlServer, bool postgres)
    {
        if (options.Concurrency == HousingConcurrency.PortalColumn)
        {
            // A database default for the HMS's own inserts; the portal always writes its own value (HousingDbContext).
            property.IsConcurrencyToken().ValueGeneratedNever()
                .HasDefaultValueSql(sqlServer ? "NEWID()" : postgres ? "gen_random_uuid()" : SqliteNewGuid);
            return;
        }

        if (sqlServer)
        {
            // rowversion is 8 bytes; the entity's Guid carries them (the rest zero), so pages and forms are unchanged.
            property.HasColumnName(options.RowVersionColumn).HasColumnType("rowversion")
                .HasConversion(new ValueConverter<Guid, byte[]>(g => g.ToByteArray().AsSpan(0, 8).ToArray(), b => RowVersionGuid(b)))
                .IsRowVersion();
        }
        else if (postgres)
        {
            property.HasColumnName("xmin").HasColumnType("xid")
                .HasConversion(new ValueConverter<Guid, uint>(g => BitConverter.ToUInt32(g.ToByteArray(), 0), x => XminGuid(x)))
                .IsRowVersion();
        }
        else
        {
            throw new NotSupportedException("Housing:Mapping:Concurrency RowVersion needs SQL Server (rowversion) or PostgreSQL (xmin).");
        }
    }

    /// <summary>SQLite's default: a new random value in the text form EF writes Guids in (upper-case, hyphenated).</summary>
    private const string SqliteNewGuid =
        "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    private static Guid RowVersionGuid(byte[] rowVersion)
    {
        var bytes = new byte[16];
        rowVersion.CopyTo(bytes, 0);
        return new Guid(bytes);
    }

    private static Guid XminGuid(uint xmin)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(xmin).CopyTo(bytes, 0);
        return new Guid(bytes);
    }

    private static IMutableEntityType EntityForTable(ModelBuilder modelBuilder, string table) =>
        modelBuilder.Model.GetEntityTypes().FirstOrDefault(e => string.Equals(e.GetTableName(), table, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{HousingMappingOptions.Section}: no mapped table is called {table}."));
}

/// <summary>Carries <see cref="HousingMappingOptions"/> in the context's options, so the model is built with them and
/// cached per distinct options (the model cache key includes them; pooled contexts cannot take services in their
/// constructor).</summary>
public sealed class HousingMappingExtension(HousingMappingOptions options) : IDbContextOptionsExtension
{
    private ExtensionInfo? info;

    public HousingMappingOptions Options { get; } = options;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(HousingMappingExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new HousingMappingExtension Extension => (HousingMappingExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"HousingMapping={Extension.Options.Key} ";

        // The options change the model only, which the model cache key tells apart (HousingModelCacheKeyFactory):
        // every mapping shares EF's internal service provider, so no new one is built per option set.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["TenantPortal:HousingMapping"] = Extension.Options.Key;
    }
}

/// <summary>The model cache key includes the mapping options: two contexts with different options get different models.</summary>
internal sealed class HousingModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, context is HousingDbContext housing ? housing.Mapping.Key : string.Empty);
}

public static class HousingMappingOptionsExtensions
{
    /// <summary>Builds the housing model with <paramref name="mapping"/> (defaults when not called).</summary>
    public static DbContextOptionsBuilder UseHousingMapping(this DbContextOptionsBuilder builder, HousingMappingOptions mapping)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new HousingMappingExtension(mapping));
        return builder.ReplaceService<IModelCacheKeyFactory, HousingModelCacheKeyFactory>();
    }

    /// <inheritdoc cref="UseHousingMapping(DbContextOptionsBuilder, HousingMappingOptions)"/>
    public static DbContextOptionsBuilder<TContext> UseHousingMapping<TContext>(this DbContextOptionsBuilder<TContext> builder, HousingMappingOptions mapping)
        where TContext : HousingDbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)builder).UseHousingMapping(mapping);
}
