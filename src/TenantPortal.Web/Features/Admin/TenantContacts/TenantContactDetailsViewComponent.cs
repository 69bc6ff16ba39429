using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Web.Features.Admin.TenantContacts;

/// <summary>Embeds one tenant's contact details and change history in any admin page:
/// <c>&lt;vc:tenant-contact-details tenant-id="@tenant.Id" /&gt;</c> (needs <c>@addTagHelper *, TenantPortal.Web</c>,
/// already in _ViewImports).</summary>
public sealed class TenantContactDetailsViewComponent(ContactDetailsService contacts) : ViewComponent
{
    public const string PartialPath = "~/Features/Admin/TenantContacts/_ContactDetailsAndHistory.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int tenantId, bool canEdit = true, int historyRows = 20)
    {
        var record = await contacts.FindAsync(tenantId);
        if (record is null)
        {
            return Content("");
        }

        var history = await contacts.HistoryAsync(tenantId, historyRows);
        return View(PartialPath, new ContactDetailsAndHistory { Record = record, History = history, CanEdit = canEdit });
    }
}
