using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>How a household pays, and so how its rent account ends up.</summary>
internal enum PaymentProfile
{
    Clear,
    Credit,
    Arrears,
}

/// <summary>The household's paying habits, decided when the tenancy is planned.</summary>
/// <param name="EveryWeeks">1 (weekly), 2 (fortnightly) or 4 (four-weekly direct debit).</param>
/// <param name="TargetBalance">If set, the account is brought to exactly this balance at the end.</param>
/// <param name="MissedFinalPayments">If set, the household pays exactly what is due except for this many final
/// payments, with no random misses or adjustments (a predictable arrears figure).</param>
internal sealed record LedgerPlan(PaymentProfile Profile, int EveryWeeks, string Source, int Seed, decimal? TargetBalance = null, int? MissedFinalPayments = null);

/// <summary>Writes a tenancy's rent account: weekly charges on Mondays (none in rent-free weeks), benefit credits,
/// payments, the odd adjustment and refund. Sets the tenancy balance to the exact sum.</summary>
internal static class RentLedgerGenerator
{
    /// <summary>Rents go up on the first Monday in April, by this factor.</summary>
    private const decimal AnnualIncrease = 1.027m;

    public static List<RentTransaction> Generate(Tenancy tenancy, LedgerPlan plan, DateOnly historyStart, DateOnly today, DateTime balanceAt)
    {
        var rng = new Random(plan.Seed);
        var rows = new List<RentTransaction>();
        var from = tenancy.StartDate > historyStart ? tenancy.StartDate : historyStart;
        var to = tenancy.EndDate is { } end && end < today ? end : today;
        var weeklyCharges = tenancy.Charges.Sum(c => c.WeeklyAmount);
        var balance = 0m;

        void Post(DateOnly date, RentTransactionType type, decimal amount, string description, string source, string? reference = null)
        {
            rows.Add(new RentTransaction
            {
                TenancyId = tenancy.Id,
                Date = date,
                Type = type,
                Amount = amount,
                Description = description,
                Reference = reference,
                Source = source,
                CreatedAt = date.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
            });
            balance += amount;
        }

        var monday = from;
        while (monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);

        var week = 0;
        var scripted = plan.MissedFinalPayments is not null;
        var missFinalPayments = plan.MissedFinalPayments ?? (plan.Profile == PaymentProfile.Arrears ? rng.Next(1, 4) : 0);
        var payFactor = scripted ? 1m : plan.Profile switch
        {
            PaymentProfile.Arrears => 0.95m + (rng.Next(0, 5) / 100m),
            PaymentProfile.Credit => 1.01m + (rng.Next(0, 5) / 100m),
            _ => 1m,
        };
        var payDayOffset = plan.EveryWeeks switch { 1 => 4, 2 => 3, _ => 0 };
        var adjustmentWeek = !scripted && rng.Next(100) < 10 ? rng.Next(4, 200) : -1;
        var lastActivity = from;
        var totalWeeks = Math.Max(1, (to.DayNumber - monday.DayNumber) / 7 + 1);

        for (; monday <= to; monday = monday.AddDays(7), week++)
        {
            var priceFactor = PriceFactor(monday, today);
            var charge = Math.Round(weeklyCharges / priceFactor, 2);
            var benefit = Math.Round(tenancy.WeeklyBenefitAmount / priceFactor, 2);
            if (IsChargeWeek(monday, tenancy.ChargeWeeksPerYear))
            {
                Post(monday, RentTransactionType.Charge, charge, "Rent and charges", "HMS", $"W/C {monday:dd/MM/yyyy}");
                if (tenancy.BenefitType == BenefitType.HousingBenefit && benefit > 0)
                    Post(monday, RentTransactionType.HousingBenefit, -benefit, "Housing Benefit", "Council");
            }

            if (tenancy.BenefitType == BenefitType.UniversalCredit && benefit > 0 && week % 4 == 3)
                Post(monday, RentTransactionType.UniversalCredit, -benefit * 4, "Universal Credit housing costs", "DWP");

            if (week == adjustmentWeek)
            {
                if (rng.Next(2) == 0)
                    Post(monday, RentTransactionType.Compensation, -rng.Next(25, 151), "Compensation for a delayed repair", "HMS");
                else
                    Post(monday, RentTransactionType.Adjustment, rng.Next(40, 181) + 0.50m, "Rechargeable repair: damage to door", "HMS");
            }

            var payDay = monday.AddDays(payDayOffset);
            var weeksLeft = totalWeeks - week;
            if (week % plan.EveryWeeks == plan.EveryWeeks - 1 && payDay <= to)
            {
                var missed = weeksLeft <= missFinalPayments * plan.EveryWeeks
                    || (!scripted && plan.Profile == PaymentProfile.Arrears && rng.Next(100) < 4);
                var netWeekly = (charge * tenancy.ChargeWeeksPerYear / 52m) - benefit;
                var amount = Math.Round(netWeekly * plan.EveryWeeks * payFactor, 2);
                if (!missed && amount > 0)
                {
                    Post(payDay, RentTransactionType.Payment, -amount, PaymentDescription(plan.Source), plan.Source, PaymentReference(plan.Source, tenancy, week));
                    lastActivity = payDay;
                }
            }

            if (monday > lastActivity)
                lastActivity = monday;
        }

        var target = plan.TargetBalance ?? plan.Profile switch
        {
            PaymentProfile.Clear => 0m,
            PaymentProfile.Credit when balance > -5m => -rng.Next(5, 121) - 0.25m,
            PaymentProfile.Credit when balance < -600m => -rng.Next(20, 201),
            PaymentProfile.Arrears when balance <= 0m => rng.Next(40, 300) + 0.60m,
            _ => balance,
        };
        var difference = target - balance;
        if (difference < 0)
            Post(lastActivity, RentTransactionType.Payment, difference, PaymentDescription(plan.Source), plan.Source, PaymentReference(plan.Source, tenancy, week));
        else if (difference > 0 && balance < 0)
            Post(lastActivity, RentTransactionType.Refund, difference, "Refund of credit", "Bank", $"RFD{tenancy.Reference}");
        else if (difference > 0)
            Post(lastActivity, RentTransactionType.Adjustment, difference, "Court costs", "HMS");

        tenancy.Balance = balance;
        tenancy.BalanceUpdatedAt = balanceAt;
        return rows;
    }

    /// <summary>52 weeks: every Monday. 50: no charge in the last two weeks of March. 48: nor the two weeks around
    /// Christmas and New Year.</summary>
    public static bool IsChargeWeek(DateOnly monday, int chargeWeeksPerYear)
    {
        var lateMarch = monday is { Month: 3, Day: >= 18 };
        var christmas = monday is { Month: 12, Day: >= 19 } or { Month: 1, Day: 1 };
        return chargeWeeksPerYear switch
        {
            50 => !lateMarch,
            48 => !lateMarch && !christmas,
            _ => true,
        };
    }

    /// <summary>How many times today's price is the price on <paramref name="date"/>.</summary>
    private static decimal PriceFactor(DateOnly date, DateOnly today)
    {
        var factor = 1m;
        for (var year = date.Year; year <= today.Year; year++)
        {
            var increase = new DateOnly(year, 4, 1);
            while (increase.DayOfWeek != DayOfWeek.Monday)
                increase = increase.AddDays(1);
            if (increase > date && increase <= today)
                factor *= AnnualIncrease;
        }

        return factor;
    }

    private static string PaymentDescription(string source) => source switch
    {
        "DirectDebit" => "Payment: Direct Debit",
        "Card" => "Payment: card",
        "AllPay" => "Payment: AllPay card at a shop",
        _ => "Payment: bank transfer",
    };

    private static string PaymentReference(string source, Tenancy tenancy, int week) => source switch
    {
        "DirectDebit" => $"DD {tenancy.Reference}",
        "AllPay" => $"ALLPAY {week:D4}",
        _ => tenancy.Reference,
    };
}
