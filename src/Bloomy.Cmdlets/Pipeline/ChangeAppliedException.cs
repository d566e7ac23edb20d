namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// A change was applied but the item could not be read back for -PassThru: the item is not to be taken for
/// unchanged (error id <c>Bloomy.ReadBackFailed</c>; the inner exception is the read's failure).
/// </summary>
internal sealed class ChangeAppliedException(string message, Exception inner) : Exception(message, inner);
