namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// What an id or date transformation hands on for an unusable cell of a pipeline row, when the cmdlet reports such
/// cells itself (<see cref="UnusableCells"/>): no parameter type converts from it, so PowerShell leaves the
/// parameter unbound without writing an error of its own, and the cmdlet reports the row in input order.
/// </summary>
internal sealed class UnusableCell(object? value, string reason)
{
    /// <summary>
    /// Stands in for an unusable cell on a mandatory id parameter, so the row still reaches the cmdlet, which reports
    /// it (no real id is this large).
    /// </summary>
    public const long IdPlaceholder = long.MaxValue;

    /// <summary>The value as given.</summary>
    public object? Value { get; } = value;

    /// <summary>Why it cannot be used.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public override string ToString() => Reason;
}
