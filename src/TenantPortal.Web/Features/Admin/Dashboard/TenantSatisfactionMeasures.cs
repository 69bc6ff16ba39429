using System.Globalization;
using System.Text;

namespace TenantPortal.Web.Features.Admin.Dashboard;

/// <summary>One line of the measures table and of the annual return: the regulator's code and wording (or the portal's
/// own, clearly not a TSM), and the figure with its numerator and denominator.</summary>
public sealed record MeasureLine(string Code, string Measure, int Numerator, int Denominator, decimal? Result, string Display);

/// <summary>The measures in the order and wording of the Tenant Satisfaction Measures technical requirements (RP02,
/// CH01, CH02), then the portal's transactional measures, which are not the perception survey's TP02/TP03.</summary>
public static class TenantSatisfactionMeasures
{
    public static IReadOnlyList<MeasureLine> Lines(PeriodMeasures p) =>
    [
        Line("RP02(1)", "Proportion of non-emergency responsive repairs completed within the landlord's target timescale", p.Rp02NonEmergency),
        Line("RP02(2)", "Proportion of emergency responsive repairs completed within the landlord's target timescale", p.Rp02Emergency),
        Line("CH01(1)", "Number of stage one complaints received per 1,000 homes", p.Ch01Stage1),
        Line("CH01(2)", "Number of stage two complaints received per 1,000 homes", p.Ch01Stage2),
        Line("CH02(1)", "Proportion of stage one complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales", p.Ch02Stage1),
        Line("CH02(2)", "Proportion of stage two complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales", p.Ch02Stage2),
        Line("Portal: repair satisfaction", "Transactional satisfaction with the repair: share of \"How did we do?\" answers very or fairly satisfied, \"don't know\" excluded (not TP02)", p.SatisfiedWithRepair),
        Line("Portal: time satisfaction", "Transactional satisfaction with the time taken: share of \"How did we do?\" answers very or fairly satisfied, \"don't know\" excluded (not TP03)", p.SatisfiedWithTime),
        Line("Portal: recalls", "Recalls (repairs not fixed first time) raised, as a share of repairs completed", p.Recalls),
    ];

    /// <summary>The year's figures in the shape of the annual return: one row per measure with its numerator and denominator.</summary>
    public static string Csv(ReportingYear year, PeriodMeasures p)
    {
        var csv = new StringBuilder();
        csv.AppendLine("Reporting year,Code,Measure,Numerator,Denominator,Result");
        foreach (var line in Lines(p))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{year.Label},{Escape(line.Code)},{Escape(line.Measure)},{line.Numerator},{line.Denominator},{line.Result?.ToString("0.0", CultureInfo.InvariantCulture)}").AppendLine();
        }

        return csv.ToString();
    }

    private static MeasureLine Line(string code, string measure, Ratio r) => new(code, measure, r.Numerator, r.Denominator, r.Percent, r.ToString());

    private static MeasureLine Line(string code, string measure, Rate r) => new(code, measure, r.Count, r.Homes, r.PerThousand, r.ToString());

    private static string Escape(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
