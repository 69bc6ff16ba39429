using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Shared;

/// <summary>The model of _SlotWeek.cshtml: the week shown, the radios' name, the slot chosen and the address of another
/// week's page.</summary>
public sealed record SlotWeekRadios(SlotWeekPage Page, string Name, int? Selected, Func<int, string> WeekHref);
