namespace Bloomy.Client.Models;

/// <summary>A Bloom Growth user (from a user read, a search, a meeting's attendee list or a direct-report list).</summary>
public sealed class User
{
    /// <summary>The user's id.</summary>
    public long Id { get; init; }

    /// <summary>The user's display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The user's e-mail address, when the source returned one (user search and list).</summary>
    public string? Email { get; init; }

    /// <summary>The user's position or title, as the search service describes it (search <c>Description</c>).</summary>
    public string? Position { get; init; }

    /// <summary>The URL of the user's picture, when known.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The id of the user's organisation, when the source returned one (user search and list).</summary>
    public long? OrganizationId { get; init; }

    /// <summary>True for placeholder users (open seats without an e-mail address).</summary>
    public bool IsPlaceholder { get; init; }

    /// <summary>The user's direct reports; null unless they were requested.</summary>
    public IReadOnlyList<User>? DirectReports { get; init; }

    /// <summary>The user's accountability-chart positions; null unless they were requested.</summary>
    public IReadOnlyList<UserPosition>? Positions { get; init; }

    /// <summary>Returns a short description such as <c>User 1001 'Ada Park'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"User {Id} '{Name}'";
}

/// <summary>A position (accountability-chart seat) a user holds.</summary>
public sealed class UserPosition
{
    /// <summary>The position's id.</summary>
    public long Id { get; init; }

    /// <summary>The position's name; may be null when the seat has no named position.</summary>
    public string? Name { get; init; }

    /// <summary>Returns a short description such as <c>Position 77 'Integrator'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Position {Id} '{Name}'";
}
