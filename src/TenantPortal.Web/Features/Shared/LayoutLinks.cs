using System.Collections.Concurrent;

namespace TenantPortal.Web.Features.Shared;

/// <summary>The layout's links (the header, both menus, the footer): the same on every page, so they are generated
/// from the routes once per path base and reused, instead of about fifteen route lookups on every request (issue 23).</summary>
public sealed record LayoutLinks(
    string Home,
    string SignOut,
    string Rent,
    string Repairs,
    string ContactDetails,
    string StaffDashboard,
    string StaffRepairs,
    string StaffComplaints,
    string StaffTenancies,
    string StaffPayments,
    string StaffLetters,
    string StaffOfficers,
    string StaffAudit,
    string Help,
    string Accessibility,
    string Privacy,
    string Cookies,
    string Complaints)
{
    public static LayoutLinks For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<LayoutLinksCache>().For(context.Request.PathBase);
    }
}

/// <summary>One <see cref="LayoutLinks"/> per path base (one in practice: the app's own).</summary>
public sealed class LayoutLinksCache(LinkGenerator links)
{
    private readonly ConcurrentDictionary<PathString, LayoutLinks> byPathBase = new();

    public LayoutLinks For(PathString pathBase) => byPathBase.GetOrAdd(pathBase, Create);

    private LayoutLinks Create(PathString pathBase)
    {
        string Link(string action, string controller, string area = "") =>
            links.GetPathByAction(action, controller, new { area }, pathBase)
            ?? throw new InvalidOperationException($"No route for {area}/{controller}/{action}");

        return new LayoutLinks(
            Home: Link("Index", "Home"),
            SignOut: Link("SignOutUser", "SignIn"),
            Rent: Link("Index", "Rent"),
            Repairs: Link("Index", "Repairs"),
            ContactDetails: Link("Index", "ContactDetails"),
            StaffDashboard: Link("Index", "Dashboard", "Admin"),
            StaffRepairs: Link("Index", "Repairs", "Admin"),
            StaffComplaints: Link("Index", "Complaints", "Admin"),
            StaffTenancies: Link("Index", "Tenancies", "Admin"),
            StaffPayments: Link("Index", "Payments", "Admin"),
            StaffLetters: Link("Index", "Letters", "Admin"),
            StaffOfficers: Link("Index", "Officers", "Admin"),
            StaffAudit: Link("Index", "Audit", "Admin"),
            Help: Link("Index", "Help"),
            Accessibility: Link("Accessibility", "Help"),
            Privacy: Link("Index", "Privacy"),
            Cookies: Link("Cookies", "Help"),
            Complaints: Link("Index", "Complaints"));
    }
}
