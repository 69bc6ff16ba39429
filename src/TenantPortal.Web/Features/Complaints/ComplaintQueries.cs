using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>Read models for complaints. The tenant's are scoped to their tenancy (another tenancy's is "not found").</summary>
public static class ComplaintQueries
{
    public static Task<List<ComplaintSummary>> ListAsync(HousingDbContext db, int tenancyId, CancellationToken ct) =>
        db.Complaints.AsNoTracking().Where(c => c.TenancyId == tenancyId).OrderByDescending(c => c.ReceivedAt)
            .Select(c => new ComplaintSummary(c.Reference, c.Topic, c.Status, c.CurrentStage, c.ReceivedAt))
            .ToListAsync(ct);

    /// <summary>One complaint's page; <paramref name="tenancyId"/> null for officers (any tenancy).</summary>
    public static async Task<ComplaintPage?> PageAsync(HousingDbContext db, string reference, int? tenancyId, CancellationToken ct)
    {
        var c = await db.Complaints.AsNoTracking()
            .Where(x => x.Reference == reference && (tenancyId == null || x.TenancyId == tenancyId))
            .Select(x => new
            {
                x.Reference,
                x.Topic,
                RepairReference = x.Repair == null ? null : x.Repair.Reference,
                x.RelatedReference,
                x.Description,
                x.OutcomeWanted,
                x.Channel,
                x.ReceivedAt,
                x.Status,
                x.CurrentStage,
                x.Version,
                Stages = x.Stages.OrderBy(s => s.Stage).Select(s => new StageView(s.Stage, s.RequestedAt, s.AcknowledgeBy, s.AcknowledgedAt, s.RespondBy, s.ExtensionDays, s.ExtensionReason, s.RespondedAt)).ToList(),
                Letters = x.Letters.OrderBy(l => l.At).ThenBy(l => l.Id).Select(l => new ComplaintLetterView(l.At, l.Kind, l.Stage, l.Body)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        return c is null
            ? null
            : new ComplaintPage
            {
                Reference = c.Reference,
                Topic = c.Topic,
                RepairReference = c.RepairReference,
                RelatedReference = c.RelatedReference,
                Description = c.Description,
                OutcomeWanted = c.OutcomeWanted,
                Channel = c.Channel,
                ReceivedAt = c.ReceivedAt,
                Status = c.Status,
                Stage = c.CurrentStage,
                Version = c.Version,
                Stages = c.Stages,
                Letters = c.Letters,
            };
    }
}
