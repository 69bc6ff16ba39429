using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.ReportRepair;

public sealed record ChoiceOption(string Value, string Label, string? Hint = null);

/// <summary>A one-question page with radios (where, what, what is wrong, appointment).</summary>
public sealed class ChoicePage
{
    public required string Title { get; init; }
    /// <summary>What the question is about, shown above the title ("Damp or mould").</summary>
    public string? Caption { get; init; }
    public string? Hint { get; init; }
    public required string Action { get; init; }

    /// <summary>For "When can we come?": one week of times, shown before <see cref="Options"/> (then only "None of these").</summary>
    public Shared.SlotWeekRadios? Week { get; init; }
    public required IReadOnlyList<ChoiceOption> Options { get; init; }
    public string? Selected { get; init; }
    public bool Change { get; init; }
    public string? Notice { get; init; }
    public string ButtonText { get; init; } = "Continue";
}

public sealed class ChoiceForm
{
    public string? Choice { get; set; }
    public bool Change { get; set; }
}

public sealed class DescribeForm
{
    [Required(ErrorMessage = "Describe the problem")]
    [StringLength(1000, ErrorMessage = "The description must be 1,000 characters or fewer")]
    public string? Description { get; set; }
    public bool Change { get; set; }
    public string? Summary { get; set; }
}

public sealed class PhotosPage
{
    public required IReadOnlyList<DraftPhoto> Photos { get; init; }
    public int MaxPhotos { get; init; }
    public bool Change { get; init; }
}

public sealed class AccessForm
{
    [Required(ErrorMessage = "Enter who will be at home to let us in")]
    [StringLength(200, ErrorMessage = "Who will be at home must be 200 characters or fewer")]
    public string? WhoWillBeHome { get; set; }

    [StringLength(500, ErrorMessage = "Access notes must be 500 characters or fewer")]
    public string? AccessNotes { get; set; }

    [Required(ErrorMessage = "Enter a phone number we can call about this repair")]
    [RegularExpression(@"^\+?[0-9 ()-]{10,20}$", ErrorMessage = "Enter a phone number, like 07700 900 982 or 01632 960 001")]
    public string? ContactPhone { get; set; }
    public bool Change { get; set; }
}

/// <summary>What the appointment page says when the tenant can't choose a time.</summary>
public sealed class NoBookingPage
{
    public required string Message { get; init; }
    public bool Change { get; init; }
}

/// <summary>A row of the check page; <see cref="Step"/> is the question that changes it (none when it can't be changed).</summary>
public sealed record CheckRow(string Key, string Value, string? Step);

public sealed class CheckPage
{
    public required IReadOnlyList<CheckRow> Rows { get; init; }
    public required IReadOnlyList<DraftPhoto> Photos { get; init; }

    /// <summary>The catalogue's priority for the problem chosen (officers may set another one).</summary>
    public RepairPriority CataloguePriority { get; init; }

    /// <summary>The officer's priority and reason (named as the form posts them, see <see cref="ReportPriorityForm"/>).</summary>
    public RepairPriority? Priority { get; init; }
    public string? PriorityReason { get; init; }
}

/// <summary>An officer setting another priority than the catalogue's on the check page, with their reason.</summary>
public sealed class ReportPriorityForm
{
    public RepairPriority? Priority { get; set; }

    [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? PriorityReason { get; set; }
}

public sealed class ConfirmationPage
{
    public required string Reference { get; init; }
    public required string What { get; init; }
    public string? Appointment { get; init; }

    /// <summary>"None of these times suit me" was chosen: we call to arrange a time.</summary>
    public bool CallToArrange { get; init; }
    public required string WhatHappensNext { get; init; }
    /// <summary>How the tenant was told ("We've sent you a text message with these details."), from the notifications module.</summary>
    public string HowWeTold { get; init; } = "";
}

/// <summary>An emergency chosen online: call, don't report.</summary>
public sealed class CallUsPage
{
    public required string Item { get; init; }
    public required string Problem { get; init; }
    public bool IsGas { get; init; }
}

public sealed class AdvicePage
{
    public required string Item { get; init; }
    public required string Problem { get; init; }
    public required string Advice { get; init; }
}

internal static class CatalogueText
{
    public static string Describe(RepairCatalogueItem item) => $"{item.Item}: {item.Problem.ToLowerInvariant()}";
}
