namespace TenantPortal.Web.Data.Housing;

/// <summary>A complaint under the Housing Ombudsman's Complaint Handling Code: "an expression of dissatisfaction,
/// however made". Its stages (<see cref="ComplaintStage"/>) carry the Code's dates; its letters
/// (<see cref="ComplaintLetter"/>) are what the tenant was told, in order.</summary>
public class Complaint
{
    public int Id { get; set; }
    public required string Reference { get; set; }
    public int TenancyId { get; set; }
    public Tenancy Tenancy { get; set; } = null!;

    /// <summary>The tenant who made it (null when an officer logged it for the household without naming one).</summary>
    public int? MadeByTenantId { get; set; }
    public ComplaintTopic Topic { get; set; }

    /// <summary>The repair it is about, when it is about one.</summary>
    public int? RepairId { get; set; }
    public Repair? Repair { get; set; }

    /// <summary>Another record it is about (a payment reference, for example), as the tenant or officer gave it.</summary>
    public string? RelatedReference { get; set; }
    public required string Description { get; set; }
    public string? OutcomeWanted { get; set; }
    public ComplaintChannel Channel { get; set; }

    /// <summary>When the complaint was made (the Code's clock starts then), which for a letter or phone call an
    /// officer logs later may be before <see cref="LoggedAt"/>.</summary>
    public DateTime ReceivedAt { get; set; }
    public DateTime LoggedAt { get; set; }
    public required string LoggedBy { get; set; }
    public int CurrentStage { get; set; } = 1;
    public ComplaintStatus Status { get; set; }
    /// <summary>Concurrency token (see <see cref="Tenant.Version"/>): set by HousingDbContext or the database, never by features.</summary>
    public Guid Version { get; set; }

    public List<ComplaintStage> Stages { get; set; } = [];
    public List<ComplaintLetter> Letters { get; set; } = [];
}

/// <summary>One stage of a complaint (1, or 2 on the tenant's request) with the Code's dates.</summary>
public class ComplaintStage
{
    public int Id { get; set; }
    public int ComplaintId { get; set; }
    public int Stage { get; set; }

    /// <summary>Stage 1: when the complaint was made. Stage 2: when the tenant asked to escalate.</summary>
    public DateTime RequestedAt { get; set; }
    public string? Reason { get; set; }
    public DateOnly AcknowledgeBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>Set on acknowledgement and moved by extensions.</summary>
    public DateOnly? RespondBy { get; set; }
    public int ExtensionDays { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? Decision { get; set; }
}

/// <summary>What the tenant was sent, kept with the complaint (and queued as an email when there is an address).</summary>
public class ComplaintLetter
{
    public int Id { get; set; }
    public int ComplaintId { get; set; }
    public int Stage { get; set; }
    public ComplaintLetterKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string Body { get; set; }
    public required string SentBy { get; set; }
}

public enum ComplaintTopic { Repair, Payment, ContactDetails, Other }

public enum ComplaintChannel { Portal, Phone, InPerson, Letter, Email }

public enum ComplaintStatus { AwaitingAcknowledgement, Investigating, Responded, Closed }

public enum ComplaintLetterKind { Received, Acknowledgement, Extension, Response, EscalationRequested }
