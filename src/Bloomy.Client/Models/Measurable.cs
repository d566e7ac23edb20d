namespace Bloomy.Client.Models;

/// <summary>A measurable (a scorecard row) of a meeting.</summary>
public sealed class Measurable
{
    /// <summary>The measurable's id.</summary>
    public long Id { get; init; }

    /// <summary>The measurable's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The weekly target, when set.</summary>
    public double? Target { get; init; }

    /// <summary>The unit (the server's <c>Modifiers</c>, e.g. <c>Dollar</c>, <c>Percent</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>The comparison direction (e.g. <c>&gt;=</c>).</summary>
    public string? Direction { get; init; }

    /// <summary>The id of the accountable user, when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the accountable user, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The id of the measurable's admin, when known.</summary>
    public long? AdminId { get; init; }

    /// <summary>The name of the measurable's admin, when known.</summary>
    public string? AdminName { get; init; }

    /// <summary>Returns a short description such as <c>Measurable 4001 'Weekly revenue'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Measurable {Id} '{Title}'";
}
