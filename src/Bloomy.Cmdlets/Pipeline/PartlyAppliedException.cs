namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// One item's change went over two transports (REST, then GraphQL) and the second part failed: the message names the
/// item and says which part was applied. The error id is that of the inner (second part's) failure.
/// </summary>
internal sealed class PartlyAppliedException(string message, Exception inner) : Exception(message, inner);
