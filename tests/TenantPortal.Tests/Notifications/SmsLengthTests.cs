using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>GSM 03.38: 160 GSM-7 characters fit one SMS, 153 per fragment when split; extension characters count two;
/// one non-GSM character makes the text UCS-2: 70 in one, 67 per fragment. Every text we send fits in two.</summary>
public sealed class SmsLengthTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_texts_split_at_160_then_every_153(int length, int fragments)
    {
        var text = new string('a', length);

        Assert.True(SmsLength.IsGsm7(text));
        Assert.Equal(fragments, SmsLength.Fragments(text));
    }

    [Fact]
    public void Extension_characters_count_as_two()
    {
        var text = new string('a', 158) + "€";

        Assert.Equal(160, SmsLength.Units(text));
        Assert.Equal(1, SmsLength.Fragments(text));
        Assert.Equal(2, SmsLength.Fragments(text + "a"));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_curly_apostrophe_makes_a_text_unicode_split_at_70_then_every_67(int length, int fragments)
    {
        var text = "’" + new string('a', length - 1);

        Assert.False(SmsLength.IsGsm7(text));
        Assert.Equal(fragments, SmsLength.Fragments(text));
    }

    public static TheoryData<string, string> EveryText()
    {
        // The longest of each part: a long landlord name, a long repair description, the longest slot wording.
        var m = NotificationTestData.Messages("Northgate and District Homes Association");
        const string reference = "R2026-00123";
        const string what = "Communal entrance door entry system: door entry handset not working at all";
        const string slot = "Wednesday 30 September, afternoon (12pm to 6pm)";
        var data = new TheoryData<string, string>
        {
            { "repair reported", m.RepairReported(reference, what, slot, "We aim to fix it by Friday 20 November 2026.").Text },
            { "appointment booked", m.AppointmentBooked(reference, what, slot).Text },
            { "appointment changed", m.AppointmentChanged(reference, what, slot).Text },
            { "appointment cancelled", m.AppointmentCancelled(reference, what, slot).Text },
            { "reminder", m.AppointmentReminder(reference, what, slot).Text },
            { "status changed", m.StatusChanged(reference, what, "has been cancelled", "We could not get in").Text },
            { "updated", m.Updated(reference, what, "We have changed the priority").Text },
            { "completed", m.Completed(reference, what, "Replaced the washer").Text },
            { "note for the tenant", m.NoteAdded(reference, what, new string('x', 1000)).Text },
            { "payment", m.PaymentReceived("£1,234.56", "30 September 2026", "T-000123", "PAY-ABCDEFGH").Text },
            { "refund", m.Refunded("£1,234.56", "PAY-ABCDEFGH", "T-000123").Text },
            { "refund failed", m.RefundFailed("£1,234.56", "PAY-ABCDEFGH", "T-000123").Text },
            { "cancelled by the tenant", m.RepairCancelledByTenant(reference, what).Text },
            { "recall raised", m.RecallRaised("R2026-00124", reference, what, "Wednesday 30 September 2026").Text },
            { "written summary", m.WrittenSummary(reference, "Alexandra-Josephine", "We found black mould.").Text },
        };
        foreach (var (stage, kind) in ComplaintStages())
        {
            data.Add($"complaint {kind} at stage {stage.CurrentStage}", m.Complaint(stage.Reference, "we need more time", "The letter", ComplaintMessages.TextSentence(stage, kind)).Text);
        }

        return data;
    }

    /// <summary>A complaint at each stage with the longest dates ("Wednesday 30 September 2026").</summary>
    private static IEnumerable<(Complaint Complaint, ComplaintLetterKind Kind)> ComplaintStages()
    {
        foreach (var stage in new[] { 1, 2 })
        {
            var complaint = new Complaint { Reference = "CMP-123456", Description = "x", LoggedBy = "x", CurrentStage = stage };
            complaint.Stages.Add(new ComplaintStage { Stage = stage, AcknowledgeBy = new DateOnly(2026, 9, 30), RespondBy = new DateOnly(2026, 9, 30) });
            foreach (var kind in Enum.GetValues<ComplaintLetterKind>())
            {
                yield return (complaint, kind);
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryText))]
    public void Every_text_fits_in_two_GSM7_fragments_with_the_longest_names(string message, string text)
    {
        Assert.True(SmsLength.IsGsm7(text), $"{message}: not GSM-7, would be sent as Unicode: {text}");
        Assert.True(SmsLength.Fragments(text) <= SmsLength.MaxFragments, $"{message}: {SmsLength.Units(text)} characters: {text}");
        Assert.Contains("Northgate and District Homes Association", text, StringComparison.Ordinal);
    }
}
