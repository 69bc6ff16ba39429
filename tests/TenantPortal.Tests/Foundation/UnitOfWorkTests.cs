using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Foundation;

/// <summary>One transaction per use case: the use case says commit or roll back, and a use case inside another can
/// never leave half of the outer one behind.</summary>
public sealed class UnitOfWorkTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task A_use_case_that_commits_keeps_its_writes()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (unitOfWork, housing) = Services(scope);

        var value = await unitOfWork.ExecuteAsync(async c =>
        {
            housing.Patches.Add(new Patch { Code = "UOWC", Name = "Committed" });
            await housing.SaveChangesAsync(c);
            return UnitOfWork.Commit(42);
        });

        Assert.Equal(42, value);
        Assert.True(await app.Factory.HousingAsync(db => db.Patches.AnyAsync(p => p.Code == "UOWC")));
    }

    [Fact]
    public async Task A_use_case_that_rolls_back_inside_another_undoes_both_and_forgets_what_was_tracked()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (unitOfWork, housing) = Services(scope);

        var value = await unitOfWork.ExecuteAsync(async c =>
        {
            housing.Patches.Add(new Patch { Code = "UOWO", Name = "Outer" });
            await housing.SaveChangesAsync(c);
            var inner = await unitOfWork.ExecuteAsync(async c2 =>
            {
                housing.Patches.Add(new Patch { Code = "UOWI", Name = "Inner" });
                await housing.SaveChangesAsync(c2);
                return UnitOfWork.Rollback("slot taken");
            }, c);
            return UnitOfWork.Commit(inner); // the outer one asks to commit: the inner rollback wins
        });

        Assert.Equal("slot taken", value);
        Assert.False(await app.Factory.HousingAsync(db => db.Patches.AnyAsync(p => p.Code == "UOWO" || p.Code == "UOWI")));
        Assert.Empty(housing.ChangeTracker.Entries());

        var next = await unitOfWork.ExecuteAsync(async c =>
        {
            housing.Patches.Add(new Patch { Code = "UOWN", Name = "Next use case" });
            await housing.SaveChangesAsync(c);
            return UnitOfWork.Commit(true);
        });
        Assert.True(next && await app.Factory.HousingAsync(db => db.Patches.AnyAsync(p => p.Code == "UOWN")));
    }

    [Fact]
    public async Task A_use_case_that_throws_undoes_its_writes_and_forgets_what_was_tracked_so_the_caller_can_read_again()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (unitOfWork, housing) = Services(scope);

        var thrown = await Assert.ThrowsAsync<DbUpdateException>(() => unitOfWork.ExecuteAsync(async c =>
        {
            housing.Patches.Add(new Patch { Code = "UOWT", Name = "Saved, then undone" });
            await housing.SaveChangesAsync(c);
            housing.Patches.Add(new Patch { Code = "UOWT", Name = "A second writer's row the unique code refuses" });
            await housing.SaveChangesAsync(c);
            return UnitOfWork.Commit(true);
        }));

        Assert.NotNull(thrown);
        Assert.Empty(housing.ChangeTracker.Entries());
        Assert.False(await app.Factory.HousingAsync(db => db.Patches.AnyAsync(p => p.Code == "UOWT")));
    }

    private static (PortalUnitOfWork UnitOfWork, HousingDbContext Housing) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<PortalUnitOfWork>(), scope.ServiceProvider.GetRequiredService<HousingDbContext>());
}
