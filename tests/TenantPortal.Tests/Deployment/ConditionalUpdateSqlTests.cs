using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Tests.Deployment;

/// <summary>Under read committed snapshot (SQL Server) a condition checked in a SELECT, or in a subquery of the
/// UPDATE, reads a snapshot another instance may already have changed; only the UPDATE's own WHERE is re-evaluated
/// against the row it locks. So the lease, capacity and counter statements must carry their condition there, and
/// compute the new value in the UPDATE itself. The SQL is captured as EF sends it on SQLite; SQL Server's translation
/// of the same single-table ExecuteUpdate is <c>UPDATE [a] SET … FROM [Table] AS [a] WHERE …</c>: one table, no
/// subquery, the same WHERE.</summary>
public sealed class ConditionalUpdateSqlTests : IDisposable
{
    private readonly ConcurrentQueue<string> commands = new();
    private readonly PortalAppFactory factory;

    public ConditionalUpdateSqlTests()
    {
        var capture = new CommandCapture(commands);
        factory = new PortalAppFactory(services =>
        {
            services.AddSingleton(Mock.Of<IEmailSender>());
            services.ConfigureDbContext<SqliteHousingDbContext>(o => o.AddInterceptors(capture));
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(capture));
        });
    }

    [Fact]
    public async Task The_outbox_claim_checks_the_lease_and_that_the_message_is_unsent_in_the_updates_own_where()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            portal.EmailOutbox.Add(new OutboxMessage { To = $"claim-{Guid.NewGuid():N}@example.org", Subject = "Claim", Body = "Body", CreatedAt = factory.UtcNow });
            await portal.SaveChangesAsync();
        }

        commands.Clear();
        var worker = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(factory.Services);
        await worker.SendBatchAsync(CancellationToken.None);

        var where = OwnWhere(Update("EmailOutbox", "\"LeaseOwner\" = "));
        Assert.Contains("\"LeaseUntil\" IS NULL OR", where, StringComparison.Ordinal);
        Assert.Matches("\"LeaseUntil\" < @", where);
        Assert.Contains("\"SentAt\" IS NULL", where, StringComparison.Ordinal);
        Assert.Contains("\"FailedAt\" IS NULL", where, StringComparison.Ordinal);
        Assert.Matches("\"Id\" = @", where);
    }

    [Fact]
    public async Task Booking_a_slot_checks_its_capacity_in_the_updates_own_where_and_counts_in_the_update()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var slotId = await scope.ServiceProvider.GetRequiredService<HousingDbContext>().AppointmentSlots
                .Where(s => s.BookedCount < s.Capacity).Select(s => s.Id).FirstAsync();
            commands.Clear();
            var booking = scope.ServiceProvider.GetRequiredService<AppointmentBooking>();
            Assert.True(await booking.TryReserveAsync(slotId, CancellationToken.None));
            await booking.ReleaseAsync(slotId, CancellationToken.None);
        }

        var reserve = Update("AppointmentSlots", "+ 1");
        Assert.Matches("\"BookedCount\" < \"\\w+\"\\.\"Capacity\"", OwnWhere(reserve));
        Assert.Matches("SET \"BookedCount\" = \"\\w+\"\\.\"BookedCount\" \\+ 1", reserve);
        var release = Update("AppointmentSlots", "- 1");
        Assert.Matches("\"BookedCount\" > 0", OwnWhere(release));
    }

    [Fact]
    public async Task The_reference_counter_is_incremented_by_the_update_itself_for_the_years_row()
    {
        commands.Clear();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var references = scope.ServiceProvider.GetRequiredService<RepairReferenceGenerator>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await references.NextAsync(2031, CancellationToken.None);
            await references.NextAsync(2031, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var increment = Update("RepairReferenceCounters", "+ 1");
        Assert.Matches("SET \"LastSequence\" = \"\\w+\"\\.\"LastSequence\" \\+ 1", increment);
        Assert.Matches("\"Year\" = @", OwnWhere(increment));
    }

    public void Dispose() => factory.Dispose();

    /// <summary>The captured single-table UPDATE of <paramref name="table"/> whose text contains <paramref name="marker"/>.</summary>
    private string Update(string table, string marker)
    {
        var update = commands.FirstOrDefault(c => c.TrimStart().StartsWith($"UPDATE \"{table}\"", StringComparison.Ordinal) && c.Contains(marker, StringComparison.Ordinal));
        Assert.True(update is not null, $"no UPDATE of {table} with '{marker}' among:\n{string.Join("\n---\n", commands)}");
        return update;
    }

    /// <summary>The UPDATE's own WHERE: the statement must not read through a subquery or a join (FROM/SELECT), where
    /// a snapshot read could pass a row another instance has just changed.</summary>
    private static string OwnWhere(string update)
    {
        Assert.DoesNotContain("SELECT", update, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" FROM ", update, StringComparison.OrdinalIgnoreCase);
        var where = update.IndexOf("WHERE", StringComparison.Ordinal);
        Assert.True(where > 0, $"the UPDATE has no WHERE: {update}");
        return update[where..];
    }

    private sealed class CommandCapture(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
