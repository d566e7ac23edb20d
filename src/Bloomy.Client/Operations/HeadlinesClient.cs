using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Headline operations.</summary>
public sealed partial class HeadlinesClient : ResourceClient
{
    internal HeadlinesClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Shares a headline in a meeting (<c>POST L10/{meetingId}/headlines</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="title">The title.</param>
    /// <param name="ownerId">The owner; null means the current user.</param>
    /// <param name="notes">Notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created headline (from the create answer and the arguments; not re-read).</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Headline> CreateAsync(long meetingId, string title, long? ownerId = null, string? notes = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Title(title, nameof(title));
        Guard.OptionalId(ownerId, nameof(ownerId));
        return RunAsync();

        async Task<Headline> RunAsync()
        {
            var owner = await UserIdAsync(ownerId, cancellationToken).ConfigureAwait(false);
            var body = new HeadlineCreateBody { Title = title, OwnerId = owner, Notes = notes };
            var dto = await SendAsync(Routes.CreateHeadline(meetingId), body, Json.HeadlineCreateBody, Json.HeadlineDto, cancellationToken)
                .ConfigureAwait(false);

            // Owner from the argument (or the current user), notes URL "" when missing, as the reference SDK does.
            var headline = Mapper.ToHeadline(dto);
            return new Headline
            {
                Id = headline.Id,
                Title = dto.Name ?? title,
                DetailsUrl = dto.DetailsUrl ?? "",
                OwnerId = owner,
                OwnerName = headline.OwnerName,
                MeetingId = headline.MeetingId ?? meetingId,
                MeetingName = headline.MeetingName,
                Archived = headline.Archived,
                CreateTime = headline.CreateTime,
                CloseTime = headline.CloseTime,
            };
        }
    }

    /// <summary>Renames a headline (<c>PUT headline/{headlineId}</c>) and reads it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="title">The new title.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated headline.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task<Headline> UpdateAsync(long headlineId, string title, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        Guard.Title(title, nameof(title));
        return RunAsync();

        async Task<Headline> RunAsync()
        {
            await SendAsync(Routes.UpdateHeadline(headlineId), new HeadlineUpdateBody { Title = title },
                Json.HeadlineUpdateBody, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(headlineId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renames a headline (<c>PUT headline/{headlineId}</c>) without reading it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="title">The new title.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has renamed the headline.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task SendUpdateAsync(long headlineId, string title, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        Guard.Title(title, nameof(title));
        return SendAsync(Routes.UpdateHeadline(headlineId), new HeadlineUpdateBody { Title = title },
            Json.HeadlineUpdateBody, cancellationToken);
    }

    /// <summary>Gets a headline with its meeting name (<c>GET headline/{headlineId}?Include_Origin=true</c>).</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The headline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task<Headline> GetAsync(long headlineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        return ReadAsync(headlineId, cancellationToken);
    }

    /// <summary>
    /// Lists headlines: a meeting's (<c>GET l10/{meetingId}/headlines</c>) or a user's (<c>GET headline/users/{userId}</c>).
    /// </summary>
    /// <param name="userId">The user; null (and no meeting) means the current user.</param>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The headlines (the meeting name is usually absent from lists).</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Headline>> ListAsync(long? userId = null, long? meetingId = null, CancellationToken cancellationToken = default)
    {
        Guard.UserOrMeeting(userId, meetingId, Guard.BothIdsHeadlineMessage);
        return RunAsync();

        async Task<IReadOnlyList<Headline>> RunAsync()
        {
            var route = meetingId is long meeting
                ? Routes.MeetingHeadlines(meeting)
                : Routes.UserHeadlines(await UserIdAsync(userId, cancellationToken).ConfigureAwait(false));
            var items = await GetAsync(route, Json.ListHeadlineDto, cancellationToken).ConfigureAwait(false);
            return Mapper.List(items, Mapper.ToHeadline);
        }
    }

    /// <summary>Deletes a headline (<c>DELETE headline/{headlineId}</c>).</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the headline was deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task DeleteAsync(long headlineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        return SendAsync(Routes.DeleteHeadline(headlineId), cancellationToken);
    }

    private async Task<Headline> ReadAsync(long headlineId, CancellationToken cancellationToken)
    {
        var dto = await GetAsync(Routes.Headline(headlineId), Json.HeadlineDto, cancellationToken).ConfigureAwait(false);
        return Mapper.ToHeadline(dto);
    }
}
