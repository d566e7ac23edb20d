using Bloomy.Client;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// Names the meeting of headlines read from a list: the API fills a headline's meeting name (Origin) only on a
/// single read, so lists carry the meeting id alone. The name comes from the meeting the headlines were listed
/// for when that is known, else from the current user's meetings, which the connection keeps for a minute.
/// </summary>
internal static class MeetingNames
{
    public static async Task<IReadOnlyList<Headline>> CompleteAsync(
        ExpiringCache<Meeting> meetings, IReadOnlyList<Headline> headlines, Meeting? listedFor, CancellationToken cancellationToken)
    {
        if (!headlines.Any(h => h.MeetingName is null && h.MeetingId is not null)) return headlines;
        var names = new Dictionary<long, string>();
        try
        {
            foreach (var meeting in await meetings.GetAsync(cancellationToken).ConfigureAwait(false)) names[meeting.Id] = meeting.Name;
        }
        catch (BloomyException)
        {
            // The list is only a source of names; without it the headlines still go out, with their meeting ids.
        }
        if (listedFor is not null) names[listedFor.Id] = listedFor.Name;
        return headlines.Select(h => h.MeetingName is null && h.MeetingId is { } id && names.TryGetValue(id, out var name) ? Named(h, name) : h).ToList();
    }

    private static Headline Named(Headline h, string meetingName) => new()
    {
        Id = h.Id,
        Title = h.Title,
        DetailsUrl = h.DetailsUrl,
        OwnerId = h.OwnerId,
        OwnerName = h.OwnerName,
        MeetingId = h.MeetingId,
        MeetingName = meetingName,
        Archived = h.Archived,
        CreateTime = h.CreateTime,
        CloseTime = h.CloseTime,
    };
}
