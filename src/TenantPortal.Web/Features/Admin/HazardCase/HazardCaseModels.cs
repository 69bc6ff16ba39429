using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Admin.HazardCase;

/// <summary>The form of one hazard step. Every field is optional here: the controller checks the ones its step needs,
/// in the order they appear on the page. Date and time are what the officer typed (UK time), kept as typed.</summary>
public sealed class HazardStepForm
{
    public Guid Version { get; set; }

    public string? Date { get; set; }

    public string? Time { get; set; }

    public HazardType? Kind { get; set; }

    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    public string? InvestigatedBy { get; set; }

    /// <summary>"hazard" or "none".</summary>
    public string? Outcome { get; set; }

    [StringLength(2000, ErrorMessage = "The findings must be 2,000 characters or fewer")]
    public string? Findings { get; set; }

    public bool FurtherWorkNeeded { get; set; }

    [StringLength(1000, ErrorMessage = "The notes must be 1,000 characters or fewer")]
    public string? Notes { get; set; }

    [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? Reason { get; set; }

    /// <summary>A form that starts at the given UK time (the page offers "now"; the officer changes it for something earlier).</summary>
    public static HazardStepForm At(Guid version, DateTime nowUtc)
    {
        var uk = UkTime.ToUk(nowUtc);
        return new HazardStepForm
        {
            Version = version,
            Date = uk.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = uk.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }
}

public static class HazardOutcomes
{
    public const string Hazard = "hazard";
    public const string None = "none";
}

/// <summary>The steps of the case with their deadlines, and one form per step (the names are the form prefixes).</summary>
public sealed class HazardCasePage
{
    public const string Classify = nameof(Classify);
    public const string Declassify = nameof(Declassify);
    public const string Aware = nameof(Aware);
    public const string Investigation = nameof(Investigation);
    public const string Summary = nameof(Summary);
    public const string SafetyWork = nameof(SafetyWork);
    public const string FurtherWork = nameof(FurtherWork);

    public required string Reference { get; init; }
    public required Guid Version { get; init; }
    public required string What { get; init; }
    public required string Address { get; init; }
    public required RepairStatus Status { get; init; }
    public required DateTime ReportedAt { get; init; }
    public RepairHazardCase? Case { get; init; }
    public IReadOnlyList<HazardStep> Steps { get; init; } = [];
    public required DateTime Now { get; init; }
    public string? SummaryPreview { get; set; }
    public string? Message { get; set; }

    public Dictionary<string, HazardStepForm> Forms { get; } = [];

    public HazardStepForm Form(string step) => Forms[step];

    public bool IsOpen => Case is { IsOpen: true };
}
