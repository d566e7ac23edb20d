namespace Bloomy.Client.Models;

/// <summary>A headline shared in a meeting.</summary>
public sealed class Headline
{
    /// <summary>The headline's id.</summary>
    public long Id { get; init; }

    /// <summary>The headline's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The URL of the headline's notes pad.</summary>
    public string? DetailsUrl { get; init; }

    /// <summary>The id of the headline's owner, when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the headline's owner, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The id of the meeting the headline belongs to, when known.</summary>
    public long? MeetingId { get; init; }

    /// <summary>The name of the meeting the headline belongs to, when the server sends it.</summary>
    public string? MeetingName { get; init; }

    /// <summary>True when the headline is archived (closed).</summary>
    public bool Archived { get; init; }

    /// <summary>When the headline was created.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the headline was closed.</summary>
    public DateTime? CloseTime { get; init; }

    /// <summary>
    /// The headline's notes as plain text: filled only when asked for (Get-BloomyHeadline -IncludeNotes, GraphQL
    /// reads); null when the headline has none or they were not read.
    /// </summary>
    public string? Notes { get; init; }

    /// <summary>Returns a short description such as <c>Headline 8001 'Closed our biggest deal'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Headline {Id} '{Title}'";
}
