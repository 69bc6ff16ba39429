using System.Data.Common;

namespace TenantPortal.Web.Infrastructure.Database;

public static class DatabaseFailure
{
    /// <summary>True when the exception (or one inside it) says the database could not be reached or used.</summary>
    public static bool Is(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }
}
