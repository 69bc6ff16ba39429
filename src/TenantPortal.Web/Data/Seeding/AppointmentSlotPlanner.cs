using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Half-day slots for every trade in every patch over the next four weeks of working days, and the
/// bookings made into them while repairs are planned (BookedCount is kept equal to the booked appointments).</summary>
internal sealed class AppointmentSlotPlanner
{
    private readonly Dictionary<(int PatchId, Trade Trade), List<AppointmentSlot>> byPatchAndTrade = [];

    public AppointmentSlotPlanner(IEnumerable<Patch> patches, DateOnly today, Random rng)
    {
        foreach (var patch in patches)
        {
            foreach (var trade in Enum.GetValues<Trade>())
            {
                var list = new List<AppointmentSlot>();
                for (var date = today.AddDays(1); date <= today.AddDays(28); date = date.AddDays(1))
                {
                    if (!Features.Repairs.WorkingDays.IsWorkingDay(date))
                        continue;
                    foreach (var period in Enum.GetValues<SlotPeriod>())
                    {
                        list.Add(new AppointmentSlot
                        {
                            PatchId = patch.Id,
                            Trade = trade,
                            Date = date,
                            Period = period,
                            Capacity = rng.Next(100) < 6 ? 1 : rng.Next(2, 7),
                        });
                    }
                }

                byPatchAndTrade[(patch.Id, trade)] = list;
                Slots.AddRange(list);
            }
        }
    }

    public List<AppointmentSlot> Slots { get; } = [];

    /// <summary>Takes a place in the first slot with space on or after <paramref name="earliest"/>, or returns null.</summary>
    public AppointmentSlot? Book(int patchId, Trade trade, DateOnly earliest)
    {
        if (!byPatchAndTrade.TryGetValue((patchId, trade), out var slots))
            return null;
        var slot = slots.FirstOrDefault(s => s.Date >= earliest && s.HasSpace);
        if (slot is not null)
            slot.BookedCount++;
        return slot;
    }
}
