using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Texts;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>What each message about the home says, in one place. Every message names the landlord, the repair in
/// plain words ("Kitchen tap: dripping") and links to the exact page, built only from Accounts:PublicBaseUrl. Texts
/// keep to two SMS fragments: the repair's words are shortened in texts when they are long.</summary>
public sealed class TenantMessages(IOptions<LandlordOptions> landlord, PublicLinks links)
{
    /// <summary>Longest repair description a text carries ("Kitchen tap: dripping"); longer ones end in "...".</summary>
    public const int TextWhatLength = 40;

    private string Name => landlord.Value.Name;

    private string Phone => landlord.Value.PhoneNumber;

    public string RepairLink(string reference) => links.Absolute($"/repairs/{reference}");

    public string AppointmentLink(string reference) => links.Absolute($"/repairs/{reference}/appointment");

    public string FeedbackLink(string reference) => links.Absolute($"/repairs/{reference}/feedback");

    /// <summary>The path of the "it's not fixed" page (<c>NotFixedController</c>: a recall) for a repair, linked from
    /// the completion message.</summary>
    public static readonly Func<string, string> NotFixedPage = r => $"/repairs/{r}/not-fixed";

    public string NotFixedLink(string reference) => links.Absolute(NotFixedPage(reference));

    public string ComplaintLink(string reference) => links.Absolute($"/complaints/{reference}");

    public TenantMessage RepairReported(string reference, string what, string? appointment, string nextSteps) => new(
        $"Repair {reference}: we have your report",
        $"""
        Thank you for reporting a repair to {Name}.

        Your reference: {reference}
        What: {what}

        {(appointment is null ? nextSteps : $"Your appointment: {appointment}. Someone aged 18 or over needs to be at home. You can change or cancel it online until 6pm the day before.")}

        See your repair: {RepairLink(reference)}

        If things get worse, call us on {Phone}. For emergencies call {landlord.Value.EmergencyPhoneNumber} at any time.
        """,
        $"{Name}: we have your repair {reference} ({Short(what)}).{(appointment is null ? "" : $" Appointment: {appointment}.")} {RepairLink(reference)}");

    public TenantMessage AppointmentBooked(string reference, string what, string appointment) => Appointment(reference, what,
        "booked", $"Your appointment for repair {reference} is {appointment}.", $"Appointment booked for repair {reference}: {appointment}.");

    public TenantMessage AppointmentChanged(string reference, string what, string appointment) => Appointment(reference, what,
        "changed", $"Your appointment for repair {reference} has changed. The new time is {appointment}. The old time no longer applies.",
        $"Repair {reference} appointment changed to {appointment}.");

    public TenantMessage AppointmentCancelled(string reference, string what, string appointment) => new(
        $"Repair {reference}: appointment cancelled",
        $"""
        Your appointment for repair {reference} ({what}) on {appointment} has been cancelled.

        To choose a new time or see what happens next: {RepairLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: your appointment on {appointment} for repair {reference} is cancelled. {RepairLink(reference)}");

    public TenantMessage AppointmentReminder(string reference, string what, string appointment) => new(
        $"Repair {reference}: your appointment is tomorrow",
        $"""
        A reminder: our operative comes tomorrow, {appointment}, for repair {reference} ({what}). Someone aged 18 or over needs to be at home.

        Can't be in? Change or cancel the appointment online until 6pm today: {AppointmentLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: reminder, we come tomorrow, {appointment}, for repair {reference} ({Short(what)}). To change it by 6pm today: {AppointmentLink(reference)}");

    public TenantMessage StatusChanged(string reference, string what, string statusWords, string? note) => new(
        $"Your repair {reference} {statusWords}",
        $"""
        Your repair {reference} ({what}) {statusWords}.
        {(note is null ? "" : $"\nA note from us: {note}\n")}
        See the details: {RepairLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        Fit($"{Name}: your repair {reference} ({Short(what)}) {statusWords}.{(note is null ? "" : $" Note: {note}")} {RepairLink(reference)}",
            $"{Name}: your repair {reference} ({Short(what)}) {statusWords}.{(note is null ? "" : " We added a note.")} {RepairLink(reference)}"));

    public TenantMessage Updated(string reference, string what, string sentence) => new(
        $"Your repair {reference} has been updated",
        $"""
        {sentence}. This is about repair {reference} ({what}).

        See the details: {RepairLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        Fit($"{Name}: repair {reference} ({Short(what)}): {sentence}. {RepairLink(reference)}",
            $"{Name}: repair {reference} ({Short(what)}) updated. {RepairLink(reference)}"));

    public TenantMessage Completed(string reference, string what, string? note)
    {
        var notFixed = NotFixedLink(reference);
        return new(
            $"Your repair {reference} has been completed",
            $"""
            Your repair {reference} ({what}) has been completed.
            {(note is null ? "" : $"\nA note from us: {note}\n")}
            How did we do? Tell us in a minute: {FeedbackLink(reference)}

            If it's not fixed, tell us: {notFixed}

            {Name}
            """,
            Fit($"{Name}: repair {reference} ({Short(what)}) is done.{(note is null ? "" : $" Note: {note}")} How did we do? {FeedbackLink(reference)}",
                $"{Name}: repair {reference} ({Short(what)}) is done. How did we do? {FeedbackLink(reference)}"));
    }

    /// <summary>An officer added a note for the tenant without changing anything else on the repair.</summary>
    public TenantMessage NoteAdded(string reference, string what, string note) => new(
        $"Repair {reference}: a note from {Name}",
        $"""
        We have added a note to your repair {reference} ({what}):

        {note}

        See your repair: {RepairLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        Fit($"{Name}: a note about repair {reference} ({Short(what)}): {note} {RepairLink(reference)}",
            $"{Name}: we added a note to repair {reference} ({Short(what)}). Read it: {RepairLink(reference)}"));

    /// <summary>The tenant cancelled the whole repair themselves (any booked appointment with it).</summary>
    public TenantMessage RepairCancelledByTenant(string reference, string what) => new(
        $"Repair {reference}: you cancelled it",
        $"""
        You cancelled repair {reference} ({what}). Any appointment for it is cancelled too, so nobody will come.

        If you still need it, report a new repair or call us on {Phone}. See the cancelled repair: {RepairLink(reference)}

        {Name}
        """,
        $"{Name}: you cancelled repair {reference} ({Short(what)}). Nobody will come. Still need it? Call {Phone}. {RepairLink(reference)}");

    /// <summary>Awaab's Law: the written summary of the investigation (the whole of it by email or letter; a text says
    /// it has been written and links to the repair page, where the tenant reads it).</summary>
    public TenantMessage WrittenSummary(string reference, string firstName, string summary) => new(
        $"Repair {reference}: written summary of our investigation",
        $"""
        Dear {firstName},

        {summary}

        You can read this summary at any time on your repair's page: {RepairLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: we have written to you about what we found when we investigated repair {reference}. Read it: {RepairLink(reference)}");

    /// <summary>"It's not fixed": the recall job raised to put the original repair right.</summary>
    public TenantMessage RecallRaised(string recallReference, string originalReference, string what, string targetDate) => new(
        $"Repair {recallReference}: we will come back to repair {originalReference}",
        $"""
        Repair {originalReference} ({what}) was not fixed. We have raised a new job to put it right: {recallReference}.

        We aim to finish it by {targetDate}. See the new job and book a time: {RepairLink(recallReference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: repair {originalReference} was not fixed, so we raised job {recallReference} ({Short(what)}) to finish by {targetDate}. {RepairLink(recallReference)}");

    /// <summary>A stage of a complaint: the letter kept with the complaint (<paramref name="letter"/>), and a text that
    /// says what happened and links to the complaint page, where the whole letter is.</summary>
    public TenantMessage Complaint(string reference, string heading, string letter, string textSentence) => new(
        $"Complaint {reference}: {heading}",
        $"""
        {letter}

        Follow your complaint online: {ComplaintLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: complaint {reference}: {textSentence} {ComplaintLink(reference)}");

    public TenantMessage PaymentReceived(string amount, string date, string tenancyReference, string paymentReference) => new(
        $"We have received your rent payment of {amount}",
        $"""
        Thank you. {Name} has received your payment of {amount} on {date}.

        Tenancy reference: {tenancyReference}
        Payment reference: {paymentReference}

        It is already in your rent account: {links.Absolute("/rent/statement")}

        If you did not make this payment, call us on {Phone}.
        """,
        $"{Name}: thank you, we received your rent payment of {amount} on {date}, reference {paymentReference}. {links.Absolute("/rent/statement")}");

    public TenantMessage Refunded(string amount, string paymentReference, string tenancyReference) => new(
        $"We have refunded {amount}",
        $"""
        {Name} has refunded {amount} of your rent payment {paymentReference} to the card or bank account you paid with.

        It can take 5 to 10 working days to reach you. Your rent account (tenancy reference {tenancyReference}) shows the refund: {links.Absolute("/rent/statement")}

        If you did not expect this, call us on {Phone}.
        """,
        $"{Name}: we have refunded {amount} of your rent payment {paymentReference}. It can take 5 to 10 working days to reach you.");

    public TenantMessage RefundFailed(string amount, string paymentReference, string tenancyReference) => new(
        $"Your refund of {amount} could not be made",
        $"""
        {Name} tried to refund {amount} of your rent payment {paymentReference}, but your bank or card provider could not accept it.

        The money is still in your rent account (tenancy reference {tenancyReference}).

        Please call us on {Phone} so we can refund you another way.
        """,
        $"{Name}: we could not refund {amount} of payment {paymentReference}. Please call us on {Phone}.");

    private TenantMessage Appointment(string reference, string what, string verb, string sentence, string text) => new(
        $"Repair {reference}: appointment {verb}",
        $"""
        {sentence}

        What: {what}
        Someone aged 18 or over needs to be at home. You can change or cancel it online until 6pm the day before: {AppointmentLink(reference)}

        {Name}. Call us on {Phone} if you have a question.
        """,
        $"{Name}: {text} {AppointmentLink(reference)}");

    /// <summary>The text with the officer's words when it still fits two GSM-7 fragments, else the shorter one.</summary>
    private static string Fit(string full, string shorter) =>
        SmsLength.IsGsm7(full) && SmsLength.Fragments(full) <= SmsLength.MaxFragments ? full : shorter;

    private static string Short(string what) => what.Length <= TextWhatLength ? what : what[..(TextWhatLength - 3)].TrimEnd() + "...";

    /// <summary>What a page says after a message is queued: how, never "we've emailed you" unless we did.</summary>
    public static string HowWeTold(MessageChannel? channel) => channel switch
    {
        MessageChannel.Email => "We've sent you an email with these details.",
        MessageChannel.Text => "We've sent you a text message with these details.",
        MessageChannel.Letter => "We'll send you a letter with these details.",
        _ => "",
    };

    /// <summary>The same for an officer's page: how the tenants will hear.</summary>
    public static string HowTenantsHear(IReadOnlyCollection<MessageChannel> channels) => channels.Count == 0
        ? "The tenant has no contact details, so nothing was sent."
        : (channels.Count == 1 ? "The tenant is told by " : "The tenants are told by ") + string.Join(" and ", channels.Distinct().Select(c => c switch
        {
            MessageChannel.Email => "email",
            MessageChannel.Text => "text message",
            _ => "letter (see letters to send)",
        })) + ".";
}
