using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>The "from" and "to" dates of a list filter (admin repairs, payments, audit log). Dates outside 2000 to
/// 2099 are refused with a message next to the field (DateOnly.MaxValue plus a day, or a UK midnight in year 1, would
/// overflow) and left out of the query; the page still shows what was typed.</summary>
public static class DateRangeFilter
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>UTC bounds for "from the start of <paramref name="from"/>" and "before the day after
    /// <paramref name="to"/>", each null when not given or outside the allowed years.</summary>
    public static (DateTime? FromUtc, DateTime? BeforeUtc) Bounds(DateOnly? from, DateOnly? to) =>
        (from is { } f && Allowed(f) ? UkTime.StartOfDayUtc(f) : null,
         to is { } t && Allowed(t) ? UkTime.StartOfDayUtc(t.AddDays(1)) : null);

    /// <summary>Adds a message under <paramref name="fromKey"/> or <paramref name="toKey"/> for each date out of range,
    /// and for an end before the start. The keys are the filter's property names, as model binding spells them
    /// (ModelState keys ignore case and keep the first spelling), so the inputs' ids must be the same.</summary>
    public static void Validate(ModelStateDictionary state, DateOnly? from, DateOnly? to, string fromKey, string toKey)
    {
        if (from is { } f && !Allowed(f))
        {
            state.AddModelError(fromKey, "The start date must be between 1 January 2000 and 31 December 2099");
        }

        if (to is { } t && !Allowed(t))
        {
            state.AddModelError(toKey, "The end date must be between 1 January 2000 and 31 December 2099");
        }
        else if (from is { } start && to is { } end && Allowed(start) && end < start)
        {
            state.AddModelError(toKey, "The end date must be the same as or after the start date");
        }
    }

    private static bool Allowed(DateOnly date) => date >= Earliest && date <= Latest;
}
