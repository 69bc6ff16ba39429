using System.Linq.Expressions;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Rules about a tenancy's household, written once for every query that needs them.</summary>
public static class Household
{
    /// <summary>Any tenant or household member has a cautionary alert (a vulnerable occupant, a risk to staff): the
    /// household gets a call-back instead of self-booking. Use inside a query as
    /// <c>db.Tenancies.Where(t => t.Id == tenancyId).Any(Household.HasCautionaryAlert)</c>; EF Core inlines it.</summary>
    public static readonly Expression<Func<Tenancy, bool>> HasCautionaryAlert =
        t => t.Tenants.Any(x => x.HasCautionaryAlert) || t.HouseholdMembers.Any(h => h.HasCautionaryAlert);
}
