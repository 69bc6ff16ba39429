using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The answers to "How did we do?": satisfied/dissatisfied with "don't know" (transactional satisfaction).</summary>
public static class SatisfactionScale
{
    public static readonly IReadOnlyList<(int Value, string Label)> Options =
    [
        ((int)Satisfaction.VerySatisfied, "Very satisfied"),
        ((int)Satisfaction.FairlySatisfied, "Fairly satisfied"),
        ((int)Satisfaction.Neither, "Neither satisfied nor dissatisfied"),
        ((int)Satisfaction.FairlyDissatisfied, "Fairly dissatisfied"),
        ((int)Satisfaction.VeryDissatisfied, "Very dissatisfied"),
        ((int)Satisfaction.DontKnow, "Don't know"),
    ];

    public static string Label(int value) => Options.FirstOrDefault(o => o.Value == value).Label ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsDissatisfied(int? value) => value is (int)Satisfaction.VeryDissatisfied or (int)Satisfaction.FairlyDissatisfied;
}
